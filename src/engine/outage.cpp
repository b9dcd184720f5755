#include "engine/outage.hpp"

#include <algorithm>

#include "core/common/json_path.hpp"

namespace slipway::engine {

namespace {

constexpr const char* kKey = "outage";

}  // namespace

std::optional<StepOutcome> RideOutOutage(const OutagePolicy& policy, core::Millis now,
                                         boost::json::object scratch, const core::Error& error) {
  const core::Millis since = core::IntAt(scratch, {kKey, "since"}, now);
  const std::int64_t attempts = core::IntAt(scratch, {kKey, "attempts"}, 0) + 1;
  if (now - since > policy.window_ms) return std::nullopt;
  const core::Millis delay = std::min(
      policy.max_delay_ms, policy.first_delay_ms << std::min<std::int64_t>(attempts - 1, 16));
  scratch[kKey] =
      boost::json::object{{"since", since}, {"attempts", attempts}, {"error", error.message}};
  return SleepUntil(now + std::max<core::Millis>(delay, 1), std::move(scratch));
}

std::string OutageReport(const boost::json::object& scratch, core::Millis now,
                         const std::string& what, const core::Error& error) {
  const core::Millis since = core::IntAt(scratch, {kKey, "since"}, now);
  return what + " kept failing for " + std::to_string((now - since) / 1000) +
         " s: " + error.message;
}

void EndOutage(boost::json::object& scratch) { scratch.erase(kKey); }

}  // namespace slipway::engine
