#include "cli/url.hpp"

#include <gtest/gtest.h>

namespace slipway::cli {
namespace {

TEST(CliUrl, EncodesAllButUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("order-svc_1.2~"), "order-svc_1.2~");
  EXPECT_EQ(PercentEncode("a b/c?d&e=f"), "a%20b%2Fc%3Fd%26e%3Df");
  EXPECT_EQ(PercentEncode("é"), "%C3%A9");
}

TEST(CliUrl, QuerySkipsEmptyValues) {
  EXPECT_EQ(WithQuery("/x", {}), "/x");
  EXPECT_EQ(WithQuery("/x", {{"a", ""}, {"b", "1"}, {"c", "2 3"}}), "/x?b=1&c=2%203");
}

}  // namespace
}  // namespace slipway::cli
