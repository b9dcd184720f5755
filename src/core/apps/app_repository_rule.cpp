#include "core/apps/app_repository_rule.hpp"

namespace slipway::core {

namespace {

bool LooksLikeRepoUrl(const std::string& url) {
  for (const char* prefix : {"https://", "http://", "ssh://", "git@"}) {
    if (url.rfind(prefix, 0) == 0 && url.size() > std::string(prefix).size() + 2) {
      return url.find_first_of(" \t\n") == std::string::npos;
    }
  }
  return false;
}

}  // namespace

std::optional<Error> CheckRepoUrlFor(AppType type, const std::string& repo) {
  if (type == AppType::kEmpty && !repo.empty()) {
    return Invalid("empty applications have no repository",
                   {{"field", "repo_url"}, {"rule", "must be absent for empty applications"}});
  }
  if (type == AppType::kSelfDeveloped && repo.empty()) {
    return Invalid("repo_url is required for self-developed applications",
                   {{"field", "repo_url"}, {"rule", "is required"}});
  }
  if (!repo.empty() && !LooksLikeRepoUrl(repo)) {
    return Invalid("repo_url must be an http(s)://, ssh:// or git@ address",
                   {{"field", "repo_url"}, {"rule", "must be a repository address"}});
  }
  return std::nullopt;
}

}  // namespace slipway::core
