#pragma once
#include "core/common/clock.hpp"

namespace slipway::engine {

/// How transient step failures are retried: exponential backoff from
/// `base_ms`, doubling per consecutive failure, capped at `max_ms`; the
/// `max_attempts`-th consecutive failure fails the workflow.
struct RetryPolicy {
  core::Millis base_ms = 1000;
  core::Millis max_ms = 60'000;
  int max_attempts = 5;

  /// Delay before the next try after `failures` (>= 1) consecutive failures.
  core::Millis Delay(int failures) const;
  /// True when `failures` consecutive failures exhaust the step.
  bool Exhausted(int failures) const { return failures >= max_attempts; }
};

}  // namespace slipway::engine
