// ServiceAccounts and RBAC objects through the emulator's HTTP handler:
// served and discoverable (deploy/kubernetes/ applies them), defaulted and
// validated as the apiserver does.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/test_support.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;
namespace {

using testing::Call;
using testing::ManualSettings;

constexpr const char* kRbac = "/apis/rbac.authorization.k8s.io/v1";

json::object Binding(const std::string& role_kind, const std::string& role) {
  return {{"apiVersion", "rbac.authorization.k8s.io/v1"},
          {"kind", "ClusterRoleBinding"},
          {"metadata", {{"name", "slipway"}}},
          {"roleRef", {{"kind", role_kind}, {"name", role}}},
          {"subjects",
           json::array{{{"kind", "ServiceAccount"}, {"name", "slipway"}, {"namespace", "slipway"}},
                       {{"kind", "User"}, {"name", "ops"}}}}};
}

std::string Fields(const json::value& status) {
  std::string out;
  for (const auto& c : status.at("details").at("causes").as_array()) {
    out += (out.empty() ? "" : ",") + core::StringAt(c, {"field"});
  }
  return out;
}

class RbacTest : public ::testing::Test {
 protected:
  KubernetesEmulator emu{ManualSettings()};
};

TEST_F(RbacTest, DiscoveryListsTheRbacGroupAndServiceAccounts) {
  auto group = Call(emu, "GET", "/apis/rbac.authorization.k8s.io");
  ASSERT_EQ(group.status, 200);
  EXPECT_EQ(core::StringAt(group.body, {"preferredVersion", "groupVersion"}),
            "rbac.authorization.k8s.io/v1");
  std::map<std::string, bool> namespaced;
  const auto rbac = Call(emu, "GET", kRbac);
  for (const auto& r : rbac.body.at("resources").as_array()) {
    namespaced[core::StringAt(r, {"name"})] = r.at("namespaced").as_bool();
  }
  EXPECT_EQ(namespaced, (std::map<std::string, bool>{{"clusterrolebindings", false},
                                                     {"clusterroles", false},
                                                     {"rolebindings", true},
                                                     {"roles", true}}));
  bool service_accounts = false;
  const auto core = Call(emu, "GET", "/api/v1");
  for (const auto& r : core.body.at("resources").as_array()) {
    service_accounts = service_accounts || core::StringAt(r, {"name"}) == "serviceaccounts";
  }
  EXPECT_TRUE(service_accounts);
}

TEST_F(RbacTest, ServiceAccountsAreNamespacedObjects) {
  json::object sa{{"apiVersion", "v1"}, {"kind", "ServiceAccount"}, {"metadata", {{"name", "ci"}}}};
  ASSERT_EQ(Call(emu, "POST", "/api/v1/namespaces/default/serviceaccounts", sa).status, 201);
  auto got = Call(emu, "GET", "/api/v1/namespaces/default/serviceaccounts/ci");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(core::StringAt(got.body, {"metadata", "namespace"}), "default");
  EXPECT_FALSE(core::StringAt(got.body, {"metadata", "uid"}).empty());
  EXPECT_EQ(Call(emu, "GET", "/api/v1/namespaces/kube-system/serviceaccounts/ci").status, 404);
}

TEST_F(RbacTest, BindingsAreDefaultedAndTheirRoleRefIsImmutable) {
  auto created = Call(emu, "POST", std::string(kRbac) + "/clusterrolebindings",
                      Binding("ClusterRole", "slipway"));
  ASSERT_EQ(created.status, 201) << json::serialize(created.body);
  EXPECT_EQ(core::StringAt(created.body, {"roleRef", "apiGroup"}), "rbac.authorization.k8s.io");
  EXPECT_EQ(core::StringAt(created.body.at("subjects").at(1), {"apiGroup"}),
            "rbac.authorization.k8s.io");
  EXPECT_EQ(core::StringAt(created.body.at("subjects").at(0), {"apiGroup"}), "");
  auto changed =
      Call(emu, "PATCH", std::string(kRbac) + "/clusterrolebindings/slipway",
           json::object{{"roleRef", {{"name", "admin"}}}}, "application/merge-patch+json");
  EXPECT_EQ(changed.status, 422);
  EXPECT_EQ(Fields(changed.body), "roleRef");
}

TEST_F(RbacTest, InvalidRulesAndBindingsAre422NamingTheField) {
  json::object role{
      {"apiVersion", "rbac.authorization.k8s.io/v1"},
      {"kind", "Role"},
      {"metadata", {{"name", "reader"}}},
      {"rules", json::array{{{"apiGroups", json::array{""}}, {"verbs", {"get"}}},
                            {{"nonResourceURLs", {"/healthz"}}, {"verbs", {"get"}}}}}};
  auto bad_role = Call(emu, "POST", std::string(kRbac) + "/namespaces/default/roles", role);
  EXPECT_EQ(bad_role.status, 422);
  EXPECT_EQ(Fields(bad_role.body), "rules[0].resources,rules[1].nonResourceURLs");

  auto to_role = Binding("Role", "slipway");
  auto bad_binding = Call(emu, "POST", std::string(kRbac) + "/clusterrolebindings", to_role);
  EXPECT_EQ(bad_binding.status, 422);
  EXPECT_EQ(Fields(bad_binding.body), "roleRef.kind");
  auto no_ns = Binding("ClusterRole", "slipway");
  no_ns["subjects"].as_array()[0].as_object().erase("namespace");
  auto missing = Call(emu, "POST", std::string(kRbac) + "/clusterrolebindings", no_ns);
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(Fields(missing.body), "subjects[0].namespace");
  EXPECT_EQ(Call(emu, "GET", std::string(kRbac) + "/clusterrolebindings")
                .body.at("items")
                .as_array()
                .size(),
            0u);
}

}  // namespace
}  // namespace slipway::sandbox::kube
