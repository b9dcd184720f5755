#include "services/platform/key_rotation.hpp"

#include <gtest/gtest.h>

#include "store/sealed_values.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

SecretBox Box(unsigned char fill) {
  SecretBox::Key key;
  key.fill(fill);
  return SecretBox(key);
}

class KeyRotationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto tx = db_->Begin(store::TxMode::kWrite);
    tx->Exec(
        "INSERT INTO clusters (name, connection, kubeconfig_sealed, config_backend, created_at, "
        "updated_at) "
        "VALUES ('prod', 'kubeconfig', ?, 'consul', 1, 1)",
        {old_.Seal("apiVersion: v1\nkind: Config\n")});
    tx->Exec(
        "INSERT INTO notification_targets (scope, scope_key, name, type, url_sealed, url_shown, "
        "secret_sealed, "
        "kinds, updated_by, created_at, updated_at) VALUES ('team', 'pay', 'robot', 'dingtalk', ?, "
        "'masked', ?, "
        "'[]', 'alice', 1, 1)",
        {old_.Seal("https://oapi.dingtalk.com/robot/send?access_token=t0ken"),
         old_.Seal("SEC123")});
    tx->Exec(
        "INSERT INTO connectors (system, settings, secrets_sealed, updated_by, updated_at) "
        "VALUES ('jenkins', '{}', ?, 'root', 1)",
        {old_.Seal(R"({"token":"jenkins-api-token"})")});
    tx->Commit();
  }

  std::vector<std::string> Plain(const SecretBox& box) {
    auto tx = db_->Begin(store::TxMode::kRead);
    std::vector<std::string> out;
    for (const auto& v : store::ReadSealedValues(*tx)) {
      auto opened = box.Open(v.sealed);
      out.push_back(opened.ok() ? *opened : "<cannot open>");
    }
    return out;
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  SecretBox old_ = Box(1);
  SecretBox new_ = Box(2);
};

TEST_F(KeyRotationTest, ResealsEveryValueSoOnlyTheNewKeyOpensThem) {
  const auto before = Plain(old_);
  ASSERT_EQ(before.size(), 4u);
  auto report = ResealAll(*db_, old_, new_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->resealed, 4u);
  EXPECT_EQ(report->per_column.at("notification_targets.url_sealed"), 1u);
  // Connector credentials set through the API are sealed values too.
  EXPECT_EQ(report->per_column.at("connectors.secrets_sealed"), 1u);
  EXPECT_EQ(Plain(new_), before);
  EXPECT_EQ(Plain(old_), std::vector<std::string>(4, "<cannot open>"));
}

TEST_F(KeyRotationTest, RunningItAgainChangesNothing) {
  ASSERT_TRUE(ResealAll(*db_, old_, new_).ok());
  auto again = ResealAll(*db_, old_, new_);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->resealed, 0u);
  EXPECT_EQ(again->already_new, 4u);
}

TEST_F(KeyRotationTest, AValueNeitherKeyOpensStopsItAndNothingChanges) {
  {
    auto tx = db_->Begin(store::TxMode::kWrite);
    tx->Exec(
        "INSERT INTO clusters (name, connection, kubeconfig_sealed, config_backend, created_at, "
        "updated_at) "
        "VALUES ('stray', 'kubeconfig', ?, 'consul', 1, 1)",
        {Box(3).Seal("sealed with some other key")});
    tx->Commit();
  }
  auto refused = ResealAll(*db_, old_, new_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kInvalid);
  EXPECT_NE(refused.error().message.find("clusters.kubeconfig_sealed"), std::string::npos)
      << refused.error().message;
  const auto still_old = Plain(old_);
  EXPECT_EQ(std::count(still_old.begin(), still_old.end(), "<cannot open>"), 1)
      << "only the stray value";
}

}  // namespace
}  // namespace slipway::services
