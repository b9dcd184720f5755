#include "core/identity/login_backoff.hpp"

#include <algorithm>

namespace slipway::core {

Millis NextAttemptAt(const LoginBackoff& backoff, std::int64_t failures, Millis now) {
  const std::int64_t beyond = failures - backoff.free_failures + 1;  // 1 at the last free failure
  if (beyond <= 0) return now;
  Millis wait = backoff.first_wait_ms;
  // Doubling stops at the ceiling, long before the shift could overflow.
  for (std::int64_t i = 1; i < beyond && wait < backoff.max_wait_ms; ++i) wait *= 2;
  return now + std::min(wait, backoff.max_wait_ms);
}

}  // namespace slipway::core
