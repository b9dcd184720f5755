// Branch and hook resources of GitLabEmulator, and their JSON shapes.
#include <boost/json.hpp>
#include <map>

#include "sandbox/gitlab/gitlab_emulator.hpp"
#include "sandbox/gitlab/gitlab_util.hpp"
#include "sandbox/gitlab/pagination.hpp"
#include "sandbox/gitlab/request_params.hpp"

namespace slipway::sandbox::gitlab {

namespace {

bool ValidBranchName(const std::string& name) {
  if (name.empty() || name.front() == '-' || name.front() == '/' || name.back() == '/' ||
      name.ends_with(".lock") || name.find("..") != std::string::npos ||
      name.find("//") != std::string::npos) {
    return false;
  }
  for (unsigned char c : name) {
    if (c <= ' ' || c == '~' || c == '^' || c == ':' || c == '?' || c == '*' || c == '[' ||
        c == '\\' || c == 127) {
      return false;
    }
  }
  return true;
}

}  // namespace

boost::json::object GitLabEmulator::BranchJson(const Project& p, const std::string& name) const {
  const Branch& b = p.branches.at(name);
  std::string web = base_url_ + "/" + p.path;
  boost::json::object commit{{"id", b.sha},
                             {"short_id", b.sha.substr(0, 8)},
                             {"created_at", b.created_at},
                             {"parent_ids", boost::json::array{}},
                             {"title", b.title},
                             {"message", b.title},
                             {"author_name", "Sandbox"},
                             {"author_email", "sandbox@sandbox.invalid"},
                             {"authored_date", b.created_at},
                             {"committer_name", "Sandbox"},
                             {"committer_email", "sandbox@sandbox.invalid"},
                             {"committed_date", b.created_at},
                             {"trailers", boost::json::object{}},
                             {"web_url", web + "/-/commit/" + b.sha}};
  bool is_default = name == p.default_branch;
  return {{"name", name},
          {"merged", false},
          {"protected", is_default},
          {"default", is_default},
          {"developers_can_push", false},
          {"developers_can_merge", false},
          {"can_push", true},
          {"web_url", web + "/-/tree/" + name},
          {"commit", commit}};
}

boost::json::object GitLabEmulator::HookJson(const Project& p, const Hook& h) const {
  return {{"id", h.id},
          {"url", h.url},
          {"name", ""},
          {"description", ""},
          {"project_id", p.id},
          {"push_events", h.push_events},
          {"push_events_branch_filter", h.branch_filter},
          {"branch_filter_strategy", "wildcard"},
          {"tag_push_events", false},
          {"merge_requests_events", false},
          {"pipeline_events", false},
          {"enable_ssl_verification", true},
          {"alert_status", "executable"},
          {"disabled_until", nullptr},
          {"created_at", h.created_at}};
}

http::Response GitLabEmulator::Branches(http::Request& request, Project& p, std::string_view rest) {
  if (rest.empty() || rest == "/") {
    if (request.method == "GET") {
      std::string search = request.Query("search").value_or("");
      boost::json::array items;
      for (const auto& [name, b] : p.branches) {
        if (search.empty() || name.find(search) != std::string::npos)
          items.push_back(BranchJson(p, name));
      }
      return Paginate(
          request, items,
          base_url_ + "/api/v4/projects/" + std::to_string(p.id) + "/repository/branches");
    }
    if (request.method != "POST") return Message(405, "405 Method Not Allowed");
    auto params = Params(request);
    std::string branch = params["branch"];
    std::string ref = params["ref"];
    if (branch.empty())
      return http::Response::Json(400, boost::json::object{{"error", "branch is missing"}});
    if (ref.empty())
      return http::Response::Json(400, boost::json::object{{"error", "ref is missing"}});
    if (!ValidBranchName(branch)) return Message(400, "Branch name is invalid");
    if (p.branches.contains(branch)) return Message(400, "Branch already exists");
    // GitLab gives an empty repository its default branch (a README) first.
    if (p.branches.empty()) InitialCommit(p);
    std::string sha;
    if (auto it = p.branches.find(ref); it != p.branches.end()) sha = it->second.sha;
    for (const auto& [name, b] : p.branches) {
      if (sha.empty() && b.sha == ref) sha = b.sha;
    }
    if (sha.empty()) {
      return Message(
          400, "Failed to create branch '" + branch + "': invalid reference name '" + ref + "'");
    }
    std::string title;
    for (const auto& [name, b] : p.branches) {
      if (b.sha == sha) title = b.title;
    }
    p.branches[branch] = Branch{sha, title, NowIso()};
    return http::Response::Json(201, BranchJson(p, branch));
  }
  std::string name = PercentDecode(rest.substr(1));
  if (!p.branches.contains(name)) return Message(404, "404 Branch Not Found");
  if (request.method == "GET") return http::Response::Json(200, BranchJson(p, name));
  if (request.method != "DELETE") return Message(405, "405 Method Not Allowed");
  if (name == p.default_branch)
    return Message(400, "The default branch of a project cannot be deleted.");
  p.branches.erase(name);
  return http::Response::NoContent();
}

http::Response GitLabEmulator::Hooks(http::Request& request, Project& p, std::string_view rest) {
  if (rest.empty() || rest == "/") {
    if (request.method == "GET") {
      boost::json::array items;
      for (const auto& [id, h] : p.hooks) items.push_back(HookJson(p, h));
      return Paginate(request, items,
                      base_url_ + "/api/v4/projects/" + std::to_string(p.id) + "/hooks");
    }
    if (request.method != "POST") return Message(405, "405 Method Not Allowed");
    auto params = Params(request);
    if (params["url"].empty())
      return http::Response::Json(400, boost::json::object{{"error", "url is missing"}});
    if (!params["url"].starts_with("http://") && !params["url"].starts_with("https://")) {
      return Message(422, "Invalid url given");
    }
    Hook h;
    h.id = next_hook_id_++;
    h.url = params["url"];
    h.token = params["token"];
    h.push_events = !params.contains("push_events") || params["push_events"] == "true";
    h.branch_filter = params["push_events_branch_filter"];
    h.created_at = NowIso();
    p.hooks[h.id] = h;
    return http::Response::Json(201, HookJson(p, h));  // the token is never returned
  }
  auto it = p.hooks.find(std::atoll(std::string(rest.substr(1)).c_str()));
  if (it == p.hooks.end()) return Message(404, "404 Not Found");
  if (request.method == "GET") return http::Response::Json(200, HookJson(p, it->second));
  if (request.method == "DELETE") {
    p.hooks.erase(it);
    return http::Response::NoContent();
  }
  if (request.method != "PUT") return Message(405, "405 Method Not Allowed");
  auto params = Params(request);
  Hook& h = it->second;
  if (params.contains("url") && params["url"] != h.url) {
    h.url = params["url"];
    h.token.clear();  // GitLab resets the token when the URL changes
  }
  if (params.contains("token")) h.token = params["token"];
  if (params.contains("push_events")) h.push_events = params["push_events"] == "true";
  if (params.contains("push_events_branch_filter"))
    h.branch_filter = params["push_events_branch_filter"];
  return http::Response::Json(200, HookJson(p, h));
}

}  // namespace slipway::sandbox::gitlab
