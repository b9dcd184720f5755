// Who reads which records of the operation log: admins all of them, everyone
// else the records of the applications they are members of (the application
// itself and its builds); an application can be named by its name.
#include "services/platform/audit_service.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/common/clock.hpp"
#include "services/platform/audit_log.hpp"
#include "store/app_repository.hpp"
#include "store/build_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

class AuditServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      shop_ = App(tx, "shop", "alice");
      cart_ = App(tx, "cart", "carol");
      shop_build_ = Build(tx, shop_);
      Record(tx, "app.register", "app", shop_);
      Record(tx, "build.start", "build", shop_build_);
      Record(tx, "app.register", "app", cart_);
      Record(tx, "build.start", "build", Build(tx, cart_));
      Record(tx, "user.create", "user", 7);
    });
  }

  std::int64_t App(store::Tx& tx, const std::string& name, const std::string& owner) {
    core::App app;
    app.name = name;
    app.team = "trade";
    app.owner = owner;
    auto id = store::apps::Insert(tx, app);
    store::apps::PutMember(tx, id, owner, core::MemberRole::kOwner);
    return id;
  }

  std::int64_t Build(store::Tx& tx, std::int64_t app) {
    core::Build b;
    b.app_id = app;
    b.branch = "main";
    b.version = "1.0." + std::to_string(++builds_);
    b.image = "registry.test/slipway/x:" + b.version;
    b.job_path = "trade/x";
    b.created_by = "alice";
    return store::builds::Insert(tx, b);
  }

  void Record(store::Tx& tx, const std::string& action, const std::string& type, std::int64_t id) {
    RecordAudit(tx, clock_, admin_, action, type, std::to_string(id), action);
  }

  // "type:id" of every record the caller reads with `command`.
  std::set<std::string> Read(const RequestContext& ctx, AuditListCommand command = {}) {
    std::set<std::string> out;
    for (const auto& r : audit_.List(ctx, command).records)
      out.insert(r.object_type + ":" + r.object_id);
    return out;
  }

  static RequestContext As(const std::string& user, core::Role role) {
    return {{0, user, role}, "r-" + user};
  }

  std::string Of(const char* type, std::int64_t id) {
    return std::string(type) + ":" + std::to_string(id);
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  AuditService audit_{*db_};
  RequestContext admin_ = As("root", core::Role::kAdmin);
  std::int64_t shop_ = 0, cart_ = 0, shop_build_ = 0;
  int builds_ = 0;
};

TEST_F(AuditServiceTest, AdminsReadEveryRecord) { EXPECT_EQ(Read(admin_).size(), 5u); }

TEST_F(AuditServiceTest, AMemberReadsOnlyTheRecordsOfTheirApplications) {
  EXPECT_EQ(Read(As("alice", core::Role::kViewer)),
            (std::set<std::string>{Of("app", shop_), Of("build", shop_build_)}));
}

TEST_F(AuditServiceTest, ANonMemberReadsNoneOfAnApplicationsRecords) {
  EXPECT_TRUE(Read(As("mallory", core::Role::kDeveloper)).empty());
  AuditListCommand shop;
  shop.object_type = "app";
  shop.object_ref = std::to_string(shop_);
  EXPECT_TRUE(Read(As("carol", core::Role::kApprover), shop).empty())
      << "a member of another application";
}

TEST_F(AuditServiceTest, AnApplicationIsFoundByNameAsByItsId) {
  AuditListCommand by_name;
  by_name.object_type = "app";
  by_name.object_ref = "cart";
  EXPECT_EQ(Read(admin_, by_name), (std::set<std::string>{Of("app", cart_)}));
  by_name.object_ref = "no-such-app";
  EXPECT_TRUE(Read(admin_, by_name).empty());
}

TEST_F(AuditServiceTest, PagesCarryTheCursorOfTheLastRecord) {
  AuditListCommand page;
  page.limit = 2;
  auto first = audit_.List(admin_, page);
  ASSERT_EQ(first.records.size(), 2u);
  ASSERT_TRUE(first.next_cursor);
  EXPECT_EQ(*first.next_cursor, first.records.back().id);
  page.before_id = first.next_cursor;
  page.limit = 50;
  auto rest = audit_.List(admin_, page);
  EXPECT_EQ(rest.records.size(), 3u);
  EXPECT_FALSE(rest.next_cursor);
}

}  // namespace
}  // namespace slipway::services
