#include "cli/table.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace slipway::cli {
namespace {

TEST(CliTable, AlignsColumnsWithoutTrailingBlanks) {
  EXPECT_EQ(RenderTable({"id", "name", "status"},
                        {{"1", "order-svc", "online"}, {"12", "pay", "under_review"}}),
            "ID  NAME       STATUS\n"
            "1   order-svc  online\n"
            "12  pay        under_review\n");
}

TEST(CliTable, EmptyListPrintsOnlyTheHeader) {
  EXPECT_EQ(RenderTable({"id", "last used"}, {}), "ID  LAST USED\n");
}

TEST(CliTable, CountsUtf8CodePointsAndPadsShortRows) {
  EXPECT_EQ(RenderTable({"name", "team"}, {{"café", "a"}, {"x"}}),
            "NAME  TEAM\n"
            "café  a\n"
            "x\n");
}

TEST(CliTable, FieldsAlignValues) {
  EXPECT_EQ(RenderFields({{"id", "1"}, {"build job", "trade/x"}, {"ports", ""}}),
            "id:         1\n"
            "build job:  trade/x\n"
            "ports:\n");
}

TEST(CliTable, CellTextOfJsonValues) {
  auto cell = [](const char* json) { return CellText(boost::json::parse(json)); };
  EXPECT_EQ(cell("null"), "-");
  EXPECT_EQ(cell(R"("order-svc")"), "order-svc");
  EXPECT_EQ(cell("42"), "42");
  EXPECT_EQ(cell("true"), "true");
  EXPECT_EQ(cell(R"(["a","b"])"), "a, b");
  EXPECT_EQ(cell("[]"), "-");
  EXPECT_EQ(cell(R"({"a":1})"), R"({"a":1})");
}

}  // namespace
}  // namespace slipway::cli
