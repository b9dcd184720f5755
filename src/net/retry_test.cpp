#include "net/retry.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace slipway::net {
namespace {

// Hands out the given outcomes in order, counting the attempts.
struct Script {
  std::vector<core::Result<CurlResponse>> outcomes;
  size_t attempts = 0;
  core::Result<CurlResponse> operator()() { return outcomes.at(attempts++); }
};

core::Result<CurlResponse> Status(long status) { return CurlResponse{status, "", {}}; }
core::Result<CurlResponse> Failure(core::Code code) { return core::Error{code, "failed", {}}; }

constexpr RetryPolicy kTwoRetries{.max_retries = 2, .backoff = std::chrono::milliseconds(0)};

TEST(Retry, TransientFailuresAndBusyAnswersAreTriedAgain) {
  Script script{{Failure(core::Code::kTransient), Status(503), Status(200)}};
  auto result = WithRetries(kTwoRetries, std::ref(script));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(script.attempts, 3u);
}

TEST(Retry, GivesUpAfterTheLastRetryWithItsOutcome) {
  Script script{{Status(429), Status(502), Status(504), Status(200)}};
  auto result = WithRetries(kTwoRetries, std::ref(script));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->status, 504);
  EXPECT_EQ(script.attempts, 3u);
}

TEST(Retry, OtherAnswersAndErrorsEndAtOnce) {
  for (auto outcome : {Status(200), Status(404), Status(500), Failure(core::Code::kForbidden),
                       Failure(core::Code::kInvalid)}) {
    Script script{{outcome, Status(200)}};
    static_cast<void>(WithRetries(kTwoRetries, std::ref(script)));
    EXPECT_EQ(script.attempts, 1u);
  }
  Script none{{Failure(core::Code::kTransient), Status(200)}};
  EXPECT_FALSE(WithRetries(RetryPolicy{}, std::ref(none)).ok());
  EXPECT_EQ(none.attempts, 1u);
}

TEST(Retry, IdempotentMethodsAreThoseWhoseRepetitionChangesNothing) {
  for (const char* method : {"GET", "HEAD", "PUT", "DELETE"})
    EXPECT_TRUE(IsIdempotentMethod(method)) << method;
  for (const char* method : {"POST", "PATCH", "get"})
    EXPECT_FALSE(IsIdempotentMethod(method)) << method;
}

}  // namespace
}  // namespace slipway::net
