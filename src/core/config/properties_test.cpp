#include "core/config/properties.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

std::map<std::string, std::string> Parse(std::string_view text) {
  auto parsed = ParseProperties(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? PropertiesMap(*parsed) : std::map<std::string, std::string>{};
}

TEST(Properties, ReadsBothSeparatorsCommentsAndBlankLines) {
  auto p = Parse(
      "# comment\n! also a comment\n\n  timeout = 3000\nurl:jdbc:mysql://db:3306/x\r\nempty=\n");
  EXPECT_EQ(p, (std::map<std::string, std::string>{
                   {"timeout", "3000"}, {"url", "jdbc:mysql://db:3306/x"}, {"empty", ""}}));
}

TEST(Properties, KeepsTheFileOrderAndLineNumbers) {
  auto parsed = ParseProperties("b=1\n\na=2\n");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].key, "b");
  EXPECT_EQ((*parsed)[1].key, "a");
  EXPECT_EQ((*parsed)[1].line, 3);
}

TEST(Properties, EscapesAndContinuationsFollowJava) {
  auto p = Parse(
      "path=C:\\\\tmp\nmulti=a\\nb\\tc\nuni=\\u4e2d\\u6587\nemoji=\\ud83d\\ude00\n"
      "key\\ with\\=odd\\:chars=v\nlong=one, \\\n    two\nlead=\\  spaced\n");
  EXPECT_EQ(p["path"], "C:\\tmp");
  EXPECT_EQ(p["multi"], "a\nb\tc");
  EXPECT_EQ(p["uni"], "中文");
  EXPECT_EQ(p["emoji"], "\xF0\x9F\x98\x80");
  EXPECT_EQ(p["key with=odd:chars"], "v");
  EXPECT_EQ(p["long"], "one, two");
  EXPECT_EQ(p["lead"], "  spaced");
}

TEST(Properties, RefusesLinesJavaWouldReadOtherwiseWithTheLineNumber) {
  struct Case {
    const char* text;
    int line;
  };
  for (const auto& c : {Case{"a=1\nserver:\n  port: 8080\n  just words\n", 4},
                        Case{"a=1\njust words\n", 2}, Case{"=value\n", 1}, Case{"my key=1\n", 1},
                        Case{"a=1\nb=2\na=3\n", 3}, Case{"u=\\u12\n", 1}}) {
    auto parsed = ParseProperties(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_EQ(parsed.error().code, Code::kInvalid);
    EXPECT_EQ(parsed.error().details.at("line").as_int64(), c.line) << c.text;
    EXPECT_EQ(parsed.error().details.at("field").as_string(), "content");
  }
}

TEST(Properties, RenderReadsBackExactly) {
  std::map<std::string, std::string> values = {{"plain", "1"},
                                               {"spaces in key", " leading space"},
                                               {"a=b:c", "x=y"},
                                               {"#hash", "!bang"},
                                               {"multi", "line1\nline2\r\n\ttab"},
                                               {"back\\slash", "C:\\dir\\"},
                                               {"utf8", "中文 value"},
                                               {"empty", ""}};
  auto text = RenderProperties(values);
  EXPECT_EQ(Parse(text), values) << text;
  EXPECT_EQ(RenderProperties({{"b", "2"}, {"a", "1"}}), "a=1\nb=2\n");
}

}  // namespace
}  // namespace slipway::core
