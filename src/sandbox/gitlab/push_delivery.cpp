#include "sandbox/gitlab/push_delivery.hpp"

#include <sodium.h>

#include <boost/json.hpp>

#include "connectors/http_transport.hpp"

namespace slipway::sandbox::gitlab {

namespace {

std::string Uuid() {
  unsigned char raw[16];
  randombytes_buf(raw, sizeof raw);
  raw[6] = static_cast<unsigned char>((raw[6] & 0x0f) | 0x40);  // version 4
  raw[8] = static_cast<unsigned char>((raw[8] & 0x3f) | 0x80);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  std::string h(hex);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

}  // namespace

boost::json::object PushPayload(const PushFacts& p) {
  std::string web_url = p.instance_url + "/" + p.project_path;
  std::string name = p.project_path.substr(p.project_path.rfind('/') + 1);
  std::string host = p.instance_url.substr(p.instance_url.find("://") + 3);
  std::string ssh = "git@" + host.substr(0, host.find(':')) + ":" + p.project_path + ".git";
  std::string email = p.user_username + "@sandbox.invalid";
  boost::json::array commits;
  if (p.after != std::string(40, '0')) {
    commits.push_back(boost::json::object{{"id", p.after},
                                          {"message", p.message + "\n"},
                                          {"title", p.message},
                                          {"timestamp", p.timestamp},
                                          {"url", web_url + "/-/commit/" + p.after},
                                          {"author", {{"name", p.user_username}, {"email", email}}},
                                          {"added", boost::json::array{}},
                                          {"modified", boost::json::array{"README.md"}},
                                          {"removed", boost::json::array{}}});
  }
  boost::json::value checkout =
      commits.empty() ? boost::json::value(nullptr) : boost::json::value(p.after);
  return boost::json::object{{"object_kind", "push"},
                             {"event_name", "push"},
                             {"before", p.before},
                             {"after", p.after},
                             {"ref", "refs/heads/" + p.branch},
                             {"ref_protected", p.branch == p.default_branch},
                             {"checkout_sha", checkout},
                             {"message", nullptr},
                             {"user_id", 1},
                             {"user_name", p.user_username},
                             {"user_username", p.user_username},
                             {"user_email", email},
                             {"user_avatar", nullptr},
                             {"project_id", p.project_id},
                             {"project",
                              {{"id", p.project_id},
                               {"name", name},
                               {"description", ""},
                               {"web_url", web_url},
                               {"git_ssh_url", ssh},
                               {"git_http_url", web_url + ".git"},
                               {"namespace", p.project_path.substr(0, p.project_path.rfind('/'))},
                               {"visibility_level", 0},
                               {"path_with_namespace", p.project_path},
                               {"default_branch", p.default_branch},
                               {"homepage", web_url},
                               {"url", ssh},
                               {"ssh_url", ssh},
                               {"http_url", web_url + ".git"}}},
                             {"commits", commits},
                             {"total_commits_count", commits.size()},
                             {"push_options", boost::json::object{}},
                             {"repository",
                              {{"name", name},
                               {"url", ssh},
                               {"description", ""},
                               {"homepage", web_url},
                               {"git_http_url", web_url + ".git"},
                               {"git_ssh_url", ssh},
                               {"visibility_level", 0}}}};
}

bool BranchFilterMatches(std::string_view filter, std::string_view branch) {
  if (filter.empty()) return true;
  // Classic glob with one backtrack point per '*'.
  std::size_t f = 0, b = 0, star = std::string_view::npos, mark = 0;
  while (b < branch.size()) {
    if (f < filter.size() && filter[f] == '*') {
      star = f++;
      mark = b;
    } else if (f < filter.size() && filter[f] == branch[b]) {
      ++f;
      ++b;
    } else if (star != std::string_view::npos) {
      f = star + 1;
      b = ++mark;
    } else {
      return false;
    }
  }
  while (f < filter.size() && filter[f] == '*') ++f;
  return f == filter.size();
}

boost::json::object DeliverPush(std::int64_t hook_id, const std::string& url,
                                const std::string& token, const std::string& payload,
                                const std::string& instance_url) {
  connectors::TransportSettings settings;
  settings.max_retries = 0;  // GitLab does not retry push deliveries at once either
  settings.timeout = std::chrono::milliseconds(10'000);
  connectors::HttpTransport transport(settings);
  std::string event_uuid = Uuid();
  connectors::TransportRequest request{.method = "POST",
                                       .path = url,
                                       .body = payload,
                                       .headers = {{"Content-Type", "application/json"},
                                                   {"User-Agent", "GitLab/17.1.0"},
                                                   {"X-Gitlab-Event", "Push Hook"},
                                                   {"X-Gitlab-Instance", instance_url},
                                                   {"X-Gitlab-Webhook-UUID", Uuid()},
                                                   {"X-Gitlab-Event-UUID", event_uuid},
                                                   {"Idempotency-Key", event_uuid}}};
  if (!token.empty()) request.headers.emplace_back("X-Gitlab-Token", token);
  boost::json::object result{{"hook_id", hook_id}, {"url", url}};
  auto response = transport.Send(request);
  if (response.ok()) {
    result["status"] = response->status;
  } else {
    result["error"] = response.error().message;
  }
  return result;
}

}  // namespace slipway::sandbox::gitlab
