// Contract tests of connectors set through the API; run on SQLite and PostgreSQL.
#include "store/connector_repository.hpp"

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace slipway::store {
namespace {

class ConnectorRepositoryTest : public ::testing::Test {
 protected:
  std::int64_t Put(const ConnectorRow& row) {
    return InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return connectors::Put(tx, row); });
  }
  std::int64_t Generation() {
    return InTx(*db_, TxMode::kRead, [](Tx& tx) { return connectors::Generation(tx); });
  }
  std::optional<ConnectorRow> Get(const std::string& system) {
    return InTx(*db_, TxMode::kRead, [&](Tx& tx) { return connectors::Get(tx, system); });
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase();
};

TEST_F(ConnectorRepositoryTest, OneRowPerSystemReplacedInPlace) {
  EXPECT_EQ(Put({0, "jenkins", R"({"url":"https://a"})", "v1:x", "root", 10, 0}), 1);
  EXPECT_EQ(Put({0, "gitlab", R"({"url":"https://g"})", "", "root", 11, 0}), 1);
  EXPECT_EQ(Put({0, "jenkins", R"({"url":"https://b"})", "v1:y", "ann", 12, 0}), 2);
  auto jenkins = Get("jenkins");
  ASSERT_TRUE(jenkins);
  EXPECT_EQ(jenkins->settings_json, R"({"url":"https://b"})");
  EXPECT_EQ(jenkins->secrets_sealed, "v1:y");
  EXPECT_EQ(jenkins->updated_by, "ann");
  EXPECT_EQ(jenkins->updated_at, 12);
  EXPECT_EQ(jenkins->version, 2);
  auto all = InTx(*db_, TxMode::kRead, [](Tx& tx) { return connectors::List(tx); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].system, "gitlab");
  EXPECT_EQ(all[1].system, "jenkins");
  EXPECT_FALSE(Get("dns"));
}

TEST_F(ConnectorRepositoryTest, EveryChangeCountsTheGenerationUp) {
  EXPECT_EQ(Generation(), 0);
  Put({0, "jenkins", "{}", "", "root", 1, 0});
  EXPECT_EQ(Generation(), 1);
  Put({0, "jenkins", "{}", "", "root", 2, 0});
  EXPECT_EQ(Generation(), 2);
  EXPECT_TRUE(InTx(*db_, TxMode::kWrite, [](Tx& tx) { return connectors::Delete(tx, "jenkins"); }));
  EXPECT_EQ(Generation(), 3);
  EXPECT_FALSE(Get("jenkins"));
  // Deleting what is not there changes nothing, so replicas rebuild nothing.
  EXPECT_FALSE(
      InTx(*db_, TxMode::kWrite, [](Tx& tx) { return connectors::Delete(tx, "jenkins"); }));
  EXPECT_EQ(Generation(), 3);
}

TEST_F(ConnectorRepositoryTest, AnotherPoolSeesTheGenerationOnceCommitted) {
  auto other = db_.OpenAnother();
  auto tx = db_->Begin(TxMode::kWrite);
  connectors::Put(*tx, {0, "consul", "{}", "", "root", 1, 0});
  EXPECT_EQ(InTx(*other, TxMode::kRead, [](Tx& t) { return connectors::Generation(t); }), 0);
  tx->Commit();
  EXPECT_EQ(InTx(*other, TxMode::kRead, [](Tx& t) { return connectors::Generation(t); }), 1);
}

}  // namespace
}  // namespace slipway::store
