#include "connectors/gitlab/client.hpp"

#include <boost/json.hpp>

#include "core/common/json_path.hpp"

namespace slipway::connectors::gitlab {

namespace {

constexpr std::string_view kSystem = "gitlab";

std::string ProjectPath(std::string_view project) {
  return "/api/v4/projects/" + UrlEncode(project);
}

core::Result<boost::json::object> ParseObject(const std::string& body, std::string_view what) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object()) {
    return core::Error{core::Code::kTransient,
                       "gitlab: " + std::string(what) + ": answer is not a JSON object",
                       {}};
  }
  return std::move(v.as_object());
}

GitLabBranch ToBranch(const boost::json::object& o) {
  GitLabBranch b;
  b.name = core::StringAt(o, {"name"});
  b.is_default = core::BoolAt(o, {"default"});
  b.is_protected = core::BoolAt(o, {"protected"});
  if (const auto* c = o.if_contains("commit"); c && c->is_object()) {
    b.commit_sha = core::StringAt(c->as_object(), {"id"});
    b.commit_title = core::StringAt(c->as_object(), {"title"});
  }
  return b;
}

GitLabHook ToHook(const boost::json::object& o) {
  return {core::IntAt(o, {"id"}), core::StringAt(o, {"url"}), core::BoolAt(o, {"push_events"}),
          core::StringAt(o, {"push_events_branch_filter"})};
}

}  // namespace

core::Error GitLabError(const TransportResponse& response, std::string_view what) {
  std::string message;
  boost::system::error_code ec;
  auto v = boost::json::parse(response.body, ec);
  if (!ec && v.is_object()) {
    for (const char* key : {"message", "error"}) {
      if (const auto* m = v.as_object().if_contains(key)) {
        message = m->is_string() ? std::string(m->as_string()) : boost::json::serialize(*m);
        break;
      }
    }
  }
  if (message.empty()) message = "HTTP " + std::to_string(response.status);
  auto error = ErrorFromResponse(kSystem, response, std::string(what) + ": " + message);
  // GitLab says 400 for a duplicate branch; for Slipway that is a conflict.
  if (response.status == 400 && message == "Branch already exists")
    error.code = core::Code::kConflict;
  return error;
}

GitLabClient::GitLabClient(GitLabSettings settings)
    : transport_([&] {
        settings.transport.default_headers.emplace_back("PRIVATE-TOKEN", settings.token);
        return std::move(settings.transport);
      }()) {}

core::Result<std::vector<std::string>> GitLabClient::GetAllPages(const std::string& path,
                                                                 std::string_view what) {
  std::vector<std::string> pages;
  std::string page = "1";
  for (int guard = 0; !page.empty() && guard < 1000; ++guard) {
    auto response = transport_.Send({.path = path + "?per_page=100&page=" + page});
    if (!response.ok()) return response.error();
    if (response->status != 200) return GitLabError(*response, what);
    pages.push_back(std::move(response->body));
    page = response->Header("X-Next-Page").value_or("");
  }
  return pages;
}

core::Result<GitLabProject> GitLabClient::GetProject(std::string_view project) {
  std::string what = "project " + std::string(project);
  auto response = transport_.Send({.path = ProjectPath(project)});
  if (!response.ok()) return response.error();
  if (response->status != 200) return GitLabError(*response, what);
  auto o = ParseObject(response->body, what);
  if (!o.ok()) return o.error();
  return GitLabProject{core::IntAt(*o, {"id"}),
                       core::StringAt(*o, {"name"}),
                       core::StringAt(*o, {"path_with_namespace"}),
                       core::StringAt(*o, {"default_branch"}),
                       core::StringAt(*o, {"web_url"}),
                       core::StringAt(*o, {"http_url_to_repo"})};
}

core::Result<GitLabBranch> GitLabClient::GetBranch(std::string_view project,
                                                   std::string_view branch) {
  std::string what = "branch " + std::string(branch) + " of " + std::string(project);
  auto response =
      transport_.Send({.path = ProjectPath(project) + "/repository/branches/" + UrlEncode(branch)});
  if (!response.ok()) return response.error();
  if (response->status != 200) return GitLabError(*response, what);
  auto o = ParseObject(response->body, what);
  if (!o.ok()) return o.error();
  return ToBranch(*o);
}

core::Result<std::vector<GitLabBranch>> GitLabClient::ListBranches(std::string_view project) {
  auto pages = GetAllPages(ProjectPath(project) + "/repository/branches",
                           "branches of " + std::string(project));
  if (!pages.ok()) return pages.error();
  std::vector<GitLabBranch> branches;
  for (const auto& page : *pages) {
    boost::system::error_code ec;
    auto v = boost::json::parse(page, ec);
    if (ec || !v.is_array())
      return core::Error{core::Code::kTransient, "gitlab: branch list is not an array", {}};
    for (const auto& b : v.as_array()) {
      if (b.is_object()) branches.push_back(ToBranch(b.as_object()));
    }
  }
  return branches;
}

core::Result<GitLabBranch> GitLabClient::CreateBranch(std::string_view project,
                                                      std::string_view branch,
                                                      std::string_view ref) {
  std::string what = "create branch " + std::string(branch) + " of " + std::string(project);
  auto response = transport_.Send({.method = "POST",
                                   .path = ProjectPath(project) + "/repository/branches?branch=" +
                                           UrlEncode(branch) + "&ref=" + UrlEncode(ref)});
  if (!response.ok()) return response.error();
  if (response->status != 201) return GitLabError(*response, what);
  auto o = ParseObject(response->body, what);
  if (!o.ok()) return o.error();
  return ToBranch(*o);
}

core::Status GitLabClient::DeleteBranch(std::string_view project, std::string_view branch) {
  auto response =
      transport_.Send({.method = "DELETE",
                       .path = ProjectPath(project) + "/repository/branches/" + UrlEncode(branch)});
  if (!response.ok()) return response.error();
  if (response->status != 204 && response->status != 202 && response->status != 200) {
    return GitLabError(*response,
                       "delete branch " + std::string(branch) + " of " + std::string(project));
  }
  return core::Ok{};
}

core::Result<GitLabHook> GitLabClient::CreateHook(std::string_view project,
                                                  const NewGitLabHook& hook) {
  boost::json::object body{{"url", hook.url},
                           {"push_events", hook.push_events},
                           {"push_events_branch_filter", hook.push_events_branch_filter},
                           {"enable_ssl_verification", true}};
  if (!hook.token.empty()) body["token"] = hook.token;
  std::string what = "create hook on " + std::string(project);
  auto response = transport_.Send({.method = "POST",
                                   .path = ProjectPath(project) + "/hooks",
                                   .body = boost::json::serialize(body),
                                   .headers = {{"Content-Type", "application/json"}}});
  if (!response.ok()) return response.error();
  if (response->status != 201) return GitLabError(*response, what);
  auto o = ParseObject(response->body, what);
  if (!o.ok()) return o.error();
  return ToHook(*o);
}

core::Result<std::vector<GitLabHook>> GitLabClient::ListHooks(std::string_view project) {
  auto pages = GetAllPages(ProjectPath(project) + "/hooks", "hooks of " + std::string(project));
  if (!pages.ok()) return pages.error();
  std::vector<GitLabHook> hooks;
  for (const auto& page : *pages) {
    boost::system::error_code ec;
    auto v = boost::json::parse(page, ec);
    if (ec || !v.is_array())
      return core::Error{core::Code::kTransient, "gitlab: hook list is not an array", {}};
    for (const auto& h : v.as_array()) {
      if (h.is_object()) hooks.push_back(ToHook(h.as_object()));
    }
  }
  return hooks;
}

core::Status GitLabClient::DeleteHook(std::string_view project, std::int64_t hook_id) {
  auto response = transport_.Send(
      {.method = "DELETE", .path = ProjectPath(project) + "/hooks/" + std::to_string(hook_id)});
  if (!response.ok()) return response.error();
  if (response->status != 204 && response->status != 200) {
    return GitLabError(*response,
                       "delete hook " + std::to_string(hook_id) + " of " + std::string(project));
  }
  return core::Ok{};
}

}  // namespace slipway::connectors::gitlab
