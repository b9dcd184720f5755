#pragma once
// Tests against real servers (BIND's named, docker-registry) skip when the
// server is not installed — but under CI (`SLIPWAY_REQUIRE_REAL=1`, set by
// .ci/run, which installs them) a missing server fails the test: a test that
// cannot run must not pass.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace slipway::testing {

inline bool RealServersRequired() {
  const char* v = std::getenv("SLIPWAY_REQUIRE_REAL");
  return v != nullptr && std::string(v) == "1";
}

}  // namespace slipway::testing

/// Skips the test (or fails it under SLIPWAY_REQUIRE_REAL=1) unless `available`.
#define SLIPWAY_REQUIRE_INSTALLED(available, what)                                   \
  if (!(available)) {                                                                \
    if (::slipway::testing::RealServersRequired()) {                                 \
      FAIL() << what << " is not installed, and SLIPWAY_REQUIRE_REAL=1 requires it"; \
    }                                                                                \
    GTEST_SKIP() << what << " is not installed";                                     \
  }
