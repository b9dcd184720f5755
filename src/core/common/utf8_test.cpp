#include "core/common/utf8.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(Utf8Test, ValidTextIsKeptAsItIs) {
  for (std::string_view text :
       {"", "plain ascii", "caf\xc3\xa9", "\xe4\xb8\xad\xe6\x96\x87", "\xf0\x9f\x9a\xa2"}) {
    EXPECT_TRUE(IsValidUtf8(text)) << text;
    EXPECT_EQ(ToValidUtf8(text), text);
  }
}

TEST(Utf8Test, EveryInvalidByteBecomesOneReplacementCharacter) {
  EXPECT_FALSE(IsValidUtf8("/\xff\xfe"));
  EXPECT_EQ(ToValidUtf8("/\xff\xfe"), "/\xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(ToValidUtf8("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd") << "overlong '/'";
  EXPECT_EQ(ToValidUtf8("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd") << "a surrogate";
  EXPECT_EQ(ToValidUtf8("ab\xe4\xb8"), "ab\xef\xbf\xbd\xef\xbf\xbd") << "cut short at the end";
  EXPECT_TRUE(IsValidUtf8(ToValidUtf8("x\x80y\xf5z")));
}

}  // namespace
}  // namespace slipway::core
