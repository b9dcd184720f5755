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
  /// The token's user; its personal namespace takes projects created by
  /// POST /api/v4/projects without a namespace_id.
  std::string username = "sandbox";
};

/// GitLab REST API v4 in memory: projects (by numeric id or %2F-encoded
/// path; listed with search/order_by/sort/simple and created by POST
/// /projects into a namespace given by id or full path), namespaces (the
/// user's own and every group a project path names), branches with 40-hex
/// commit SHAs, project hooks, pagination headers, GitLab's error shapes
/// and 401 for a wrong token. Sandbox
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

  /// Creates the project if absent (default branch at a first commit), and
  /// the groups of its path.
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
    std::string name;  ///< "App" (the last path segment unless created with a name)
    std::string created_at;
    std::string default_branch;  ///< the branch it gets (no branches: an empty repository)
    std::map<std::string, Branch> branches;
    std::map<std::int64_t, Hook> hooks;
    int commits = 0;
  };

  struct Namespace {
    std::int64_t id = 0;
    std::string full_path;  ///< "group/sub", or the username
    bool user = false;      ///< a personal namespace, else a group
  };

  http::Response Api(http::Request& request, std::string_view raw_path);
  // gitlab_projects.cpp: GET/POST /projects and GET /namespaces.
  http::Response ListProjects(const http::Request& request);
  http::Response CreateProjectRequest(const http::Request& request);
  http::Response ListNamespaces(const http::Request& request);
  boost::json::object NamespaceJson(const Namespace& n) const;
  Namespace& AddNamespace(const std::string& full_path, bool user);  ///< caller holds mutex_
  http::Response Branches(http::Request& request, Project& project, std::string_view rest);
  http::Response Hooks(http::Request& request, Project& project, std::string_view rest);
  http::Response SandboxProject(const boost::json::object& body);
  http::Response SandboxPush(const boost::json::object& body);
  Project* FindProject(const std::string& id_or_path);  ///< caller holds mutex_
  /// With `initialize`, the default branch starts at a first commit (a README).
  Project& NewProject(const std::string& path, const std::string& default_branch,
                      bool initialize = true);
  void InitialCommit(Project& p);  ///< the default branch of an empty repository
  boost::json::object ProjectJson(const Project& p) const;
  boost::json::object BranchJson(const Project& p, const std::string& name) const;
  boost::json::object HookJson(const Project& p, const Hook& h) const;

  const GitLabEmulatorOptions options_;
  mutable std::mutex mutex_;
  std::string base_url_;
  std::map<std::string, Project> projects_;      ///< by path
  std::map<std::string, Namespace> namespaces_;  ///< by full path
  std::int64_t next_project_id_ = 1;
  std::int64_t next_namespace_id_ = 1;
  std::int64_t next_hook_id_ = 1;
  std::deque<boost::json::value> deliveries_;  ///< the most recent hook deliveries
};

}  // namespace slipway::sandbox::gitlab
