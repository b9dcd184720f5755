#pragma once
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "connectors/gitlab.hpp"
#include "connectors/gitlab/push_event.hpp"

namespace slipway::connectors::gitlab {

/// An in-memory GitLab for unit tests, with GitLab's answers: "404 Project
/// Not Found", "404 Branch Not Found", "Branch already exists" (kConflict),
/// invalid reference names, the default branch undeletable. Projects exist
/// once AddProject made them. Records calls and fails the next calls on
/// request. Thread-safe.
class FakeGitLab final : public GitLab {
 public:
  /// Creates a project with its default branch at a first commit.
  GitLabProject AddProject(std::string path, std::string default_branch = "main");
  /// A new commit on `branch` (created from the default branch if absent):
  /// the event GitLab would deliver to push hooks.
  core::Result<PushEvent> Push(std::string_view project, std::string_view branch,
                               std::string message = "update");

  core::Result<GitLabProject> GetProject(std::string_view project) override;
  core::Result<GitLabBranch> GetBranch(std::string_view project, std::string_view branch) override;
  core::Result<std::vector<GitLabBranch>> ListBranches(std::string_view project) override;
  core::Result<GitLabBranch> CreateBranch(std::string_view project, std::string_view branch,
                                          std::string_view ref) override;
  core::Status DeleteBranch(std::string_view project, std::string_view branch) override;
  core::Result<GitLabHook> CreateHook(std::string_view project, const NewGitLabHook& hook) override;
  core::Result<std::vector<GitLabHook>> ListHooks(std::string_view project) override;
  core::Status DeleteHook(std::string_view project, std::int64_t hook_id) override;

  /// The next call named `operation` ("CreateBranch", …; empty: any) fails.
  void FailNext(std::string operation, core::Error error);
  std::vector<std::string> calls() const;

 private:
  struct Project {
    GitLabProject info;
    std::map<std::string, std::string> branches;                       ///< name → sha
    std::map<std::int64_t, std::pair<GitLabHook, std::string>> hooks;  ///< id → hook, token
    int commits = 0;
  };
  std::optional<core::Error> Enter(std::string operation, std::string_view detail);
  core::Result<Project*> Find(std::string_view project);
  GitLabBranch BranchOf(const Project& p, const std::string& name) const;

  mutable std::mutex mutex_;
  std::map<std::string, Project, std::less<>> projects_;
  std::int64_t next_id_ = 1;
  std::deque<std::pair<std::string, core::Error>> failures_;
  std::vector<std::string> calls_;
};

}  // namespace slipway::connectors::gitlab
