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
/// Also registers `sample_fanout` (steps `fan_out`: starts input.children
/// `sample_child` workflows, default 5, and fails naming those that did not
/// succeed; `finish`) and `sample_child` (steps `work`, `report`: outputs
/// {"n", "square"} from input.n), which record their effects the same way
/// (`fan_out.start` for the commit that starts the children).
void RegisterSampleWorkflow(Registry& registry);

}  // namespace slipway::engine
