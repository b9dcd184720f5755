#pragma once
// Baselines (R-REL-6): a versioned, canonical snapshot of what an environment
// runs — image, resources and config files — and the field-level diff between two.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/environments/environment.hpp"
#include "core/releases/baseline_config.hpp"

namespace slipway::core {

struct Baseline {
  std::int64_t id = 0;
  std::int64_t env_id = 0;
  std::int64_t version = 0;  ///< 1, 2, … per environment; never rewritten
  std::string image;
  std::string image_digest;
  EnvSpec spec;
  std::int64_t release_id = 0;  ///< the release that produced it (0: none)
  std::string created_by;
  Millis created_at = 0;
  /// The environment's config files were recorded (R-CFG-3); false for older
  /// baselines and when the config backend could not be read.
  bool config_recorded = false;
  /// Every config file live at the time, by name (filled by baselines::Get/Latest).
  std::vector<BaselineConfigFile> config;
};

/// The canonical content compared and diffed: {"image", "image_digest",
/// "resources": EnvSpecToJson}. Two baselines with equal content are the same
/// state, whatever their versions.
boost::json::object BaselineContent(const std::string& image, const std::string& digest,
                                    const EnvSpec& spec);

/// One field that differs: `path` like "resources.replicas",
/// "resources.env[LOG_LEVEL].value", "image"; null for an absent side.
struct FieldDiff {
  std::string path;
  boost::json::value before;
  boost::json::value after;
};

/// The differences between two baseline contents. Arrays of objects with a
/// "name" (env vars, ports, Services) are matched by name, not position, so
/// a reordering is no change and an added variable is one entry.
std::vector<FieldDiff> DiffBaselines(const boost::json::object& before,
                                     const boost::json::object& after);

boost::json::array DiffJson(const std::vector<FieldDiff>& diff);

}  // namespace slipway::core
