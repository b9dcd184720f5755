#include "core/common/canonical_json.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace slipway::core {
namespace {

TEST(CanonicalJson, SortsKeysAtEveryLevelAndKeepsArrayOrder) {
  EXPECT_EQ(CanonicalJson(boost::json::parse(R"({"b":1,"a":{"d":[3,{"z":1,"y":2}],"c":"x"}})")),
            R"({"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1})");
}

TEST(CanonicalJson, EqualDocumentsGiveEqualTextWhateverTheKeyOrder) {
  EXPECT_EQ(CanonicalJson(boost::json::parse(R"({"x":1,"y":[true,null]})")),
            CanonicalJson(boost::json::parse(R"({"y":[true,null],"x":1})")));
  EXPECT_NE(CanonicalJson(boost::json::parse("[1,2]")), CanonicalJson(boost::json::parse("[2,1]")));
}

}  // namespace
}  // namespace slipway::core
