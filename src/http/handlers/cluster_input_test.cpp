// Cluster bodies: what a registration and an edit must look like, each
// refusal naming its field.
#include "http/handlers/cluster_input.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace slipway::http {
namespace {

namespace json = boost::json;

const std::vector<std::string> kEnvTypes = {"prod", "test"};

template <class T>
std::string FieldOf(const core::Result<T>& r) {
  if (r.ok()) return "(ok)";
  const auto* f = r.error().details.if_contains("field");
  return f ? std::string(f->as_string()) : "(none)";
}

TEST(ClusterInput, ARegistrationNamesTheClusterAndHowToReachIt) {
  auto ok = ParseRegisterCluster(
      {{"name", "bj"}, {"connection", "in_cluster"}, {"namespaces", {{"prod", "p"}}}}, kEnvTypes);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->fields.connection, core::ClusterConnection::kInCluster);
  EXPECT_EQ(ok->fields.namespaces->at("prod"), "p");
  EXPECT_EQ(FieldOf(ParseRegisterCluster({{"connection", "in_cluster"}}, kEnvTypes)), "name");
  EXPECT_EQ(FieldOf(ParseRegisterCluster({{"name", "bj"}}, kEnvTypes)), "connection");
  EXPECT_EQ(
      FieldOf(ParseRegisterCluster({{"name", "12"}, {"connection", "in_cluster"}}, kEnvTypes)),
      "name")
      << "an id is not a name";
  EXPECT_EQ(FieldOf(ParseRegisterCluster({{"name", "bj"}, {"connection", "sandbox"}}, kEnvTypes)),
            "connection");
  EXPECT_EQ(FieldOf(ParseRegisterCluster(
                {{"name", "bj"}, {"connection", "in_cluster"}, {"version", 1}}, kEnvTypes)),
            "version");
}

TEST(ClusterInput, NamespacesMapConfiguredEnvTypesToLabels) {
  auto with = [](json::value namespaces) {
    return ParseRegisterCluster(
        {{"name", "bj"}, {"connection", "in_cluster"}, {"namespaces", namespaces}}, kEnvTypes);
  };
  EXPECT_EQ(FieldOf(with(json::object{{"staging", "s"}})), "namespaces.staging");
  EXPECT_EQ(FieldOf(with(json::object{{"prod", 1}})), "namespaces.prod");
  EXPECT_EQ(FieldOf(with(json::object{{"prod", "Not_A_Label"}})), "namespaces.prod");
  EXPECT_EQ(FieldOf(with(json::array{})), "namespaces");
}

TEST(ClusterInput, AnEditNamesItsVersionAndChecksWhatItGives) {
  EXPECT_EQ(FieldOf(ParseEditCluster({{"description", "x"}}, kEnvTypes)), "version");
  EXPECT_EQ(FieldOf(ParseEditCluster({{"version", 1}, {"registry", "/bad/"}}, kEnvTypes)),
            "registry");
  EXPECT_EQ(FieldOf(ParseEditCluster({{"version", 1}, {"config_backend", "etcd"}}, kEnvTypes)),
            "config_backend");
  auto edit =
      ParseEditCluster({{"version", 3}, {"registry", "registry.example.com:5000"}}, kEnvTypes);
  ASSERT_TRUE(edit.ok());
  EXPECT_EQ(edit->version, 3);
  EXPECT_EQ(edit->fields.registry, "registry.example.com:5000");
  EXPECT_FALSE(edit->fields.name);
}

}  // namespace
}  // namespace slipway::http
