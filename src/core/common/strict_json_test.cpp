#include "core/common/strict_json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <string>

namespace slipway::core {
namespace {

using namespace std::string_literals;

std::string FieldOf(std::string_view text) {
  auto parsed = ParseStrictJson(text);
  if (parsed.ok()) return "(accepted)";
  EXPECT_EQ(parsed.error().code, Code::kInvalid);
  const auto* field = parsed.error().details.if_contains("field");
  return field ? std::string(field->as_string()) : "(malformed)";
}

TEST(StrictJson, ParsesWhatBoostJsonParses) {
  auto parsed = ParseStrictJson(
      R"({"a": [1, -2, 3.5, true, null, "x"], "b": {"c": {}}, "d": 18446744073709551615})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(
      *parsed,
      boost::json::parse(
          R"({"a": [1, -2, 3.5, true, null, "x"], "b": {"c": {}}, "d": 18446744073709551615})"));
  EXPECT_EQ(FieldOf(R"("just a string")"), "(accepted)");
}

TEST(StrictJson, RefusesARepeatedKeyNamingItsPath) {
  EXPECT_EQ(FieldOf(R"({"team": "a", "team": "b"})"), "team");
  EXPECT_EQ(FieldOf(R"({"ports": [{"name": "a"}, {"name": "b", "port": 1, "port": 2}]})"),
            "ports[1].port");
  EXPECT_EQ(FieldOf(R"({"a": {"b": 1}, "c": {"b": 2}})"),
            "(accepted)");  // equal keys in different objects
  auto error = ParseStrictJson(R"({"x": 1, "x": 1})").error();
  EXPECT_EQ(error.message, "x appears twice");
}

TEST(StrictJson, RefusesNulInStringsAndKeys) {
  EXPECT_EQ(FieldOf(R"({"title": "a\u0000b"})"), "title");
  EXPECT_EQ(FieldOf(R"({"env": [{"value": "ok"}, {"value": "\u0000"}]})"), "env[1].value");
  EXPECT_EQ(FieldOf(R"({"a\u0000": 1})"), "a\0"s);
  EXPECT_EQ(FieldOf(R"("\u0000")"), "(document)");
  EXPECT_EQ(FieldOf(R"({"ok": "line\nbreak\ttab"})"),
            "(accepted)");  // other controls are the readers' call
}

TEST(StrictJson, RefusesNumbersBeyondADouble) {
  EXPECT_EQ(FieldOf(R"({"replicas": 1e400})"), "replicas");
  EXPECT_EQ(FieldOf(R"([1, -1e999])"), "[1]");
  EXPECT_EQ(FieldOf(R"({"big": 1e300})"), "(accepted)");
}

TEST(StrictJson, MalformedInputSaysWhereItStopped) {
  for (const char* bad : {"", "{", R"({"a":1}})", "{a: 1}", R"({"a": 1,})", "[1 2]", "nul"}) {
    EXPECT_EQ(FieldOf(bad), "(malformed)") << bad;
  }
  const std::string text = "{\n\"a\": 1,\n\"b\": x}";
  auto offset = ParseStrictJson(text).error().details.at("offset").as_int64();
  ASSERT_LE(offset, static_cast<std::int64_t>(text.size()));
  EXPECT_EQ(std::count(text.begin(), text.begin() + offset, '\n'), 2)
      << "stopped on the third line";
}

}  // namespace
}  // namespace slipway::core
