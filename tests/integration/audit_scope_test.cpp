// Who reads which operation records over HTTP, on both databases: admins
// every record; members the records of their applications (the application
// and its builds, changes, environments, releases); others none of them.
// An application is found by its name as by its id.
#include <gtest/gtest.h>

#include <set>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

class AuditScopeTest : public BackendApiTest {
 protected:
  void SetUp() override {
    member_ = server().CreateUser("viewer", "aud-member");
    outsider_ = server().CreateUser("developer", "aud-outsider");
    owner_ = server().CreateUser("developer", "aud-owner");
    name_ = UniqueName("aud");
    auto reg = server().As(owner_).Post("/api/v1/apps", AppBody(name_));
    ASSERT_EQ(reg.status, 201) << reg;
    id_ = reg.Int("id");
    auto added = server().As(owner_).Put(AppPath() + "/members/" + member_.username,
                                         {{"role", "developer"}});
    ASSERT_EQ(added.status, 200) << added;
  }

  std::string AppPath() const { return "/api/v1/apps/" + std::to_string(id_); }

  // The actions of the records `api` reads about the application `ref`.
  std::set<std::string> Actions(Api api, const std::string& ref) {
    std::set<std::string> out;
    for (const auto& r : AuditOf(api, "app:" + ref)) out.insert(Text(r.at("action")));
    return out;
  }

  TestUser member_, outsider_, owner_;
  std::string name_;
  std::int64_t id_ = 0;
};

TEST_P(AuditScopeTest, MembersAndAdminsReadAnApplicationsRecordsOthersNone) {
  const std::set<std::string> recorded{"app.register", "app.member_put"};
  EXPECT_EQ(Actions(server().Admin(), std::to_string(id_)), recorded);
  EXPECT_EQ(Actions(server().As(member_), std::to_string(id_)), recorded);
  EXPECT_TRUE(Actions(server().As(outsider_), std::to_string(id_)).empty());
  // Unfiltered, an outsider's log holds nothing of this application either.
  auto all = server().As(outsider_).Get("/api/v1/audit?limit=500");
  ASSERT_EQ(all.status, 200) << all;
  for (const auto& r : all.Object().at("items").as_array()) {
    EXPECT_FALSE(Text(r.at("object_type")) == "app" &&
                 Text(r.at("object_id")) == std::to_string(id_))
        << r;
  }
}

TEST_P(AuditScopeTest, AnApplicationIsFoundByName) {
  EXPECT_EQ(Actions(server().Admin(), name_), Actions(server().Admin(), std::to_string(id_)));
  EXPECT_EQ(Actions(server().As(member_), name_).count("app.register"), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditScopeTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
