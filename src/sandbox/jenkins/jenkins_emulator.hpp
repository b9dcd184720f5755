#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "connectors/jenkins.hpp"
#include "sandbox/emulator.hpp"

namespace slipway::sandbox {
namespace registry {
class RegistryEmulator;
}
namespace gitlab {
class GitLabEmulator;
}

namespace jenkins {

/// The emulators a build talks to — over HTTP with the real clients, the
/// pointers only give their URLs and credentials. Either may be null: a
/// build that needs it then fails saying so.
struct JenkinsPeers {
  registry::RegistryEmulator* registry = nullptr;
  gitlab::GitLabEmulator* gitlab = nullptr;
};

struct JenkinsEmulatorOptions {
  std::string user = "admin";
  std::string password = "admin";  ///< needs a crumb on POST, like a browser session
  std::string api_token = "slipway-sandbox-token";  ///< exempt from crumbs, like Jenkins API tokens
  int quiet_period_ms = 200;  ///< when no delay= is given (Jenkins' default is 5 s)
  int step_ms = 200;          ///< pause between console steps; a build has about five
};

/// Jenkins' remote API in memory: folders and jobs from config.xml (string
/// parameter definitions and the GitSCM remote read from it), basic auth
/// with password or API token, crumbs bound to a session cookie (403 "No
/// valid crumb" on a POST without one, unless an API token was used),
/// queue items with quiet period and merging, builds whose console grows
/// over about a second, progressiveText, cancelItem and stop.
///
/// A build checks out the head commit of its branch in the GitLab emulator:
/// the branch is the BRANCH parameter, else the job's GitSCM BranchSpec name
/// with ${PARAM}s expanded and a leading "refs/heads/", "*/" or "origin/"
/// dropped (no branch, or a wildcard: no checkout); the project is the REPO
/// parameter if given, else the path of the job's GitSCM remote <url>
/// ("http://gitlab/team/app.git" → "team/app"). With
/// parameter IMAGE ("host:port/team/app:1.0") it then pushes a small valid
/// image to the sandbox registry under that repository and tag (the host
/// part is not used: the sandbox has one registry) and logs its digest.
/// Any failure ends the build FAILURE with an "ERROR: …" line saying why.
/// SANDBOX_RESULT=FAILURE|UNSTABLE|NOT_BUILT forces an outcome.
/// Thread-safe.
class JenkinsEmulator final : public Emulator {
 public:
  explicit JenkinsEmulator(JenkinsPeers peers = {}, JenkinsEmulatorOptions options = {});
  ~JenkinsEmulator() override;

  std::string_view system() const override { return "jenkins"; }
  http::Response Handle(http::Request& request) override;
  boost::json::value State() const override;
  void Reset() override;

 private:
  struct Build {
    std::int64_t number = 0;
    std::int64_t queue_id = 0;
    std::map<std::string, std::string> parameters;
    std::string user;
    std::int64_t timestamp_ms = 0;
    std::int64_t duration_ms = 0;
    bool building = true;
    std::string result;  ///< "" while building
    std::string log;
    bool abort = false;
  };
  struct Item {
    bool folder = false;
    std::string config_xml;
    std::string root;  ///< config.xml root element
    std::vector<connectors::JenkinsParameter> parameters;
    std::string scm_url;
    std::string scm_branch;  ///< the GitSCM BranchSpec name, e.g. "${BRANCH}" or "feature/x"
    bool disabled = false;
    std::int64_t next_build = 1;
    std::map<std::int64_t, std::shared_ptr<Build>> builds;
  };
  struct QueueEntry {
    std::int64_t id = 0;
    std::string job;
    std::map<std::string, std::string> parameters;
    std::string user;
    std::int64_t since_ms = 0;
    std::int64_t start_at_ms = 0;
    bool cancelled = false;
    std::optional<std::int64_t> build;
    std::int64_t left_ms = 0;
  };
  /// What a running build needs, copied when it starts.
  struct BuildContext {
    std::string job;
    std::string scm_url;
    std::string scm_branch;
    std::string gitlab_url;
    std::string gitlab_token;
    std::string registry_url;
    std::string registry_user;
    std::string registry_password;
  };
  struct Runner {
    std::shared_ptr<Build> build;
    std::jthread thread;
  };

  // jenkins_emulator.cpp: authentication, crumbs, routing, scheduling.
  std::optional<http::Response> Authenticate(const http::Request& request, std::string& user,
                                             bool& by_token) const;
  std::string CrumbFor(const std::string& user, const std::string& session) const;
  http::Response Route(http::Request& request, const std::string& user);
  void Schedule(std::stop_token stop);
  void StartDueBuilds();
  void RefreshPeers();
  // jenkins_items.cpp
  http::Response CreateItem(http::Request& request, const std::string& parent);
  http::Response ItemRequest(http::Request& request, const std::string& path,
                             const std::string& rest, const std::string& user);
  boost::json::object ItemJson(const std::string& path, const Item& item,
                               const std::string& host) const;
  boost::json::object JobSummary(const std::string& path, const Item& item,
                                 const std::string& host) const;
  // jenkins_builds.cpp
  http::Response Trigger(http::Request& request, const std::string& path, bool with_parameters,
                         const std::string& user);
  http::Response QueueRequest(http::Request& request, const std::string& rest);
  http::Response BuildRequest(http::Request& request, const std::string& path, Item& item,
                              const std::string& rest);
  boost::json::object QueueJson(const QueueEntry& q, const std::string& host) const;
  boost::json::object BuildJson(const std::string& path, const Build& b,
                                const std::string& host) const;
  // build_script.cpp: the steps of one build, on its own thread.
  void RunBuild(std::shared_ptr<Build> build, BuildContext context);
  void Append(Build& build, const std::string& line);
  void Finish(Build& build, const std::string& result);

  const JenkinsPeers peers_;
  const JenkinsEmulatorOptions options_;
  std::string salt_;
  mutable std::mutex mutex_;
  std::map<std::string, Item> items_;  ///< by full path "team/app"
  std::map<std::int64_t, QueueEntry> queue_;
  std::int64_t next_queue_id_ = 1;
  std::vector<Runner> runners_;
  /// The peers' URLs and credentials, refreshed on every request: requests
  /// only arrive while the host runs, so the peers are alive then, whereas
  /// the scheduler may still tick while the host destroys them.
  BuildContext peer_context_;
  std::jthread scheduler_;  ///< last: stops and joins first
};

}  // namespace jenkins
}  // namespace slipway::sandbox
