#include "core/identity/login_backoff.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(LoginBackoff, AFewFailuresThenADoublingWaitUpToTheCeiling) {
  LoginBackoff b{.free_failures = 3, .first_wait_ms = 1'000, .max_wait_ms = 5'000};
  for (int failures : {0, 1, 2}) EXPECT_EQ(NextAttemptAt(b, failures, 100), 100) << failures;
  EXPECT_EQ(NextAttemptAt(b, 3, 100), 1'100);
  EXPECT_EQ(NextAttemptAt(b, 4, 100), 2'100);
  EXPECT_EQ(NextAttemptAt(b, 5, 100), 4'100);
  EXPECT_EQ(NextAttemptAt(b, 6, 100), 5'100);
  EXPECT_EQ(NextAttemptAt(b, 1'000'000, 100), 5'100) << "no overflow however long it goes on";
}

}  // namespace
}  // namespace slipway::core
