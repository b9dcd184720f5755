// Projects and namespaces of GitLabEmulator: GET/POST /projects, GET
// /namespaces and their JSON shapes.
#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <vector>

#include "sandbox/gitlab/gitlab_emulator.hpp"
#include "sandbox/gitlab/gitlab_util.hpp"
#include "sandbox/gitlab/pagination.hpp"
#include "sandbox/gitlab/request_params.hpp"

namespace slipway::sandbox::gitlab {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// GitLab's project path format (Gitlab::PathRegex.project_path_format_regex).
bool ValidProjectPath(std::string_view path) {
  if (path.empty() || path.front() == '-' || path.ends_with(".git") || path.ends_with(".atom"))
    return false;
  return std::all_of(path.begin(), path.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

// GitLab's project name format; bytes above ASCII (emoji, CJK) are allowed.
bool ValidProjectName(std::string_view name) {
  auto ok = [](char c, bool first) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '_' ||
           (!first && (c == '.' || c == '+' || c == '-' || c == ' '));
  };
  if (name.empty() || !ok(name.front(), true)) return false;
  return std::all_of(name.begin(), name.end(), [&](char c) { return ok(c, false); });
}

// The path GitLab derives from a name when no path is given ("My App" → "my-app").
std::string PathFromName(std::string_view name) {
  std::string path;
  for (char c : Lower(name)) {
    bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    if (keep)
      path += c;
    else if (!path.empty() && path.back() != '-')
      path += '-';
  }
  while (!path.empty() && path.back() == '-') path.pop_back();
  return path;
}

// GitLab's validation error: {"message":{"<field>":["<error>"]}}.
http::Response Invalid(const boost::json::object& fields) {
  return http::Response::Json(400, boost::json::object{{"message", fields}});
}

http::Response Missing(std::string_view text) {
  return http::Response::Json(400, boost::json::object{{"error", text}});
}

}  // namespace

GitLabEmulator::Namespace& GitLabEmulator::AddNamespace(const std::string& full_path, bool user) {
  auto& n = namespaces_[full_path];
  if (n.id == 0) n = Namespace{next_namespace_id_++, full_path, user};
  return n;
}

boost::json::object GitLabEmulator::NamespaceJson(const Namespace& n) const {
  auto slash = n.full_path.rfind('/');
  boost::json::value parent = nullptr;
  if (slash != std::string::npos) {
    if (auto it = namespaces_.find(n.full_path.substr(0, slash)); it != namespaces_.end())
      parent = it->second.id;
  }
  std::string leaf = n.full_path.substr(slash == std::string::npos ? 0 : slash + 1);
  return {{"id", n.id},
          {"name", leaf},
          {"path", leaf},
          {"kind", n.user ? "user" : "group"},
          {"full_path", n.full_path},
          {"parent_id", parent},
          {"avatar_url", nullptr},
          {"web_url", base_url_ + (n.user ? "/" : "/groups/") + n.full_path}};
}

boost::json::object GitLabEmulator::ProjectJson(const Project& p) const {
  std::string ns = p.path.substr(0, p.path.rfind('/'));
  std::string web = base_url_ + "/" + p.path;
  std::string host = base_url_.substr(base_url_.find("://") + 3);
  boost::json::object namespace_json{{"full_path", ns}, {"kind", "group"}};
  if (auto it = namespaces_.find(ns); it != namespaces_.end())
    namespace_json = NamespaceJson(it->second);
  bool empty = p.branches.empty();
  return {{"id", p.id},
          {"description", nullptr},
          {"name", p.name},
          {"name_with_namespace", ns + " / " + p.name},
          {"path", p.path.substr(p.path.rfind('/') + 1)},
          {"path_with_namespace", p.path},
          {"created_at", p.created_at},
          // An empty repository has no default branch yet.
          {"default_branch",
           empty ? boost::json::value(nullptr) : boost::json::value(p.default_branch)},
          {"tag_list", boost::json::array{}},
          {"topics", boost::json::array{}},
          {"ssh_url_to_repo", "git@" + host.substr(0, host.find(':')) + ":" + p.path + ".git"},
          {"http_url_to_repo", web + ".git"},
          {"web_url", web},
          {"readme_url",
           empty ? boost::json::value(nullptr)
                 : boost::json::value(web + "/-/blob/" + p.default_branch + "/README.md")},
          {"forks_count", 0},
          {"avatar_url", nullptr},
          {"star_count", 0},
          {"last_activity_at", p.created_at},
          {"namespace", namespace_json},
          {"visibility", "private"},
          {"empty_repo", empty},
          {"archived", false}};
}

http::Response GitLabEmulator::ListProjects(const http::Request& request) {
  std::string order_by = request.Query("order_by").value_or("created_at");
  std::string sort = request.Query("sort").value_or("desc");
  static const std::vector<std::string> kOrders = {"id",         "name",       "path",
                                                   "created_at", "updated_at", "last_activity_at",
                                                   "star_count", "similarity"};
  if (std::find(kOrders.begin(), kOrders.end(), order_by) == kOrders.end())
    return Missing("order_by does not have a valid value");
  if (sort != "asc" && sort != "desc") return Missing("sort does not have a valid value");
  std::string search = Lower(request.Query("search").value_or(""));
  bool in_namespaces = request.Query("search_namespaces").value_or("") == "true";
  bool simple = request.Query("simple").value_or("") == "true";
  std::lock_guard lock(mutex_);
  std::vector<const Project*> found;
  for (const auto& [path, p] : projects_) {
    bool match = search.empty() || Lower(p.name).find(search) != std::string::npos ||
                 Lower(p.path.substr(p.path.rfind('/') + 1)).find(search) != std::string::npos ||
                 (in_namespaces && Lower(p.path).find(search) != std::string::npos);
    if (match) found.push_back(&p);
  }
  // Creation order is id order here; nothing is starred and activity is creation.
  auto key = [&](const Project* p) {
    if (order_by == "name") return Lower(p->name);
    if (order_by == "path") return Lower(p->path.substr(p->path.rfind('/') + 1));
    return std::string();
  };
  std::stable_sort(found.begin(), found.end(), [&](const Project* a, const Project* b) {
    auto ka = key(a), kb = key(b);
    bool less = ka != kb ? ka < kb : a->id < b->id;
    bool greater = ka != kb ? ka > kb : a->id > b->id;
    return sort == "asc" ? less : greater;
  });
  static const std::vector<std::string> kSimple = {"id",
                                                   "description",
                                                   "name",
                                                   "name_with_namespace",
                                                   "path",
                                                   "path_with_namespace",
                                                   "created_at",
                                                   "default_branch",
                                                   "tag_list",
                                                   "topics",
                                                   "ssh_url_to_repo",
                                                   "http_url_to_repo",
                                                   "web_url",
                                                   "readme_url",
                                                   "forks_count",
                                                   "avatar_url",
                                                   "star_count",
                                                   "last_activity_at",
                                                   "namespace"};
  boost::json::array items;
  for (const Project* p : found) {
    auto full = ProjectJson(*p);
    if (!simple) {
      items.push_back(std::move(full));
      continue;
    }
    boost::json::object brief;
    for (const auto& field : kSimple) brief[field] = full[field];
    items.push_back(std::move(brief));
  }
  return Paginate(request, items, base_url_ + "/api/v4/projects");
}

http::Response GitLabEmulator::CreateProjectRequest(const http::Request& request) {
  auto params = Params(request);
  std::string name = params["name"];
  std::string path = params["path"];
  if (name.empty() && path.empty())
    return Missing("name, path are missing, at least one parameter must be provided");
  if (path.empty()) path = PathFromName(name);
  if (name.empty()) name = path;
  boost::json::object problems;  // GitLab reports every field at once
  if (!ValidProjectName(name)) {
    problems["name"] = boost::json::array{
        "can contain only letters, digits, emoji, '_', '.', '+', dashes, or spaces. It must "
        "start with a letter, digit, emoji, or '_'."};
  }
  if (!ValidProjectPath(path)) {
    problems["path"] = boost::json::array{
        "can contain only letters, digits, '_', '-' and '.'. Cannot start with '-', end in "
        "'.git' or end in '.atom'"};
  }
  if (!problems.empty()) return Invalid(problems);
  std::string branch = params["default_branch"].empty() ? "main" : params["default_branch"];
  std::lock_guard lock(mutex_);
  // namespace_id: a numeric id or a full path, as GitLab's find_namespace takes both.
  const Namespace* ns = &namespaces_.at(options_.username);
  if (const std::string& given = params["namespace_id"]; !given.empty()) {
    ns = nullptr;
    for (const auto& [full_path, n] : namespaces_) {
      if (std::to_string(n.id) == given || full_path == given) ns = &n;
    }
    if (!ns) return Message(404, "404 Namespace Not Found");
  }
  std::string full = ns->full_path + "/" + path;
  boost::json::object taken;
  if (projects_.contains(full)) taken["path"] = boost::json::array{"has already been taken"};
  for (const auto& [other_path, other] : projects_) {
    if (other_path.starts_with(ns->full_path + "/") &&
        other_path.find('/', ns->full_path.size() + 1) == std::string::npos && other.name == name)
      taken["name"] = boost::json::array{"has already been taken"};
  }
  if (!taken.empty()) return Invalid(taken);
  Project& p = NewProject(full, branch, params["initialize_with_readme"] == "true");
  p.name = name;
  return http::Response::Json(201, ProjectJson(p));
}

http::Response GitLabEmulator::ListNamespaces(const http::Request& request) {
  std::string search = Lower(request.Query("search").value_or(""));
  std::lock_guard lock(mutex_);
  std::vector<const Namespace*> found;
  for (const auto& [full_path, n] : namespaces_) {
    if (search.empty() || Lower(full_path).find(search) != std::string::npos) found.push_back(&n);
  }
  std::sort(found.begin(), found.end(),
            [](const Namespace* a, const Namespace* b) { return a->id < b->id; });
  boost::json::array items;
  for (const Namespace* n : found) items.push_back(NamespaceJson(*n));
  return Paginate(request, items, base_url_ + "/api/v4/namespaces");
}

}  // namespace slipway::sandbox::gitlab
