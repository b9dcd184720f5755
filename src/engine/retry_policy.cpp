#include "engine/retry_policy.hpp"

#include <algorithm>

namespace slipway::engine {

core::Millis RetryPolicy::Delay(int failures) const {
  core::Millis delay = std::max<core::Millis>(base_ms, 0);
  // Doubling stops at the cap, so large failure counts cannot overflow.
  for (int i = 1; i < failures && delay < max_ms; ++i) delay *= 2;
  return std::min(delay, max_ms);
}

}  // namespace slipway::engine
