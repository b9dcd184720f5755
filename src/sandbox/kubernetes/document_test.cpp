#include "sandbox/kubernetes/document.hpp"

#include <gtest/gtest.h>

#include <string>

#include "sandbox/kubernetes/api_error.hpp"

namespace slipway::sandbox::kube {
namespace {

std::string Refusal(const std::string& yaml) {
  try {
    YamlToJson(yaml);
    return "";
  } catch (const ApiError& e) {
    return std::to_string(e.code()) + " " + e.what();
  }
}

TEST(EmulatorYaml, ConvertsMappingsSequencesAndTypedScalars) {
  EXPECT_EQ(
      YamlToJson("kind: Pod\nspec: {replicas: 2, paused: false, ratio: 0.5, name: '7', none: ~}\n"
                 "list: [a, 1]\n"),
      boost::json::parse(
          R"({"kind":"Pod","spec":{"replicas":2,"paused":false,"ratio":0.5,"name":"7",)"
          R"("none":null},"list":["a",1]})"));
}

// Found by fuzz/kube_document: stod threw out_of_range past a double's range.
TEST(EmulatorYaml, AFloatBeyondADoublesRangeStaysAString) {
  EXPECT_EQ(YamlToJson("big: 1e999\nsmall: -2.5e3\nplus: +1.5\ndot: .5\n"),
            boost::json::parse(R"({"big":"1e999","small":-2500.0,"plus":1.5,"dot":0.5})"));
}

// An alias inside the node it names nested it in itself until the stack
// overflowed and ended the sandbox; aliases of aliases multiplied.
TEST(EmulatorYaml, RefusesEndlessNestingAndExcessiveAliasing) {
  EXPECT_EQ(Refusal("metadata: &m\n  labels: *m\n"),
            "400 error converting YAML to JSON: yaml: exceeded max depth of 1000");
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 8; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev + ", " + prev +
            ", " + prev + ", " + prev + ", " + prev + ", " + prev + ", " + prev + ", " + prev +
            ", " + prev + ", " + prev + "]\n";
  }
  EXPECT_EQ(Refusal(bomb),
            "400 error converting YAML to JSON: yaml: document contains excessive aliasing");
}

}  // namespace
}  // namespace slipway::sandbox::kube
