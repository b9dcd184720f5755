#include "engine/outage.hpp"

#include <gtest/gtest.h>

namespace slipway::engine {
namespace {

const core::Error kDown{core::Code::kTransient, "connection refused", {}};

TEST(Outage, RetriesWithADoublingDelayUpToTheMaximum) {
  const OutagePolicy policy{.window_ms = 60'000, .first_delay_ms = 250, .max_delay_ms = 1'000};
  boost::json::object scratch{{"phase", "wait"}};
  std::vector<core::Millis> delays;
  core::Millis now = 1'000;
  for (int i = 0; i < 5; ++i) {
    auto retry = RideOutOutage(policy, now, scratch, kDown);
    ASSERT_TRUE(retry.has_value());
    EXPECT_EQ(retry->kind, StepOutcome::Kind::kSleep);
    delays.push_back(retry->wake_at - now);
    now = retry->wake_at;
    scratch = retry->scratch.as_object();
  }
  EXPECT_EQ(delays, (std::vector<core::Millis>{250, 500, 1'000, 1'000, 1'000}));
  EXPECT_EQ(scratch.at("phase").as_string(), "wait") << "the step's progress is kept";
  EXPECT_EQ(scratch.at("outage").at("since").as_int64(), 1'000);
  EXPECT_EQ(scratch.at("outage").at("attempts").as_int64(), 5);
  EXPECT_EQ(scratch.at("outage").at("error").as_string(), "connection refused");
}

TEST(Outage, GivesUpOnceTheOutageOutlastsTheWindowAndSaysForHowLong) {
  const OutagePolicy policy{.window_ms = 30'000, .first_delay_ms = 1'000, .max_delay_ms = 1'000};
  auto first = RideOutOutage(policy, 0, {}, kDown);
  ASSERT_TRUE(first.has_value());
  auto scratch = first->scratch.as_object();
  EXPECT_TRUE(RideOutOutage(policy, 30'000, scratch, kDown).has_value())
      << "at the window's end: still waiting";
  EXPECT_FALSE(RideOutOutage(policy, 30'001, scratch, kDown).has_value());
  EXPECT_EQ(OutageReport(scratch, 31'000, "Jenkins", kDown),
            "Jenkins kept failing for 31 s: connection refused");
}

TEST(Outage, AnAnswerEndsTheOutageAndTheNextOneStartsItsOwnWindow) {
  const OutagePolicy policy{.window_ms = 10'000, .first_delay_ms = 100, .max_delay_ms = 100};
  auto scratch = RideOutOutage(policy, 0, {}, kDown)->scratch.as_object();
  EndOutage(scratch);
  EXPECT_FALSE(scratch.contains("outage"));
  auto again = RideOutOutage(policy, 50'000, scratch, kDown);
  ASSERT_TRUE(again.has_value()) << "a new outage, not the old one's 50 s";
  EXPECT_EQ(again->scratch.at("outage").at("since").as_int64(), 50'000);
}

}  // namespace
}  // namespace slipway::engine
