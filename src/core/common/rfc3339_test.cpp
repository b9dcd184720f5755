#include "core/common/rfc3339.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

constexpr Millis kMay1At10 = 1'777'629'600'000;  // 2026-05-01T10:00:00Z

TEST(Rfc3339, WritesUtcWithSecondsOrMilliseconds) {
  EXPECT_EQ(Rfc3339Seconds(kMay1At10 + 123), "2026-05-01T10:00:00Z");
  EXPECT_EQ(Rfc3339Millis(kMay1At10 + 123), "2026-05-01T10:00:00.123Z");
  EXPECT_EQ(Rfc3339Millis(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(Rfc3339Seconds(951'825'599'000), "2000-02-29T11:59:59Z");
}

TEST(Rfc3339, ReadsBackWhatItWrites) {
  for (Millis at : {Millis{0}, kMay1At10, kMay1At10 + 999, Millis{4'102'444'799'000}}) {
    EXPECT_EQ(ParseRfc3339(Rfc3339Millis(at)), at);
    EXPECT_EQ(ParseRfc3339(Rfc3339Seconds(at)), at - at % 1000);
  }
}

TEST(Rfc3339, ReadsOffsetsFractionsAndLowercaseSeparators) {
  EXPECT_EQ(ParseRfc3339("2026-05-01T18:00:00+08:00"), kMay1At10);
  EXPECT_EQ(ParseRfc3339("2026-05-01T09:30:00-00:30"), kMay1At10);
  EXPECT_EQ(ParseRfc3339("2026-05-01t10:00:00.5z"), kMay1At10 + 500);
  EXPECT_EQ(ParseRfc3339("2026-05-01T10:00:00.123456789Z"), kMay1At10 + 123);
}

TEST(Rfc3339, RefusesOtherText) {
  for (const char* text :
       {"", "2026-05-01", "2026-05-01T10:00:00", "2026-05-01 10:00:00Z", "2026-13-01T10:00:00Z",
        "2026-02-30T10:00:00Z", "2026-05-01T24:00:00Z", "2026-05-01T10:00:00.Z",
        "2026-05-01T10:00:00Zjunk", "2026-05-01T10:00:00+0800"}) {
    EXPECT_EQ(ParseRfc3339(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace slipway::core
