// Contract tests of baselines' config files and rollbacks' restores; run on
// SQLite and PostgreSQL.
#include "store/baseline_config_repository.hpp"

#include <gtest/gtest.h>

#include "store/app_repository.hpp"
#include "store/change_repository.hpp"
#include "store/packed_text.hpp"
#include "store/release_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::store {
namespace {

TEST(PackedText, RoundTripsTextOfAnyKind) {
  for (std::string text : {std::string(), std::string("mode=a\n"),
                           std::string("\0binary\xff\x01", 9), std::string(200'000, 'x')}) {
    auto packed = PackText(text);
    EXPECT_EQ(UnpackText(packed), text);
  }
  EXPECT_LT(PackText(std::string(200'000, 'x')).size(), 2'000u) << "kept compressed";
  EXPECT_FALSE(UnpackText("0000000Xabc"));
  EXPECT_FALSE(UnpackText(PackText("mode=a\n").substr(0, 12))) << "truncated";
}

class BaselineConfigRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();

  core::Baseline Baseline(std::vector<core::BaselineConfigFile> files) {
    core::Baseline b;
    b.env_id = 7;
    b.image = "r/shop:1";
    b.created_by = "alice";
    b.config_recorded = true;
    b.config = std::move(files);
    return b;
  }
};

TEST_F(BaselineConfigRepositoryTest, ABaselineKeepsItsConfigFilesAndTheirContent) {
  core::BaselineConfigFile small{"app.properties", 12, "h-small", 7, std::string("mode=a\n")};
  core::BaselineConfigFile big{"big.txt", 3, "h-big", 5'000'000, std::nullopt};
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return baselines::Append(tx, Baseline({small, big})); });
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    auto old = Baseline({});
    old.config_recorded = false;
    return baselines::Append(tx, old);
  });

  auto first = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return baselines::Get(tx, 7, 1); });
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->config_recorded);
  ASSERT_EQ(first->config.size(), 2u);
  EXPECT_EQ(first->config[0].name, "app.properties");
  EXPECT_EQ(first->config[0].version, 12);
  EXPECT_EQ(first->config[0].hash, "h-small");
  EXPECT_EQ(first->config[0].content, "mode=a\n");
  EXPECT_EQ(first->config[1].name, "big.txt");
  EXPECT_EQ(first->config[1].size, 5'000'000);
  EXPECT_FALSE(first->config[1].content) << "over the cap: not restorable";
  auto latest = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return baselines::Latest(tx, 7); });
  ASSERT_TRUE(latest);
  EXPECT_FALSE(latest->config_recorded);
  EXPECT_TRUE(latest->config.empty());
}

TEST_F(BaselineConfigRepositoryTest, ARollbacksFilesRecordTheirOutcome) {
  auto ids = InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    baselines::Append(tx, Baseline({{"app.properties", 12, "h", 7, std::string("mode=a\n")}}));
    core::App app;
    app.name = "shop";
    app.team = "trade";
    app.owner = "alice";
    core::Change change;
    change.app_id = apps::Insert(tx, app);
    change.env_id = 7;
    change.title = "roll back";
    change.created_by = "alice";
    core::Release r;
    r.change_id = changes::Insert(tx, change);
    r.app_id = change.app_id;
    r.env_id = 7;
    r.kind = "rollback";
    r.image = "r/shop:1";
    r.spec = "{}";
    r.plan = "[]";
    r.started_by = "alice";
    const auto release = releases::Insert(tx, r);
    return std::pair{release, baselines::Get(tx, 7, 1)->id};
  });
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    rollback_config::Put(tx, ids.first,
                         {{"b.yaml", ids.second, 4, "hb", "pending", 0},
                          {"app.properties", ids.second, 15, "h", "pending", 0}});
    rollback_config::SetOutcome(tx, ids.first,
                                {"app.properties", ids.second, 15, "h", "restored", 16});
    return 0;
  });
  auto files =
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return rollback_config::List(tx, ids.first); });
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].file_name, "app.properties");
  EXPECT_EQ(files[0].outcome, "restored");
  EXPECT_EQ(files[0].version_after, 16);
  EXPECT_EQ(files[0].expected_version, 15);
  EXPECT_EQ(files[1].file_name, "b.yaml");
  EXPECT_EQ(files[1].outcome, "pending");
}

}  // namespace
}  // namespace slipway::store
