#include "engine/fail_point.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace slipway::engine {
namespace {

TEST(FailPointTest, ExitsWithCode86AtANamedPointOnly) {
  // The list is read once per process: a fresh child re-reads it.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  setenv("SLIPWAY_FAILPOINTS", "x.first,engine.after_claim,x.last", 1);
  EXPECT_EXIT(
      {
        FailPoint("engine.after");  // a prefix of an armed name is not armed
        FailPoint("engine.after_step_run");
        FailPoint("engine.after_claim");
        std::exit(0);
      },
      ::testing::ExitedWithCode(86), "failpoint engine.after_claim hit");
  unsetenv("SLIPWAY_FAILPOINTS");
}

TEST(FailPointTest, NameAtNFiresOnTheNthHit) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  setenv("SLIPWAY_FAILPOINTS", "engine.after_step_commit@3", 1);
  EXPECT_EXIT(
      {
        FailPoint("engine.after_step_commit");
        FailPoint("engine.after_step_commit");
        std::fprintf(stderr, "survived two\n");
        FailPoint("engine.after_step_commit");
        std::exit(0);
      },
      ::testing::ExitedWithCode(86), "survived two\nfailpoint engine.after_step_commit hit");
  unsetenv("SLIPWAY_FAILPOINTS");
}

TEST(FailPointTest, AQualifiedNameCountsOnlyItsOwnPlace) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  setenv("SLIPWAY_FAILPOINTS", "engine.after_claim:release.finish@2", 1);
  EXPECT_EXIT(
      {
        FailPoint("engine.after_claim", "release.begin");
        FailPoint("engine.after_claim", "release.finish");
        FailPoint("engine.after_claim");  // the plain point does not count for the qualified one
        FailPoint("engine.after_claim", "release.deploy");
        std::fprintf(stderr, "survived one finish\n");
        FailPoint("engine.after_claim", "release.finish");
        std::exit(0);
      },
      ::testing::ExitedWithCode(86),
      "survived one finish\nfailpoint engine.after_claim:release.finish hit");
  unsetenv("SLIPWAY_FAILPOINTS");
}

TEST(FailPointTest, TheUnqualifiedNameStillFiresAtAQualifiedCall) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  setenv("SLIPWAY_FAILPOINTS", "engine.after_step_run@2", 1);
  EXPECT_EXIT(
      {
        FailPoint("engine.after_step_run", "release.begin");
        std::fprintf(stderr, "survived one\n");
        FailPoint("engine.after_step_run", "sample.bake");
        std::exit(0);
      },
      ::testing::ExitedWithCode(86), "survived one\nfailpoint engine.after_step_run hit");
  unsetenv("SLIPWAY_FAILPOINTS");
}

}  // namespace
}  // namespace slipway::engine
