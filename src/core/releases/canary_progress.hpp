#pragma once
// Where a canary release stands (R-REL-4): the plan step it is on, the phase
// of that step, and what the phase needs to remember. The phases and what
// moves a release from one to the next are a table (CanaryTransitions), as
// the application lifecycle is; the release workflow reconciles the cluster
// with the phase it is in and reports events.
#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"

namespace slipway::core {

enum class CanaryPhase {
  kScale,      ///< make the canary Deployment this step's size, the stable one the rest
  kSettle,     ///< wait for the canary pods to be ready and stay so for the stability window
  kPaused,     ///< wait for the step's pause: none, timed, or a person's promotion
  kFinal,      ///< the stable Deployment takes the new image at full size
  kFinalWait,  ///< wait for it to roll out, then remove the canary
};

std::string_view CanaryPhaseName(CanaryPhase phase);
std::optional<CanaryPhase> ParseCanaryPhase(std::string_view name);

enum class CanaryEvent {
  kScaled,            ///< both Deployments have this step's sizes
  kStable,            ///< the canary pods stayed ready through the window
  kStepDone,          ///< the pause ended or a person promoted this step
  kPromotedAll,       ///< a person promoted the release to every pod
  kPromotionApplied,  ///< the stable Deployment carries the new image at full size
};

struct CanaryTransition {
  CanaryPhase from;
  CanaryEvent event;
  CanaryPhase to;
};

/// The whole progression as data. kStepDone leads to kScale of the next plan
/// step, or to kFinal after the last one (see ApplyCanaryEvent).
const std::vector<CanaryTransition>& CanaryTransitions();

struct CanaryProgress {
  int step = 0;  ///< index into the plan
  CanaryPhase phase = CanaryPhase::kScale;
  /// kSettle: since when every canary pod has been ready, with this restart count.
  std::optional<Millis> ready_since;
  int restarts = -1;
  Millis pause_until = 0;           ///< kPaused with a timed pause
  std::int64_t seen_operation = 0;  ///< the last promotion acted on
  /// Plan steps done (1-based display index → what was seen).
  std::map<int, std::string> done;
};

/// Moves `progress` along the table; false (and no change) when `event`
/// does not apply to its phase. `plan_size` decides where kStepDone leads.
bool ApplyCanaryEvent(CanaryProgress& progress, CanaryEvent event, int plan_size);

/// Read from / written into a step's scratch (other keys are left alone), so
/// a release picks up where it was after a restart. The keys are the ones
/// releases have always kept: "i", "phase", "ready_since", "restarts",
/// "pause_until", "seen_op", "done_<n>".
CanaryProgress ReadCanaryProgress(const boost::json::object& scratch);
void WriteCanaryProgress(const CanaryProgress& progress, boost::json::object& scratch);

}  // namespace slipway::core
