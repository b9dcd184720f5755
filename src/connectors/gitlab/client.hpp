#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "connectors/gitlab.hpp"
#include "connectors/http_transport.hpp"

namespace slipway::connectors::gitlab {

struct GitLabSettings {
  TransportSettings transport{};  ///< base_url: the GitLab root, "https://gitlab.example.com"
  std::string token{};            ///< sent as PRIVATE-TOKEN; needs the `api` scope
};

/// The GitLab port over REST API v4 (`<base_url>/api/v4`). Lists follow
/// `X-Next-Page`. Error messages are GitLab's `message` (or `error`) text.
/// Thread-safe.
class GitLabClient final : public GitLab {
 public:
  explicit GitLabClient(GitLabSettings settings);

  core::Result<GitLabProject> GetProject(std::string_view project) override;
  core::Result<GitLabBranch> GetBranch(std::string_view project, std::string_view branch) override;
  core::Result<std::vector<GitLabBranch>> ListBranches(std::string_view project) override;
  core::Result<GitLabBranch> CreateBranch(std::string_view project, std::string_view branch,
                                          std::string_view ref) override;
  core::Status DeleteBranch(std::string_view project, std::string_view branch) override;
  core::Result<GitLabHook> CreateHook(std::string_view project, const NewGitLabHook& hook) override;
  core::Result<std::vector<GitLabHook>> ListHooks(std::string_view project) override;
  core::Status DeleteHook(std::string_view project, std::int64_t hook_id) override;

 private:
  /// GETs every page of a list under `path`.
  core::Result<std::vector<std::string>> GetAllPages(const std::string& path,
                                                     std::string_view what);
  HttpTransport transport_;
};

/// GitLab's error for a failed response: `message` (string or validation
/// object) or `error`, kept verbatim. "Branch already exists" is kConflict.
core::Error GitLabError(const TransportResponse& response, std::string_view what);

}  // namespace slipway::connectors::gitlab
