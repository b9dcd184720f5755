#pragma once
// Riding out an outage of an outside system (a cluster, Jenkins, the
// registry): the step keeps its progress, sleeps and tries again, without
// using up the engine's attempts, until the outage has lasted longer than the
// work may wait; then the caller ends the work with OutageReport's message.
// One policy for every workflow that polls an outside system.
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "engine/outcome.hpp"

namespace slipway::engine {

struct OutagePolicy {
  core::Millis window_ms = 600'000;    ///< how long failures may go on before the work fails
  core::Millis first_delay_ms = 250;   ///< the first retry's delay; doubled per failure …
  core::Millis max_delay_ms = 10'000;  ///< … up to this
};

/// Records one more failure in `scratch` (under "outage": since, attempts,
/// error) and answers the sleep to try again after, or nullopt once the
/// outage outlasted the window (see OutageReport).
std::optional<StepOutcome> RideOutOutage(const OutagePolicy& policy, core::Millis now,
                                         boost::json::object scratch, const core::Error& error);

/// "<what> kept failing for N s: <error>", for the outage recorded in
/// `scratch` ending at `now` with `error`.
std::string OutageReport(const boost::json::object& scratch, core::Millis now,
                         const std::string& what, const core::Error& error);

/// The outside system answered: forgets the outage.
void EndOutage(boost::json::object& scratch);

}  // namespace slipway::engine
