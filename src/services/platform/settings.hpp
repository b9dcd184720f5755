#pragma once
// Settings of the release services, filled by the composition root from the
// configuration file (docs/configuration.md).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/changes/self_approval.hpp"

namespace slipway::services {

struct ChangeSettings {
  /// Where the author of a change may not approve it (`changes.refuse_self_approval`).
  core::SelfApproval self_approval = core::SelfApproval::kRefusedInCoreProd;
};

struct EnvironmentSettings {
  /// The env types environments may have (R-ENV-1).
  std::vector<std::string> env_types = {"prod", "test"};
};

struct BuildSettings {
  /// The application's Jenkins job when its details name none; `{app}` and
  /// `{team}` are replaced ("{team}/{app}-build").
  std::string job_path = "{app}";
  /// Images are `<registry host>/<image_namespace>/<app>:<version>`.
  std::string image_namespace = "slipway";
  /// Create a missing job from a standard pipeline config.xml (the sandbox
  /// does; against a real Jenkins jobs are usually managed elsewhere).
  bool create_missing_jobs = false;
  /// How often a build's queue item, console and result are polled.
  std::int64_t poll_interval_ms = 1000;
  /// How long Slipway looks for the Jenkins build of a trigger whose answer
  /// was lost (a crash, a timeout) before it fails the build; it never
  /// triggers a second time.
  std::int64_t trigger_recovery_ms = 10 * 60 * 1000;
  /// How long Jenkins or the registry may keep failing while a build is
  /// followed before the build is given up as failed.
  std::int64_t outage_ms = 10 * 60 * 1000;
  /// How much of a build's console is kept: beyond it the stored log ends
  /// with a note, and the rest stays in Jenkins.
  std::int64_t log_max_bytes = 8 * 1024 * 1024;
};

struct ConfigFileSettings {
  /// Consul keys: `<consul_prefix>/<app>/<env type>/<cluster>/<file name>`.
  std::string consul_prefix = "slipway/config";
  /// Apollo env per Slipway env type; an env type without one uses its
  /// upper-cased name (staging → STAGING). The defaults name Apollo's
  /// standard envs (DEV, FAT, UAT, PRO) for the default env types.
  std::map<std::string, std::string> apollo_envs = {{"prod", "PRO"}, {"test", "FAT"}};
  /// The portal user Slipway writes to Apollo as (it must exist in the
  /// portal); empty: the Slipway user who publishes, who must then exist there.
  std::string apollo_operator;
};

}  // namespace slipway::services
