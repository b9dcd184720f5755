#include "engine/outage.hpp"

#include <algorithm>

namespace slipway::engine {

namespace {

constexpr const char* kKey = "outage";

std::int64_t IntIn(const boost::json::object* o, const char* key, std::int64_t fallback) {
  const auto* v = o ? o->if_contains(key) : nullptr;
  return v && v->is_int64() ? v->as_int64() : fallback;
}

const boost::json::object* Recorded(const boost::json::object& scratch) {
  const auto* v = scratch.if_contains(kKey);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

}  // namespace

std::optional<StepOutcome> RideOutOutage(const OutagePolicy& policy, core::Millis now, boost::json::object scratch,
                                         const core::Error& error) {
  const auto* recorded = Recorded(scratch);
  const core::Millis since = IntIn(recorded, "since", now);
  const std::int64_t attempts = IntIn(recorded, "attempts", 0) + 1;
  if (now - since > policy.window_ms) return std::nullopt;
  const core::Millis delay =
      std::min(policy.max_delay_ms, policy.first_delay_ms << std::min<std::int64_t>(attempts - 1, 16));
  scratch[kKey] = boost::json::object{{"since", since}, {"attempts", attempts}, {"error", error.message}};
  return SleepUntil(now + std::max<core::Millis>(delay, 1), std::move(scratch));
}

std::string OutageReport(const boost::json::object& scratch, core::Millis now, const std::string& what,
                         const core::Error& error) {
  const core::Millis since = IntIn(Recorded(scratch), "since", now);
  return what + " kept failing for " + std::to_string((now - since) / 1000) + " s: " + error.message;
}

void EndOutage(boost::json::object& scratch) { scratch.erase(kKey); }

}  // namespace slipway::engine
