#include "core/common/ascii_text.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(AsciiText, TrimSpaceDropsBlanksAtBothEndsOnly) {
  EXPECT_EQ(TrimSpace(" \t a b \r\n"), "a b");
  EXPECT_EQ(TrimSpace("   "), "");
  EXPECT_EQ(TrimSpace("x"), "x");
}

TEST(AsciiText, EqualsIgnoreCaseComparesLettersWithoutCaseAndLengthsExactly) {
  EXPECT_TRUE(EqualsIgnoreCase("Content-Type", "content-TYPE"));
  EXPECT_FALSE(EqualsIgnoreCase("Content-Type", "Content-Typ"));
  EXPECT_FALSE(EqualsIgnoreCase("a-b", "a_b"));
}

TEST(AsciiText, ToLowerAsciiLeavesOtherBytesAlone) {
  EXPECT_EQ(ToLowerAscii("AbC-\xC3\x89"), "abc-\xC3\x89");
}

}  // namespace
}  // namespace slipway::core
