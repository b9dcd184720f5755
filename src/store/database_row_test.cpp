#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "store/database.hpp"

namespace slipway::store {
namespace {

Row MakeRow(std::vector<std::optional<std::string>> values) {
  auto names = std::make_shared<std::vector<std::string>>();
  for (std::size_t i = 0; i < values.size(); ++i) names->push_back("c" + std::to_string(i));
  return Row(names, std::move(values));
}

TEST(Row, ParsesIntegers) {
  Row row = MakeRow({"42", "-9223372036854775808", std::nullopt, "3.0", "1.5", "abc", ""});
  EXPECT_EQ(row.Int(0), 42);
  EXPECT_EQ(row.Int(1), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(row.Int(2), 0);
  EXPECT_EQ(row.Int(3), 3);  // an integral REAL
  EXPECT_THROW(row.Int(4), DbError);
  EXPECT_THROW(row.Int(5), DbError);
  EXPECT_THROW(row.Int(6), DbError);
}

TEST(Row, ParsesReals) {
  Row row = MakeRow({"0.1", "1e+300", "Infinity", "-inf", "NaN", std::nullopt, "x"});
  EXPECT_EQ(row.Real(0), 0.1);
  EXPECT_EQ(row.Real(1), 1e300);
  EXPECT_EQ(row.Real(2), std::numeric_limits<double>::infinity());
  EXPECT_EQ(row.Real(3), -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(row.Real(4)));
  EXPECT_EQ(row.Real(5), 0.0);
  EXPECT_THROW(row.Real(6), DbError);
}

TEST(Row, ParsesBooleansOfBothDialects) {
  Row row = MakeRow({"1", "0", "t", "f", "true", "false", std::nullopt, "2"});
  EXPECT_TRUE(row.Bool(0));
  EXPECT_FALSE(row.Bool(1));
  EXPECT_TRUE(row.Bool(2));
  EXPECT_FALSE(row.Bool(3));
  EXPECT_TRUE(row.Bool(4));
  EXPECT_FALSE(row.Bool(5));
  EXPECT_FALSE(row.Bool(6));
  EXPECT_TRUE(row.Bool(7));
}

TEST(Row, ReadsTextAndNulls) {
  Row row = MakeRow({"", std::nullopt, "héllo"});
  EXPECT_EQ(row.size(), 3u);
  EXPECT_FALSE(row.IsNull(0));
  EXPECT_TRUE(row.IsNull(1));
  EXPECT_EQ(row.Text(0), "");
  EXPECT_EQ(row.Text(1), "");
  EXPECT_EQ(row.OptText(0), std::optional<std::string>(""));
  EXPECT_EQ(row.OptText(1), std::nullopt);
  EXPECT_EQ(row.Text(2), "héllo");
}

TEST(Row, LooksColumnsUpByName) {
  Row row = MakeRow({"7", std::nullopt});
  EXPECT_EQ(row.Int("c0"), 7);
  EXPECT_TRUE(row.IsNull("c1"));
  EXPECT_THROW(row.Int("missing"), DbError);
}

}  // namespace
}  // namespace slipway::store
