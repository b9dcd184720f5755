#pragma once
#include <mutex>
#include <optional>
#include <string>

#include "connectors/http_transport.hpp"
#include "connectors/jenkins.hpp"

namespace slipway::connectors::jenkins {

struct JenkinsSettings {
  /// base_url: the Jenkins root with any context path ("https://ci.example.com/jenkins");
  /// basic_user / basic_password: the user and its API token.
  TransportSettings transport;
  /// Fetch a crumb from /crumbIssuer/api/json and send it, with the session
  /// cookie it belongs to, on every POST. Jenkins exempts API-token calls,
  /// but a password or a proxy that strips the exemption needs it; a 404
  /// from the issuer (CSRF protection off) turns it off by itself.
  bool use_crumb = true;
};

/// The Jenkins port over its remote API. Thread-safe.
class JenkinsClient final : public Jenkins {
 public:
  explicit JenkinsClient(JenkinsSettings settings);

  core::Status CreateFolder(std::string_view path) override;
  core::Status CreateJob(std::string_view path, std::string_view config_xml) override;
  core::Result<JenkinsItem> GetItem(std::string_view path) override;
  core::Result<std::string> GetJobConfig(std::string_view path) override;
  core::Status DeleteItem(std::string_view path) override;
  core::Result<std::int64_t> TriggerBuild(std::string_view path,
                                          const std::map<std::string, std::string>& parameters,
                                          int quiet_period_s) override;
  core::Result<JenkinsQueueItem> GetQueueItem(std::int64_t id) override;
  core::Status CancelQueueItem(std::int64_t id) override;
  core::Result<JenkinsBuild> GetBuild(std::string_view path, std::int64_t number) override;
  core::Result<JenkinsConsoleChunk> ReadConsole(std::string_view path, std::int64_t number,
                                                std::int64_t start) override;
  core::Status StopBuild(std::string_view path, std::int64_t number) override;

 private:
  struct Crumb {
    std::string field;
    std::string value;
    std::string cookie;  ///< "JSESSIONID.x=y": the crumb is only valid with its session
  };
  /// POSTs with the crumb; a refused crumb (expired session) is fetched anew once.
  core::Result<TransportResponse> Post(
      const std::string& path, std::optional<std::string> body = std::nullopt,
      std::string content_type = "application/x-www-form-urlencoded");
  core::Result<std::optional<Crumb>> GetCrumb(bool renew);

  HttpTransport transport_;
  bool use_crumb_;
  std::mutex mutex_;
  std::optional<std::optional<Crumb>>
      crumb_;  ///< outer empty: not asked yet; inner empty: CSRF off
};

/// "team-a/web" → "/job/team-a/job/web" (each name URL-encoded).
std::string JobPath(std::string_view path);

/// Jenkins' error: the X-Error header (createItem), else the page title or
/// plain text of the body, kept verbatim.
core::Error JenkinsError(const TransportResponse& response, std::string_view what);

}  // namespace slipway::connectors::jenkins
