#pragma once
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sandbox/emulator.hpp"

namespace slipway::sandbox::gitlab {

struct GitLabEmulatorOptions {
  /// Accepted as PRIVATE-TOKEN, `Authorization: Bearer` or ?private_token=.
  std::string token = "glpat-slipway-sandbox";
  /// A project addressed by a `group/name` path that does not exist yet is
  /// created on that first use, with a "main" branch (handy for `make run`).
  /// Off: projects exist only once POST /sandbox/projects made them.
  bool auto_create_projects = false;
};

/// GitLab REST API v4 in memory: projects (by numeric id or %2F-encoded
/// path), branches with 40-hex commit SHAs, project hooks, pagination
/// headers, GitLab's error shapes and 401 for a wrong token. Sandbox
/// endpoints (no token needed):
///   POST /sandbox/projects {"path":"group/app","default_branch"?:"main"}  → 201 (200 if it exists)
///   POST /sandbox/push {"project","branch","message"?,"user"?}  a new commit on the branch
///   (created
///        if absent), then the push-event payload POSTed to every matching hook with its token;
///        answers {"before","after","deliveries":[{"hook_id","url","status"|"error"}]}
/// Thread-safe.
class GitLabEmulator final : public Emulator {
 public:
  explicit GitLabEmulator(GitLabEmulatorOptions options = {});

  std::string_view system() const override { return "gitlab"; }
  http::Response Handle(http::Request& request) override;
  boost::json::value State() const override;
  void Reset() override;
  void SetBaseUrl(const std::string& url) override;

  /// Creates the project if absent (default branch at a first commit).
  void CreateProject(const std::string& path, const std::string& default_branch = "main");
  /// The branch's commit SHA, if the project and branch exist. For peers
  /// (the Jenkins emulator checks the branch it builds over HTTP, though).
  std::optional<std::string> BranchSha(const std::string& project, const std::string& branch) const;
  std::string base_url() const;
  const std::string& token() const { return options_.token; }

 private:
  struct Branch {
    std::string sha;
    std::string title;
    std::string created_at;
  };
  struct Hook {
    std::int64_t id = 0;
    std::string url;
    std::string token;
    bool push_events = true;
    std::string branch_filter;
    std::string created_at;
  };
  struct Project {
    std::int64_t id = 0;
    std::string path;  ///< "group/app"
    std::string default_branch;
    std::map<std::string, Branch> branches;
    std::map<std::int64_t, Hook> hooks;
    int commits = 0;
  };

  http::Response Api(http::Request& request, std::string_view raw_path);
  http::Response Branches(http::Request& request, Project& project, std::string_view rest);
  http::Response Hooks(http::Request& request, Project& project, std::string_view rest);
  http::Response SandboxProject(const boost::json::object& body);
  http::Response SandboxPush(const boost::json::object& body);
  Project* FindProject(const std::string& id_or_path);  ///< caller holds mutex_
  Project& NewProject(const std::string& path, const std::string& default_branch);
  boost::json::object ProjectJson(const Project& p) const;
  boost::json::object BranchJson(const Project& p, const std::string& name) const;
  boost::json::object HookJson(const Project& p, const Hook& h) const;

  const GitLabEmulatorOptions options_;
  mutable std::mutex mutex_;
  std::string base_url_;
  std::map<std::string, Project> projects_;  ///< by path
  std::int64_t next_project_id_ = 1;
  std::int64_t next_hook_id_ = 1;
  std::deque<boost::json::value> deliveries_;  ///< the most recent hook deliveries
};

}  // namespace slipway::sandbox::gitlab
