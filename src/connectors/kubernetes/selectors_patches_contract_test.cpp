// Label and field selectors and the three patch kinds, on both backends of
// the contract suite: the fake and the emulator share one implementation of
// them (selectors.hpp, patch.hpp), so they must also answer alike, with the
// API server's words.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "connectors/kubernetes/contract_backends.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {
namespace {

KubeObject Json(const std::string& text) { return boost::json::parse(text).as_object(); }

KubeObject Deployment(const std::string& name, const std::string& tier) {
  return Json(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":")" + name +
              R"(","labels":{"app":")" + name + R"(","tier":")" + tier +
              R"("}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":")" + name +
              R"("}},"template":{"metadata":{"labels":{"app":")" + name +
              R"("}},"spec":{"containers":[{"name":"main","image":"registry.local/web:1"},
                                          {"name":"side","image":"registry.local/side:1"}]}}}})");
}

class SelectorsAndPatchesContract : public ::testing::TestWithParam<kube_testing::BackendFactory> {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    ASSERT_TRUE(k().EnsureNamespace("team-s").ok());
    for (auto [name, tier] : {std::pair{"web", "front"}, {"api", "back"}, {"db", "back"}}) {
      auto created = k().Create(kube::kDeployments, "team-s", Deployment(name, tier));
      ASSERT_TRUE(created.ok()) << created.error().message;
    }
  }
  Kubernetes& k() { return backend_->k8s(); }

  /// The names a list with these selectors finds, or the error's message.
  std::set<std::string> Names(const std::string& labels, const std::string& fields = "") {
    auto list = k().List(kube::kDeployments, "team-s", ListOptions{labels, fields});
    EXPECT_TRUE(list.ok()) << labels << " / " << fields << ": " << list.error().message;
    std::set<std::string> names;
    if (list.ok()) {
      for (const auto& item : list->items) names.insert(core::StringAt(item, {"metadata", "name"}));
    }
    return names;
  }
  void ExpectBadRequest(const std::string& labels, const std::string& fields,
                        const std::string& words) {
    auto list = k().List(kube::kDeployments, "team-s", ListOptions{labels, fields});
    ASSERT_FALSE(list.ok()) << labels << " / " << fields;
    EXPECT_EQ(list.error().code, core::Code::kInvalid) << list.error().message;
    EXPECT_NE(list.error().message.find(words), std::string::npos) << list.error().message;
  }

  std::unique_ptr<kube_testing::Backend> backend_;
};

using NameSet = std::set<std::string>;

TEST_P(SelectorsAndPatchesContract, LabelAndFieldSelectorsChooseTheSameObjects) {
  EXPECT_EQ(Names(""), (NameSet{"web", "api", "db"}));
  EXPECT_EQ(Names("tier=back"), (NameSet{"api", "db"}));
  EXPECT_EQ(Names("tier==back,app!=db"), (NameSet{"api"}));
  EXPECT_EQ(Names("app in (web, db),tier notin (front)"), (NameSet{"db"}));
  EXPECT_EQ(Names("tier,!missing"), (NameSet{"web", "api", "db"}));
  EXPECT_EQ(Names("", "metadata.name=api"), (NameSet{"api"}));
  EXPECT_EQ(Names("tier=back", "metadata.name!=api"), (NameSet{"db"}));
}

TEST_P(SelectorsAndPatchesContract, MalformedSelectorsAreRefusedInTheApiServersWords) {
  ExpectBadRequest("app in (web", "", "unable to parse requirement");
  ExpectBadRequest("app=web,,tier=back", "", "unable to parse requirement");
  ExpectBadRequest("", "spec.replicas=1", "field label not supported: spec.replicas");
  ExpectBadRequest("", "metadata.name", "can't understand 'metadata.name'");
}

TEST_P(SelectorsAndPatchesContract, StrategicDeleteDirectiveAndMergePatchReplacingTheList) {
  auto strategic = k().Patch(
      kube::kDeployments, "team-s", "web", PatchType::kStrategicMerge,
      boost::json::parse(
          R"({"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}})"));
  ASSERT_TRUE(strategic.ok()) << strategic.error().message;
  const auto* containers = core::Find(*strategic, {"spec", "template", "spec", "containers"});
  ASSERT_TRUE(containers && containers->is_array());
  ASSERT_EQ(containers->as_array().size(), 1u);
  EXPECT_EQ(core::StringAt(containers->as_array()[0], {"name"}), "main");

  auto merged = k().Patch(
      kube::kDeployments, "team-s", "api", PatchType::kMerge,
      boost::json::parse(
          R"({"metadata":{"labels":{"tier":null}},"spec":{"template":{"spec":{"containers":[{"name":"only","image":"registry.local/only:1"}]}}}})"));
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(core::Find(*merged, {"metadata", "labels", "tier"}), nullptr);
  containers = core::Find(*merged, {"spec", "template", "spec", "containers"});
  ASSERT_TRUE(containers && containers->is_array());
  ASSERT_EQ(containers->as_array().size(), 1u);
  EXPECT_EQ(core::StringAt(containers->as_array()[0], {"name"}), "only");
}

INSTANTIATE_TEST_SUITE_P(Backends, SelectorsAndPatchesContract,
                         ::testing::ValuesIn(kube_testing::Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace slipway::connectors
