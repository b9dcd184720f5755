#include "http/response_cache.hpp"

#include <gtest/gtest.h>

namespace slipway::http {
namespace {

TEST(ResponseCache, ServesUntilTheDataChangesOrTheEntryAges) {
  core::SimulatedClock clock;
  ResponseCache cache(clock, 1000);
  auto r = Response::Text(200, "list");
  cache.Put("alice|developer|/api/v1/apps", 7, r);
  ASSERT_TRUE(cache.Get("alice|developer|/api/v1/apps", 7));
  EXPECT_EQ(cache.Get("alice|developer|/api/v1/apps", 7)->body, "list");
  EXPECT_FALSE(cache.Get("bob|developer|/api/v1/apps", 7)) << "per caller";
  EXPECT_FALSE(cache.Get("alice|developer|/api/v1/apps", 8)) << "the data changed";
  EXPECT_FALSE(cache.Get("alice|developer|/api/v1/apps", 7)) << "a stale entry is dropped";
  cache.Put("k", 1, r);
  clock.Advance(1000);
  EXPECT_FALSE(cache.Get("k", 1)) << "too old";
}

TEST(ResponseCache, ZeroTtlDisablesIt) {
  core::SimulatedClock clock;
  ResponseCache cache(clock, 0);
  cache.Put("k", 1, Response::Text(200, "x"));
  EXPECT_FALSE(cache.Get("k", 1));
}

}  // namespace
}  // namespace slipway::http
