#include "core/common/text_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace slipway::core {
namespace {

using namespace std::string_literals;

TEST(TextRules, OneLineTextRefusesEveryControlCharacter) {
  for (const std::string& bad : {"a\r\nX-Injected: 1"s, "tab\there"s, "nul\0byte"s, "bell\a"s,
                                 "del\x7f"s, "c1 \xc2\x85 next line"s, "\n"s}) {
    EXPECT_TRUE(CheckSingleLine(bad)) << bad;
  }
  for (const std::string& good : {""s, "trade"s, "交易 team"s, "Ünïcödé ok"s, "a b-c_d.e/f"s}) {
    EXPECT_FALSE(CheckSingleLine(good)) << good;
  }
}

TEST(TextRules, MultiLineTextKeepsTabsAndLineBreaksOnly) {
  EXPECT_FALSE(CheckMultiLine("line 1\nline 2\r\n\tindented"));
  EXPECT_FALSE(CheckMultiLine("多行\n文本"));
  for (const std::string& bad :
       {"nul\0byte"s, "escape \x1b[31m"s, "form\ffeed"s, "del\x7f"s, "c1 \xc2\x9b"s}) {
    EXPECT_TRUE(CheckMultiLine(bad)) << bad;
  }
}

}  // namespace
}  // namespace slipway::core
