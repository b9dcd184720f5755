#include "sandbox/gitlab/gitlab_emulator.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "connectors/gitlab/commit_sha.hpp"
#include "connectors/gitlab/push_event.hpp"
#include "sandbox/gitlab/gitlab_util.hpp"
#include "sandbox/gitlab/push_delivery.hpp"

namespace slipway::sandbox::gitlab {

namespace {
constexpr std::size_t kKeptDeliveries = 100;
}

GitLabEmulator::GitLabEmulator(GitLabEmulatorOptions options) : options_(std::move(options)) {
  AddNamespace(options_.username, true);
}

void GitLabEmulator::SetBaseUrl(const std::string& url) {
  std::lock_guard lock(mutex_);
  base_url_ = url;
}

std::string GitLabEmulator::base_url() const {
  std::lock_guard lock(mutex_);
  return base_url_;
}

void GitLabEmulator::Reset() {
  std::lock_guard lock(mutex_);
  projects_.clear();
  namespaces_.clear();
  deliveries_.clear();
  next_project_id_ = 1;
  next_namespace_id_ = 1;
  next_hook_id_ = 1;
  AddNamespace(options_.username, true);
}

GitLabEmulator::Project& GitLabEmulator::NewProject(const std::string& path,
                                                    const std::string& default_branch,
                                                    bool initialize) {
  auto& p = projects_[path];
  if (p.id != 0) return p;
  p.id = next_project_id_++;
  p.path = path;
  p.name = path.substr(path.rfind('/') + 1);
  p.created_at = NowIso();
  p.default_branch = default_branch;
  // Every group of the path ("a", "a/b" for "a/b/app") is a namespace.
  for (auto slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    if (!namespaces_.contains(path.substr(0, slash))) AddNamespace(path.substr(0, slash), false);
  }
  if (initialize) InitialCommit(p);
  return p;
}

void GitLabEmulator::InitialCommit(Project& p) {
  p.branches[p.default_branch] =
      Branch{connectors::gitlab::CommitShaFor(p.path + "\n" + p.default_branch + "\n0"),
             "Initial commit", NowIso()};
}

void GitLabEmulator::CreateProject(const std::string& path, const std::string& default_branch) {
  std::lock_guard lock(mutex_);
  NewProject(path, default_branch);
}

std::optional<std::string> GitLabEmulator::BranchSha(const std::string& project,
                                                     const std::string& branch) const {
  std::lock_guard lock(mutex_);
  auto p = projects_.find(project);
  if (p == projects_.end()) return std::nullopt;
  auto b = p->second.branches.find(branch);
  if (b == p->second.branches.end()) return std::nullopt;
  return b->second.sha;
}

GitLabEmulator::Project* GitLabEmulator::FindProject(const std::string& id_or_path) {
  bool numeric =
      !id_or_path.empty() && id_or_path.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) {
    for (auto& [path, p] : projects_) {
      if (std::to_string(p.id) == id_or_path) return &p;
    }
    return nullptr;
  }
  auto it = projects_.find(id_or_path);
  if (it != projects_.end()) return &it->second;
  if (options_.auto_create_projects && IsProjectPath(id_or_path))
    return &NewProject(id_or_path, "main");
  return nullptr;
}

boost::json::value GitLabEmulator::State() const {
  std::lock_guard lock(mutex_);
  boost::json::object projects;
  for (const auto& [path, p] : projects_) {
    boost::json::object branches;
    for (const auto& [name, b] : p.branches) branches[name] = b.sha;
    boost::json::array hooks;
    for (const auto& [id, h] : p.hooks) hooks.push_back(HookJson(p, h));
    projects[path] = boost::json::object{{"id", p.id},
                                         {"default_branch", p.default_branch},
                                         {"branches", branches},
                                         {"hooks", hooks}};
  }
  return boost::json::object{
      {"projects", projects},
      {"deliveries", boost::json::array(deliveries_.begin(), deliveries_.end())}};
}

http::Response GitLabEmulator::Handle(http::Request& request) {
  // The decoded path would turn group%2Fapp into two segments: route on the raw one.
  std::string_view raw = request.target;
  raw = raw.substr(0, raw.find('?'));
  if (raw.starts_with("/sandbox/") && request.method == "POST") {
    boost::system::error_code ec;
    auto body = boost::json::parse(request.body, ec);
    if (ec || !body.is_object()) return Message(400, "the body must be a JSON object");
    if (raw == "/sandbox/projects") return SandboxProject(body.as_object());
    if (raw == "/sandbox/push") return SandboxPush(body.as_object());
  }
  if (!raw.starts_with("/api/v4/")) return Message(404, "404 Not Found");
  std::string given(request.Header("private-token"));
  if (given.empty() && request.Header("authorization").starts_with("Bearer ")) {
    given = std::string(request.Header("authorization").substr(7));
  }
  if (given.empty()) given = request.Query("private_token").value_or("");
  if (given != options_.token) return Message(401, "401 Unauthorized");
  return Api(request, raw.substr(7));
}

http::Response GitLabEmulator::Api(http::Request& request, std::string_view raw) {
  if (raw == "/version" && request.method == "GET") {
    return http::Response::Json(
        200, boost::json::object{{"version", "17.1.0"}, {"revision", "sandbox"}});
  }
  if (raw == "/projects" || raw == "/projects/") {
    if (request.method == "GET") return ListProjects(request);
    if (request.method == "POST") return CreateProjectRequest(request);
    return Message(405, "405 Method Not Allowed");
  }
  if ((raw == "/namespaces" || raw == "/namespaces/") && request.method == "GET")
    return ListNamespaces(request);
  if (!raw.starts_with("/projects/")) return Message(404, "404 Not Found");
  raw.remove_prefix(10);
  auto slash = raw.find('/');
  std::string id = PercentDecode(raw.substr(0, slash));
  std::string_view rest = slash == std::string_view::npos ? std::string_view() : raw.substr(slash);
  std::lock_guard lock(mutex_);
  Project* project = FindProject(id);
  if (!project) return Message(404, "404 Project Not Found");
  if (rest.empty() || rest == "/") {
    if (request.method != "GET") return Message(405, "405 Method Not Allowed");
    return http::Response::Json(200, ProjectJson(*project));
  }
  if (rest.starts_with("/repository/branches")) return Branches(request, *project, rest.substr(20));
  if (rest.starts_with("/hooks")) return Hooks(request, *project, rest.substr(6));
  return Message(404, "404 Not Found");
}

http::Response GitLabEmulator::SandboxProject(const boost::json::object& body) {
  const auto* path = body.if_contains("path");
  if (!path || !path->is_string() || !IsProjectPath(path->as_string())) {
    return Message(400, "path must look like group/name");
  }
  std::string branch = "main";
  if (const auto* b = body.if_contains("default_branch");
      b && b->is_string() && !b->as_string().empty()) {
    branch = std::string(b->as_string());
  }
  std::lock_guard lock(mutex_);
  bool existed = projects_.contains(std::string(path->as_string()));
  auto& p = NewProject(std::string(path->as_string()), branch);
  return http::Response::Json(existed ? 200 : 201, ProjectJson(p));
}

http::Response GitLabEmulator::SandboxPush(const boost::json::object& body) {
  auto str = [&](const char* key, std::string fallback) {
    const auto* v = body.if_contains(key);
    return v && v->is_string() && !v->as_string().empty() ? std::string(v->as_string()) : fallback;
  };
  std::string project_path = str("project", "");
  std::string branch = str("branch", "");
  if (branch.empty()) return Message(400, "branch is missing");
  PushFacts facts;
  std::vector<std::tuple<std::int64_t, std::string, std::string>> targets;  // id, url, token
  {
    std::lock_guard lock(mutex_);
    Project* p = FindProject(project_path);
    if (!p) return Message(404, "404 Project Not Found");
    auto existing = p->branches.find(branch);
    facts.before = existing == p->branches.end() ? std::string(connectors::gitlab::kZeroSha)
                                                 : existing->second.sha;
    facts.after = connectors::gitlab::CommitShaFor(p->path + "\n" + branch + "\n" +
                                                   std::to_string(++p->commits));
    facts.message = str("message", "Update from the sandbox");
    p->branches[branch] = Branch{facts.after, facts.message, NowIso()};
    facts.project_id = p->id;
    facts.project_path = p->path;
    facts.default_branch = p->default_branch;
    facts.instance_url = base_url_;
    facts.branch = branch;
    facts.user_username = str("user", "sandbox");
    facts.timestamp = NowIso();
    for (const auto& [id, h] : p->hooks) {
      if (h.push_events && BranchFilterMatches(h.branch_filter, branch))
        targets.emplace_back(id, h.url, h.token);
    }
  }
  // Deliveries happen outside the lock: a receiver may call back into this emulator.
  std::string payload = boost::json::serialize(PushPayload(facts));
  boost::json::array deliveries;
  for (const auto& [id, url, token] : targets) {
    deliveries.push_back(DeliverPush(id, url, token, payload, facts.instance_url));
  }
  {
    std::lock_guard lock(mutex_);
    for (const auto& d : deliveries) {
      deliveries_.push_back(d);
      if (deliveries_.size() > kKeptDeliveries) deliveries_.pop_front();
    }
  }
  return http::Response::Json(
      200, boost::json::object{
               {"before", facts.before}, {"after", facts.after}, {"deliveries", deliveries}});
}

}  // namespace slipway::sandbox::gitlab
