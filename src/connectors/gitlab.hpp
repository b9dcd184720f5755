#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

struct GitLabProject {
  std::int64_t id = 0;
  std::string name{};
  std::string path_with_namespace{};  ///< "group/app"
  std::string default_branch{};
  std::string web_url{};
  std::string http_url_to_repo{};
};

struct GitLabBranch {
  std::string name{};
  std::string commit_sha{};  ///< 40 hex
  std::string commit_title{};
  bool is_default = false;
  bool is_protected = false;
};

struct GitLabHook {
  std::int64_t id = 0;
  std::string url{};
  bool push_events = false;
  std::string push_events_branch_filter{};
};

/// A project hook to create. The token is sent back verbatim in
/// `X-Gitlab-Token` with every delivery; GitLab never returns it.
struct NewGitLabHook {
  std::string url{};
  std::string token{};
  bool push_events = true;
  std::string push_events_branch_filter{};  ///< "" every branch; "main", "release/*"
};

/// GitLab REST API v4, the operations Slipway needs: find a project by its
/// `group/name` path, branches, and the push hook that tells Slipway about
/// new commits. `project` arguments are full paths ("group/sub/app"); they
/// are URL-encoded (`%2F`) by the client. Thread-safe. Failures: kNotFound
/// (project, branch or hook unknown — also what GitLab answers for a project
/// the token cannot see), kConflict (branch already exists), kInvalid (bad
/// parameters, unknown ref, protected/default branch), kUnauthenticated
/// (wrong token: "401 Unauthorized"), kForbidden, kTransient (unreachable,
/// 5xx, 429 — GETs and DELETEs already retried); GitLab's message is kept.
class GitLab {
 public:
  virtual ~GitLab() = default;

  /// GET /projects/:id. Idempotent.
  virtual core::Result<GitLabProject> GetProject(std::string_view project) = 0;

  /// GET …/repository/branches/:branch. Idempotent.
  virtual core::Result<GitLabBranch> GetBranch(std::string_view project,
                                               std::string_view branch) = 0;

  /// Every branch, sorted by name, following the pages. Idempotent.
  virtual core::Result<std::vector<GitLabBranch>> ListBranches(std::string_view project) = 0;

  /// Creates `branch` at `ref` (a branch name or commit SHA). Not
  /// idempotent: a second call gives kConflict.
  virtual core::Result<GitLabBranch> CreateBranch(std::string_view project, std::string_view branch,
                                                  std::string_view ref) = 0;

  /// Deletes a branch (not the default one). kNotFound when absent.
  virtual core::Status DeleteBranch(std::string_view project, std::string_view branch) = 0;

  /// Adds a project hook. Not idempotent (GitLab allows duplicates).
  virtual core::Result<GitLabHook> CreateHook(std::string_view project,
                                              const NewGitLabHook& hook) = 0;

  /// Every hook of the project, following the pages. Idempotent.
  virtual core::Result<std::vector<GitLabHook>> ListHooks(std::string_view project) = 0;

  /// Removes a hook; kNotFound when absent.
  virtual core::Status DeleteHook(std::string_view project, std::int64_t hook_id) = 0;
};

}  // namespace slipway::connectors
