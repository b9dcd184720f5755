#pragma once
// How long a (user name, client address) pair waits after failed logins
// (issue 9): after a few failures in a row the pair waits, and each further
// failure doubles the wait, up to a ceiling. The account itself is never locked, so a stranger
// guessing from one address cannot keep its owner out from another.
#include <cstdint>

#include "core/common/clock.hpp"

namespace slipway::core {

struct LoginBackoff {
  int free_failures = 5;                     ///< failures in a row before the first wait
  Millis first_wait_ms = 30'000;             ///< the wait after the first failure beyond them
  Millis max_wait_ms = Millis{15} * 60'000;  ///< the wait never grows beyond this
  Millis forget_after_ms = 24 * 3600'000LL;  ///< a pair quiet this long starts again at zero
};

/// When the pair may try again after its `failures`-th failure in a row at
/// `now`: `now` itself before the `free_failures`-th, later from it on.
Millis NextAttemptAt(const LoginBackoff& backoff, std::int64_t failures, Millis now);

}  // namespace slipway::core
