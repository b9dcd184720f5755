#pragma once
// Internal to the config service: one environment's configuration files in
// its backend (Consul or Apollo), behind one small interface.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/environments/cluster.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/settings.hpp"

namespace slipway::services {

/// A file as the backend holds it now. "Live" is what applications read:
/// the Consul value, or Apollo's latest release (not its unpublished items).
struct LiveFile {
  std::string name;
  bool exists = false;
  /// Consul ModifyIndex or Apollo release id; 0 when the file does not exist.
  std::int64_t version = 0;
  std::string content;
};

/// Whose files: the environment's application, env type and cluster.
struct ConfigTarget {
  std::string app;
  std::string env_type;
  std::string cluster;
  core::ConfigBackend backend = core::ConfigBackend::kConsul;
};

/// Who publishes and why, as the backend records it.
struct PublishMeta {
  std::string actor;
  std::string comment;
  std::string title;  ///< Apollo's release title
};

/// One environment's files in its backend. Errors keep the connector's codes:
/// transient for an unreachable backend, conflict when a conditional write
/// finds the live version moved on.
class ConfigFiles {
 public:
  virtual ~ConfigFiles() = default;

  virtual core::ConfigBackend backend() const = 0;
  /// Where `file` lives, for people and the publish record.
  virtual std::string Location(const std::string& file) const = 0;
  /// Refuses (invalid, naming the rule) what this backend cannot hold, so
  /// that a publish never stops half-way on a limit.
  virtual core::Status CheckWritable(const std::string& file, std::string_view content) const = 0;
  /// The files that exist live, by name.
  virtual core::Result<std::vector<LiveFile>> List() = 0;
  /// The file's live value; exists == false when there is none.
  virtual core::Result<LiveFile> Read(const std::string& file) = 0;
  /// Makes `content` live if the live version is still `base_version`
  /// (0: the file must not exist); conflict and nothing made live otherwise.
  /// Returns the version after the write.
  virtual core::Result<std::int64_t> Write(const std::string& file, const std::string& content,
                                           std::int64_t base_version, const PublishMeta& meta) = 0;
  /// Removes the file if its live version is still `base_version` (> 0);
  /// conflict and nothing removed otherwise. Afterwards Read says it does not
  /// exist (version 0), so writing with base version 0 creates it again.
  virtual core::Status Delete(const std::string& file, std::int64_t base_version,
                              const PublishMeta& meta) = 0;
};

/// Apollo's Open API cannot delete a namespace: Slipway deletes a file by
/// deleting its items and releasing the namespace empty, with a release title
/// ending in this suffix (added when the caller's title lacks it). A namespace
/// whose latest release is such a release, holding no item, has no live file.
inline constexpr std::string_view kApolloDeletionTitleSuffix = "-slipway-deleted";

/// The files under `<prefix>/<app>/<env type>/<cluster>/` in Consul, one key
/// per file holding the whole file.
std::unique_ptr<ConfigFiles> ConsulConfigFiles(std::shared_ptr<connectors::ConsulKv> kv,
                                               const std::string& prefix,
                                               const ConfigTarget& target);

/// The namespaces of app `target.app`, cluster `target.cluster` in Apollo env
/// `apollo_env`; writes name `operator_name` as the portal user, or the
/// publishing Slipway user when it is empty.
std::unique_ptr<ConfigFiles> ApolloConfigFiles(std::shared_ptr<connectors::ApolloPortal> portal,
                                               std::string apollo_env, const ConfigTarget& target,
                                               std::string operator_name);

/// Apollo's release title, as its portal names releases ("20260501101500")
/// followed by `suffix` ("-slipway", or kApolloDeletionTitleSuffix).
std::string ReleaseTitle(core::Millis now, std::string_view suffix);

/// The Apollo env of a Slipway env type (settings.apollo_envs, else the
/// type upper-cased).
std::string ApolloEnvFor(const ConfigFileSettings& settings, const std::string& env_type);

/// The files of `target` in its backend; NotConfigured when the backend has
/// no connection.
core::Result<std::unique_ptr<ConfigFiles>> OpenConfigFiles(const Connections& connections,
                                                           const ConfigFileSettings& settings,
                                                           const ConfigTarget& target);

}  // namespace slipway::services
