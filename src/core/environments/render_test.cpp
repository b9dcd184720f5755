// The renderer against golden files (tests/golden/render/). To accept an
// intended change, run the test with SLIPWAY_UPDATE_GOLDEN=1 and review the diff.
#include "core/environments/render.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/environments/env_spec_json.hpp"

namespace slipway::core {
namespace {

namespace json = boost::json;

std::string GoldenPath(const std::string& name) {
  return std::string(SLIPWAY_SOURCE_DIR) + "/tests/golden/render/" + name + ".json";
}

// Indented JSON, keys in render order, so golden diffs are reviewable.
void Pretty(const json::value& v, std::string& out, int depth) {
  const std::string pad(2 * (depth + 1), ' '), end_pad(2 * depth, ' ');
  if (v.is_object() && !v.as_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [key, value] : v.as_object()) {
      out += (first ? "" : ",\n") + pad + json::serialize(json::string(key)) + ": ";
      Pretty(value, out, depth + 1);
      first = false;
    }
    out += "\n" + end_pad + "}";
  } else if (v.is_array() && !v.as_array().empty()) {
    out += "[\n";
    bool first = true;
    for (const auto& item : v.as_array()) {
      out += (first ? "" : ",\n") + pad;
      Pretty(item, out, depth + 1);
      first = false;
    }
    out += "\n" + end_pad + "]";
  } else {
    out += json::serialize(v);
  }
}

std::string Render(const RenderInput& in) {
  json::array docs;
  docs.push_back(RenderDeployment(in));
  for (auto& s : RenderServices(in)) docs.push_back(std::move(s));
  std::string out;
  Pretty(docs, out, 0);
  return out + "\n";
}

void ExpectGolden(const std::string& name, const RenderInput& in) {
  const auto actual = Render(in);
  const char* update = std::getenv("SLIPWAY_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(GoldenPath(name)) << actual;
    return;
  }
  std::ifstream file(GoldenPath(name));
  ASSERT_TRUE(file) << "missing golden file " << GoldenPath(name)
                    << "; create it with SLIPWAY_UPDATE_GOLDEN=1";
  std::stringstream expected;
  expected << file.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "rendering of " << name << " changed";
}

RenderInput Input(const json::object& spec) {
  RenderInput in;
  in.app = "shop";
  in.env_id = 7;
  in.env_type = "test";
  in.namespace_name = "shop-test";
  in.image = "registry.example.com:5000/slipway/shop:1.4.2";
  auto parsed = ParseEnvSpec(spec);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  if (parsed.ok()) in.spec = *parsed;
  return in;
}

TEST(RenderGolden, MinimalEnvironmentWithOnePort) {
  ExpectGolden("minimal", Input({{"ports", json::array{{{"container_port", 8080}}}}}));
}

TEST(RenderGolden, EverythingSet) {
  ExpectGolden("full", Input(json::parse(R"({
    "replicas": 4,
    "resources": {"cpu_request": "250m", "cpu_limit": "1", "memory_request": "256Mi", "memory_limit": "1Gi"},
    "ports": [{"name": "http", "container_port": 8080, "service_port": 80},
              {"name": "metrics", "container_port": 9090}],
    "services": [{"name": "shop-web", "type": "NodePort", "ports": [{"name": "http", "port": 80, "target_port": 8080, "node_port": 30080}]},
                 {"name": "shop-metrics", "ports": [{"port": 9090}]}],
    "env": [{"name": "LOG_LEVEL", "value": "info"}, {"name": "JAVA_OPTS", "value": "-Xmx512m"}],
    "readiness": {"type": "http", "path": "/healthz", "port": 8080, "initial_delay_seconds": 5},
    "liveness": {"type": "exec", "command": ["/bin/check", "--quick"]}
  })")
                                 .as_object()));
}

TEST(RenderGolden, CanaryTrackHasItsOwnDeploymentAndNoServices) {
  auto in = Input({{"replicas", 10}, {"ports", json::array{{{"container_port", 8080}}}}});
  in.track = kTrackCanary;
  in.replicas = 1;
  auto deployment = RenderDeployment(in);
  EXPECT_EQ(deployment.at("metadata").at("name").as_string(), "shop-canary");
  EXPECT_EQ(deployment.at("spec").at("replicas").as_int64(), 1);
  EXPECT_EQ(deployment.at("spec").at("selector").at("matchLabels").at("track").as_string(),
            "canary");
  // Services select every track: the canary's pods take traffic through them.
  auto services = RenderServices(in);
  ASSERT_EQ(services.size(), 1u);
  EXPECT_FALSE(services[0].at("spec").at("selector").as_object().contains("track"));
}

TEST(Render, NoPortsMeansNoDefaultService) { EXPECT_TRUE(RenderServices(Input({})).empty()); }

TEST(Render, SameInputSameBytes) {
  auto in = Input({{"ports", json::array{{{"container_port", 8080}}}}});
  EXPECT_EQ(Render(in), Render(in));
}

TEST(Render, PlaceholderImageNamesTheClustersRegistry) {
  EXPECT_EQ(PlaceholderImage("r.example.com:5000", "shop"),
            "r.example.com:5000/slipway-unbuilt/shop:no-image-yet");
  EXPECT_EQ(PlaceholderImage("", "shop"), "registry.invalid/slipway-unbuilt/shop:no-image-yet");
}

TEST(Render, PodSelector) {
  EXPECT_EQ(PodSelector("shop", "prod"), "app=shop,env=prod");
  EXPECT_EQ(PodSelector("shop", "prod", "canary"), "app=shop,env=prod,track=canary");
}

}  // namespace
}  // namespace slipway::core
