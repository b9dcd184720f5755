#pragma once
#include "engine/registry.hpp"

namespace slipway::engine {

/// Registers the test-only kind `sample` (the server does so only when
/// SLIPWAY_TESTING=1). Its steps are `prepare`, `bake` (a timer wait of
/// input.bake_ms, default 100), `promote` (waits for signal `promote` unless
/// input.promote is false; outputs the signal's payload) and `finish`.
/// Every step's commit callback adds one row to engine_sample_effect, and
/// every run that completes a step first adds a row to
/// engine_sample_execution outside the commit, so tests can check that
/// each step committed once and its work was not done twice.
void RegisterSampleWorkflow(Registry& registry);

}  // namespace slipway::engine
