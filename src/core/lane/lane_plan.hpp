#pragma once
// The plan of a lane: every artefact a create (or an edit) makes, in every
// system, with its name — shown before anything happens (dry run) and used
// to report drift. Pure.
#include <string>
#include <vector>

#include "core/lane/lane.hpp"
#include "core/lane/lane_rewrite.hpp"

namespace slipway::core {

struct PlannedArtefact {
  std::string system{};  ///< kubernetes | gitlab | jenkins | dns | consul | apollo
  std::string kind{};  ///< namespace | deployment | service | fallback-service | ingress | branch |
                       ///< hook | folder | job | record | config-branch | config-cluster
  std::string name{};
  std::string app{};     ///< "" for lane-wide artefacts
  std::string detail{};  ///< e.g. the branch it starts from, the service a fallback points at
};

/// What the plan needs to know of one application of the lane.
struct LanePlanApp {
  std::string app{};
  std::string project{};  ///< GitLab project path
  std::string default_branch{};
  std::string base_job{};               ///< the application's own Jenkins job
  std::string config_backend{};         ///< consul | apollo
  std::string base_config{};            ///< where the base environment's config lives
  std::vector<std::string> services{};  ///< Service names of the base environment
  std::vector<std::string> domains{};
  std::vector<RewrittenLine> rewrites{};
};

struct LanePlanInput {
  std::string lane{};
  std::string suffix{};  ///< external domain suffix
  std::vector<LanePlanApp> apps{};
  /// Services of base-environment applications that are not in the lane:
  /// `<service>` → the QA address the fallback points at.
  std::vector<std::pair<std::string, std::string>> fallbacks{};
  std::string hook_url{};
};

std::vector<PlannedArtefact> PlanLane(const LanePlanInput& input);

}  // namespace slipway::core
