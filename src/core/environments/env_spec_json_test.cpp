#include "core/environments/env_spec_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/environments/quantity.hpp"

namespace slipway::core {
namespace {

namespace json = boost::json;

std::string FieldOf(const json::object& body) {
  auto parsed = ParseEnvSpec(body);
  if (parsed.ok()) return "(accepted)";
  EXPECT_EQ(parsed.error().code, Code::kInvalid);
  return std::string(parsed.error().details.at("field").as_string());
}

TEST(EnvSpecJson, RoundTripsThroughItsJson) {
  auto spec = ParseEnvSpec(json::parse(R"({
    "replicas": 3,
    "resources": {"cpu_request": "200m", "cpu_limit": "2", "memory_request": "1Gi", "memory_limit": "2Gi"},
    "ports": [{"name": "http", "container_port": 8080, "service_port": 80}, {"name": "grpc", "container_port": 9000, "protocol": "TCP"}],
    "services": [{"name": "web", "type": "LoadBalancer", "ports": [{"name": "http", "port": 80, "target_port": 8080, "node_port": 31000}, {"name": "grpc", "port": 9000}]}],
    "env": [{"name": "A", "value": "1"}, {"name": "spring.profiles.active", "value": "test"}],
    "readiness": {"type": "tcp", "port": 8080},
    "liveness": {"type": "http", "path": "/live", "port": 8080, "failure_threshold": 5}
  })")
                               .as_object());
  ASSERT_TRUE(spec.ok()) << spec.error().message;
  auto again = ParseEnvSpec(EnvSpecToJson(*spec));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(json::serialize(EnvSpecToJson(*again)), json::serialize(EnvSpecToJson(*spec)));
  EXPECT_EQ(spec->ports[1].service_port, 9000);  // defaults to the container port
  EXPECT_EQ(spec->services[0].ports[1].target_port, 9000);
  EXPECT_EQ(spec->liveness->failure_threshold, 5);
}

TEST(EnvSpecJson, AbsentFieldsKeepTheBaseAndNullRemovesAProbe) {
  EnvSpec base;
  base.replicas = 5;
  base.readiness = Probe{"tcp", "", 80, {}, 0, 10, 1, 3};
  auto spec = ParseEnvSpec(json::parse(R"({"readiness": null})").as_object(), base);
  ASSERT_TRUE(spec.ok());
  EXPECT_EQ(spec->replicas, 5);
  EXPECT_FALSE(spec->readiness);
}

TEST(EnvSpecJson, EachRuleNamesItsField) {
  EXPECT_EQ(FieldOf(json::parse(R"({"replicas": 0})").as_object()), "replicas");
  EXPECT_EQ(FieldOf(json::parse(R"({"replicas": 25})").as_object()), "replicas");
  EXPECT_EQ(FieldOf(json::parse(R"({"replicas": 24})").as_object()), "(accepted)");
  EXPECT_EQ(FieldOf(json::parse(R"({"bogus": 1})").as_object()), "bogus");
  EXPECT_EQ(FieldOf(json::parse(R"({"resources": {"cpu": "1"}})").as_object()), "resources.cpu");
  EXPECT_EQ(
      FieldOf(json::parse(R"({"resources": {"memory_request": "2Gi", "memory_limit": "1Gi"}})")
                  .as_object()),
      "resources.memory_request");
  EXPECT_EQ(FieldOf(json::parse(R"({"ports": {}})").as_object()), "ports");
  EXPECT_EQ(
      FieldOf(
          json::parse(R"({"ports": [{"container_port": 80, "protocol": "HTTP"}]})").as_object()),
      "ports[0].protocol");
  EXPECT_EQ(
      FieldOf(
          json::parse(R"({"ports": [{"container_port": 80}, {"name": "b", "container_port": 81}]})")
              .as_object()),
      "ports[0].name");
  EXPECT_EQ(
      FieldOf(json::parse(R"({"ports": [{"name": "Http", "container_port": 80}]})").as_object()),
      "ports[0].name");
  EXPECT_EQ(FieldOf(json::parse(R"({"services": [{"name": "web", "ports": []}]})").as_object()),
            "services[0].ports");
  EXPECT_EQ(
      FieldOf(json::parse(
                  R"({"services": [{"name": "web", "ports": [{"port": 80, "node_port": 30001}]}]})")
                  .as_object()),
      "services[0].ports[0].node_port");
  EXPECT_EQ(
      FieldOf(
          json::parse(
              R"({"services": [{"name": "web", "type": "NodePort", "ports": [{"port": 80, "node_port": 80}]}]})")
              .as_object()),
      "services[0].ports[0].node_port");
  EXPECT_EQ(
      FieldOf(
          json::parse(
              R"({"services": [{"name": "a", "ports": [{"port": 80}]}, {"name": "a", "ports": [{"port": 81}]}]})")
              .as_object()),
      "services[1].name");
  EXPECT_EQ(FieldOf(json::parse(R"({"env": [{"name": "A"}, {"name": "A"}]})").as_object()),
            "env[1].name");
  EXPECT_EQ(FieldOf(json::parse(R"({"env": [{"name": "A=B"}]})").as_object()), "env[0].name");
  EXPECT_EQ(FieldOf(json::parse(R"({"readiness": {"type": "grpc"}})").as_object()),
            "readiness.type");
  EXPECT_EQ(FieldOf(json::parse(R"({"liveness": {"type": "exec"}})").as_object()),
            "liveness.command");
  EXPECT_EQ(FieldOf(json::parse(R"({"liveness": {"type": "tcp"}})").as_object()), "liveness.port");
  EXPECT_EQ(FieldOf(json::parse(R"({"liveness": {"type": "http", "path": "health", "port": 80}})")
                        .as_object()),
            "liveness.path");
}

TEST(Quantity, ParsesKubernetesQuantities) {
  EXPECT_DOUBLE_EQ(*ParseQuantity("250m"), 0.25);
  EXPECT_DOUBLE_EQ(*ParseQuantity("2"), 2);
  EXPECT_DOUBLE_EQ(*ParseQuantity("1.5"), 1.5);
  EXPECT_DOUBLE_EQ(*ParseQuantity("512Mi"), 512.0 * 1024 * 1024);
  EXPECT_DOUBLE_EQ(*ParseQuantity("1G"), 1e9);
  EXPECT_DOUBLE_EQ(*ParseQuantity("1e3"), 1000);
  EXPECT_DOUBLE_EQ(*ParseQuantity("2E"), 2e18);  // exa, not an exponent
  for (const char* bad : {"", "m", "-1", "1.2.3", "1Mb", "abc", "1e", "1 Gi"}) {
    EXPECT_FALSE(ParseQuantity(bad)) << bad;
  }
}

// Kubernetes holds no quantity above 2^63-1; beyond a double's range the
// limit checks would compare infinities.
TEST(Quantity, RefusesValuesKubernetesCannotHold) {
  for (const char* huge : {"1e400", "1e19", "99999999999999999999", "9Ei", "10E", "1e308k"}) {
    EXPECT_FALSE(ParseQuantity(huge)) << huge;
  }
  EXPECT_DOUBLE_EQ(*ParseQuantity("7Ei"), 7.0 * 1152921504606846976.0);
  EXPECT_DOUBLE_EQ(*ParseQuantity("0e400"), 0);
  EXPECT_EQ(FieldOf(json::parse(R"({"resources": {"memory_limit": "1e400"}})").as_object()),
            "resources.memory_limit");
  EXPECT_EQ(
      FieldOf(json::parse(R"({"resources": {"memory_request": "1e400", "memory_limit": "1e401"}})")
                  .as_object()),
      "resources.memory_request");
}

TEST(EnvSpecJson, EnvValuesMaySpanLinesButHoldNoOtherControlCharacters) {
  EXPECT_EQ(
      FieldOf(
          json::parse(R"({"env": [{"name": "PEM", "value": "line 1\nline 2\tend"}]})").as_object()),
      "(accepted)");
  EXPECT_EQ(FieldOf(json::parse(R"({"env": [{"name": "A", "value": "x\u0000y"}]})").as_object()),
            "env[0].value");
  EXPECT_EQ(FieldOf(json::parse(R"({"env": [{"name": "A", "value": "\u001b[31m"}]})").as_object()),
            "env[0].value");
  EXPECT_EQ(
      FieldOf(json::parse(R"({"liveness": {"type": "exec", "command": ["sh", "-c", "a\u0000b"]}})")
                  .as_object()),
      "liveness.command");
}

}  // namespace
}  // namespace slipway::core
