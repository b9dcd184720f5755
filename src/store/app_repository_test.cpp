// Contract tests of the application repository; run on SQLite and PostgreSQL.
#include "store/app_repository.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_database.hpp"

namespace slipway::store {
namespace {

core::App NewApp(const std::string& name, core::Millis created = 1000) {
  core::App a;
  a.name = name;
  a.team = "trade";
  a.owner = "alice";
  a.type = core::AppType::kSelfDeveloped;
  a.level = core::AppLevel::kCore;
  a.description = "service " + name;
  a.repo_url = "https://git.example.com/" + name + ".git";
  a.created_at = a.updated_at = created;
  return a;
}

class AppRepositoryTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();

  std::int64_t Insert(const core::App& app) {
    return InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return apps::Insert(tx, app); });
  }
};

TEST_F(AppRepositoryTest, InsertAndReadBackEveryField) {
  auto app = NewApp("order-svc");
  app.details.build_job = "trade/order-svc";
  app.details.ports = {{"http", 8080, "TCP"}, {"grpc", 9090, "TCP"}};
  app.details.health_check = core::HealthCheck{"http", "/healthz", 8080, ""};
  app.status_reason = "原因";
  app.offline_from = core::AppStatus::kOnline;
  auto id = Insert(app);
  auto got = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::Get(tx, id); });
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, "order-svc");
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->details.ports.size(), 2u);
  EXPECT_EQ(got->details.ports[1].port, 9090);
  ASSERT_TRUE(got->details.health_check);
  EXPECT_EQ(got->details.health_check->path, "/healthz");
  EXPECT_EQ(got->status_reason, "原因");
  EXPECT_EQ(got->offline_from, core::AppStatus::kOnline);
  auto by_name =
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::GetByName(tx, "order-svc"); });
  ASSERT_TRUE(by_name);
  EXPECT_EQ(by_name->id, id);
}

TEST_F(AppRepositoryTest, DuplicateNameIsAUniqueViolation) {
  Insert(NewApp("dup"));
  EXPECT_THROW(Insert(NewApp("dup")), UniqueViolation);
}

TEST_F(AppRepositoryTest, StaleVersionDoesNotWrite) {
  auto id = Insert(NewApp("versioned"));
  auto app = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::Get(tx, id); }).value();
  auto first = app, second = app;
  first.team = "one";
  first.version += 1;
  second.team = "two";
  second.version += 1;
  EXPECT_TRUE(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return apps::Update(tx, first); }));
  EXPECT_FALSE(InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return apps::Update(tx, second); }));
  auto now = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::Get(tx, id); }).value();
  EXPECT_EQ(now.team, "one");
  EXPECT_EQ(now.version, 2);
}

TEST_F(AppRepositoryTest, FiltersAndKeysetPagination) {
  for (int i = 0; i < 25; ++i) {
    auto app = NewApp("app-" + std::string(i < 10 ? "0" : "") + std::to_string(i), 1000 + i);
    app.team = i % 2 ? "odd" : "even";
    app.level = i % 5 == 0 ? core::AppLevel::kEdge : core::AppLevel::kCore;
    Insert(app);
  }
  AppQuery q;
  q.limit = 10;
  std::vector<std::string> seen;
  for (int page = 0; page < 5; ++page) {
    auto result = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::List(tx, q); });
    bool more = static_cast<int>(result.apps.size()) > q.limit;
    if (more) result.apps.resize(static_cast<std::size_t>(q.limit));
    for (const auto& a : result.apps) seen.push_back(a.name);
    if (!more) break;
    q.after = {{apps::SortKey(result.apps.back(), q.sort), result.apps.back().id}};
  }
  ASSERT_EQ(seen.size(), 25u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));

  AppQuery odd;
  odd.team = "odd";
  odd.level = "core";
  auto result = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::List(tx, odd); });
  for (const auto& a : result.apps) {
    EXPECT_EQ(a.team, "odd");
    EXPECT_EQ(a.level, core::AppLevel::kCore);
  }
  EXPECT_EQ(result.apps.size(), 10u);  // 12 odd, 2 of them (5, 15) edge

  AppQuery newest;
  newest.sort = "created_at";
  newest.descending = true;
  newest.limit = 3;
  auto top = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::List(tx, newest); });
  EXPECT_EQ(top.apps.front().name, "app-24");

  AppQuery text;
  text.text = "APP-1";  // case-insensitive, matches app-1x
  auto found = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::List(tx, text); });
  EXPECT_EQ(found.apps.size(), 10u);
}

// "%" and "_" are LIKE wildcards: a search for them must find them, not every application.
TEST_F(AppRepositoryTest, SearchTakesWildcardsLiterally) {
  auto plain = NewApp("plain");
  plain.description = "nothing special";
  Insert(plain);
  auto percent = NewApp("percent");
  percent.description = "uptime 99.9% or better";
  Insert(percent);
  auto underscore = NewApp("underscore");
  underscore.description = "reads MAX_RETRIES";
  Insert(underscore);
  auto names = [&](const std::string& text) {
    AppQuery q;
    q.text = text;
    std::vector<std::string> out;
    for (const auto& a :
         InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::List(tx, q); }).apps) {
      out.push_back(a.name);
    }
    return out;
  };
  EXPECT_EQ(names("%"), std::vector<std::string>{"percent"});
  EXPECT_EQ(names("_"), std::vector<std::string>{"underscore"});
  EXPECT_EQ(names("9%"), std::vector<std::string>{"percent"});
  EXPECT_TRUE(names("!").empty());
}

TEST_F(AppRepositoryTest, MembersAndApprovers) {
  auto id = Insert(NewApp("members"));
  InTx(*db_, TxMode::kWrite, [&](Tx& tx) {
    apps::PutMember(tx, id, "alice", core::MemberRole::kOwner);
    apps::PutMember(tx, id, "bob", core::MemberRole::kApprover);
    apps::PutMember(tx, id, "carol", core::MemberRole::kDeveloper);
    apps::PutMember(tx, id, "carol", core::MemberRole::kApprover);  // changes the role
  });
  auto app = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::Get(tx, id); }).value();
  EXPECT_EQ(app.approvers, (std::vector<std::string>{"bob", "carol"}));
  EXPECT_EQ(app.owner, "alice") << "the owner is read from membership";
  AppQuery by_owner;
  by_owner.owner = "ALICE";
  EXPECT_EQ(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::List(tx, by_owner); }).apps.size(),
            1u);
  by_owner.owner = "bob";  // a member, not an owner
  EXPECT_TRUE(
      InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::List(tx, by_owner); }).apps.empty());
  AppQuery by_member;
  by_member.member = "bob";
  auto page = InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::List(tx, by_member); });
  ASSERT_EQ(page.apps.size(), 1u);
  EXPECT_EQ(page.members[id].size(), 3u);
  EXPECT_TRUE(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return apps::DeleteMember(tx, id, "bob"); }));
  EXPECT_FALSE(
      InTx(*db_, TxMode::kWrite, [&](Tx& tx) { return apps::DeleteMember(tx, id, "bob"); }));
  EXPECT_EQ(InTx(*db_, TxMode::kRead, [&](Tx& tx) { return apps::MemberRoleOf(tx, id, "carol"); }),
            core::MemberRole::kApprover);
}

}  // namespace
}  // namespace slipway::store
