#pragma once
// Releases and configuration (R-CFG-3): reading an environment's config files
// into a baseline, and what a rollback would put back of them.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/apps/app.hpp"
#include "core/environments/cluster.hpp"
#include "core/environments/environment.hpp"
#include "core/releases/baseline_config.hpp"
#include "services/config/config_backend.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/settings.hpp"

namespace slipway::services {

struct ReleaseConfigSettings {
  /// releases.baseline_config_max_bytes: a config file larger than this is
  /// recorded in a baseline by version and hash only, and cannot be restored
  /// by a rollback (the plan says so).
  std::int64_t baseline_config_max_bytes = 1 << 20;
};

/// The environment's config files, for releases. Thread-safe.
class ReleaseConfig {
 public:
  ReleaseConfig(const Connections& connections, ConfigFileSettings files,
                ReleaseConfigSettings settings)
      : connections_(connections), files_(std::move(files)), settings_(settings) {}

  /// The files of `env` in its backend (the environment's, else its cluster's);
  /// NotConfigured when that backend has no connection.
  core::Result<std::unique_ptr<ConfigFiles>> Open(const core::App& app,
                                                  const core::Environment& env,
                                                  const core::Cluster& cluster) const;
  /// Every file live now, hashed; content kept up to the size cap.
  core::Result<std::vector<core::BaselineConfigFile>> Snapshot(ConfigFiles& files) const;
  /// One live file as a baseline would record it (no value when it does not exist).
  core::BaselineConfigFile Record(const LiveFile& live) const;

 private:
  const Connections& connections_;
  const ConfigFileSettings files_;
  const ReleaseConfigSettings settings_;
};

/// What a rollback does with one config file.
struct ConfigRestorePlan {
  std::string name;
  /// restore: written back to the baseline's content; unchanged: already
  /// equal; not_restorable: the baseline kept no content (over the size cap);
  /// not_in_baseline: the file was created since and is left as it is.
  std::string action;
  core::ConfigSide live;        ///< as read for the plan (content included)
  core::ConfigSide target;      ///< the baseline's copy
  core::ConfigFileChange diff;  ///< live → target
};

/// Per file (sorted by name): the live files against the baseline's.
std::vector<ConfigRestorePlan> PlanConfigRestore(
    const std::vector<core::BaselineConfigFile>& live,
    const std::vector<core::BaselineConfigFile>& baseline);

}  // namespace slipway::services
