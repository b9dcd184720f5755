#include "core/common/field_reader.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace slipway::core {
namespace {

namespace json = boost::json;

TEST(FieldReader, OneLineStringsRefuseControlCharacters) {
  json::object body{{"team", "a\r\nX-Injected: 1"}};
  FieldReader in(body);
  EXPECT_FALSE(in.String("team", 64));
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.error().details.at("field"), "team");
  EXPECT_EQ(in.error().details.at("rule"),
            "must not contain control characters (line breaks, tabs, NUL…)");
}

TEST(FieldReader, TextKeepsLineBreaksAndTabsButNotNul) {
  json::object body{{"description", "first\n\tsecond\r\n"}, {"note", std::string("a\0b", 3)}};
  FieldReader in(body);
  EXPECT_EQ(in.Text("description", 100), "first\n\tsecond\r\n");
  EXPECT_TRUE(in.ok());
  EXPECT_FALSE(in.Text("note", 100));
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.error().details.at("field"), "note");
}

TEST(FieldReader, UnknownFieldsAreNamed) {
  json::object body{{"name", "x"}, {"nmae", "y"}};
  FieldReader in(body, "targets[0].");
  in.RejectUnknown({"name"});
  ASSERT_FALSE(in.ok());
  EXPECT_EQ(in.error().details.at("field"), "targets[0].nmae");
}

}  // namespace
}  // namespace slipway::core
