// The list of sealed columns against the schema; run on SQLite and PostgreSQL.
#include "store/sealed_values.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/test_database.hpp"

namespace slipway::store {
namespace {

TEST(SealedValues, TheListNamesEverySealedColumnOfTheSchema) {
  auto db = testing::OpenTestDatabase();
  auto tx = db->Begin(TxMode::kRead);
  std::vector<std::string> listed;
  for (const auto& c : SealedColumns()) listed.push_back(std::string(c.table) + "." + c.column);
  std::sort(listed.begin(), listed.end());
  // A `*_sealed` column missing here would keep the old key after a rotation.
  EXPECT_EQ(SchemaSealedColumns(*tx), listed);
}

TEST(SealedValues, ReadsTheNonEmptyValuesAndWritesOneBack) {
  auto db = testing::OpenTestDatabase();
  {
    auto tx = db->Begin(TxMode::kWrite);
    tx->Exec(
        "INSERT INTO clusters (name, connection, kubeconfig_sealed, config_backend, created_at, "
        "updated_at) "
        "VALUES ('a', 'kubeconfig', 'v1:one', 'consul', 1, 1), ('b', 'in_cluster', '', 'consul', "
        "1, 1)");
    tx->Commit();
  }
  auto tx = db->Begin(TxMode::kWrite);
  auto values = ReadSealedValues(*tx);
  ASSERT_EQ(values.size(), 1u) << "the in-cluster one has nothing sealed";
  EXPECT_EQ(values[0].table, "clusters");
  EXPECT_EQ(values[0].column, "kubeconfig_sealed");
  EXPECT_EQ(values[0].sealed, "v1:one");
  values[0].sealed = "v1:two";
  WriteSealedValue(*tx, values[0]);
  EXPECT_EQ(ReadSealedValues(*tx).at(0).sealed, "v1:two");
  SealedValue other{"users", "password_hash", values[0].id, "x"};
  EXPECT_THROW(WriteSealedValue(*tx, other), DbError) << "only the listed columns are written";
}

}  // namespace
}  // namespace slipway::store
