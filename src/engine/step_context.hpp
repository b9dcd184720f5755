#pragma once
#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.hpp"
#include "engine/workflow.hpp"
#include "store/database.hpp"

namespace slipway::engine {

/// A signal that resumed a waiting step (see WaitSignal).
struct ReceivedSignal {
  std::string name;
  boost::json::value payload;
};

/// Everything a step handler may look at. Handlers run outside any
/// transaction; they open their own through `db` when they must read the
/// world, and put writes that must commit with the step in a commit callback.
struct StepContext {
  std::string workflow_id;
  std::string kind;
  std::string subject;
  boost::json::value input;
  std::string step;  ///< this step's name
  /// 1 on the first run of this step; grows on every run (retries, timer
  /// wake-ups, signals, reclaims after a lost worker).
  int attempt = 1;
  /// What this step's previous run left in SleepUntil/WaitSignal; null at first.
  boost::json::value scratch;
  /// Set on the run that follows a WaitSignal, once the signal arrived.
  std::optional<ReceivedSignal> signal;
  /// The children this step started (StartChildren), in the order asked
  /// for; all of them have ended whenever the step runs. Empty until then.
  std::vector<ChildResult> children;
  /// Outputs of the steps that already succeeded, by step name.
  std::map<std::string, boost::json::value, std::less<>> outputs;
  const core::Clock* clock = nullptr;
  store::Database* db = nullptr;

  /// Output of an earlier step, or nullptr when that step has not succeeded.
  const boost::json::value* Output(std::string_view step_name) const;
};

}  // namespace slipway::engine
