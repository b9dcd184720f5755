// Listing applications: filters, sort orders and cursor pagination.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

class AppListTest : public BackendApiTest {
 protected:
  // Seven applications in a team of their own, so that other tests' apps
  // never show up: names sorted = registration order reversed on purpose.
  void SetUp() override {
    team_ = UniqueName("team");
    dev_ = server().CreateUser("developer", "listdev");
    other_ = server().CreateUser("developer", "listother");
    approver_ = server().CreateUser("approver", "listappr");
    const std::vector<std::string> letters = {"g", "f", "e", "d", "c", "b", "a"};
    for (std::size_t i = 0; i < letters.size(); ++i) {
      auto body = AppBody(letters[i] + "-" + team_, team_, i % 3 == 0 ? "core" : "edge");
      if (i == 1) {
        body["type"] = "commercial";
        body.erase("repo_url");
      }
      if (i == 2) body["description"] = "the needle-" + team_ + " app";
      auto& owner = i % 2 == 0 ? dev_ : other_;
      auto reg = server().As(owner).Post("/api/v1/apps", body);
      ASSERT_EQ(reg.status, 201) << reg;
      ids_.push_back(reg.Int("id"));
      names_.push_back(reg.Str("name"));
    }
    auto admin = server().Admin();
    for (std::size_t i : {0u, 1u, 2u}) {
      ASSERT_EQ(admin.Post("/api/v1/apps/" + std::to_string(ids_[i]) + "/approve").status, 200);
    }
    ASSERT_EQ(admin.Post("/api/v1/apps/" + std::to_string(ids_[3]) + "/reject", {{"reason", "no"}})
                  .status,
              200);
    auto app0 = admin.Get("/api/v1/apps/" + std::to_string(ids_[0]));
    auto done = server().As(dev_).Put("/api/v1/apps/" + std::to_string(ids_[0]) + "/details",
                                      CompleteDetailsBody(app0.Int("version"), approver_.username));
    ASSERT_EQ(done.status, 200) << done;
  }

  // Names of every item on one page of GET /apps?<query>&team=<team>.
  std::vector<std::string> Names(const std::string& query, Reply* out = nullptr) {
    auto reply =
        server().As(dev_).Get("/api/v1/apps?team=" + team_ + (query.empty() ? "" : "&" + query));
    EXPECT_EQ(reply.status, 200) << reply;
    std::vector<std::string> names;
    for (const auto& item : reply.Object().at("items").as_array())
      names.emplace_back(item.at("name").as_string());
    if (out) *out = reply;
    return names;
  }
  std::vector<std::string> Pick(std::initializer_list<std::size_t> indexes) {
    std::vector<std::string> out;
    for (auto i : indexes) out.push_back(names_[i]);
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string team_;
  TestUser dev_, other_, approver_;
  std::vector<std::int64_t> ids_;
  std::vector<std::string> names_;
};

TEST_P(AppListTest, FiltersNarrowTheList) {
  EXPECT_EQ(Names(""), Pick({0, 1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(Names("status=pending_online"), Pick({0, 1, 2}));
  EXPECT_EQ(Names("status=rejected"), Pick({3}));
  EXPECT_EQ(Names("status=under_review"), Pick({4, 5, 6}));
  EXPECT_EQ(Names("status=offline"), Pick({}));
  EXPECT_EQ(Names("type=commercial"), Pick({1}));
  EXPECT_EQ(Names("level=core"), Pick({0, 3, 6}));
  EXPECT_EQ(Names("owner=" + other_.username), Pick({1, 3, 5}));
  EXPECT_EQ(Names("member=" + approver_.username), Pick({0}));
  EXPECT_EQ(Names("q=needle-" + team_), Pick({2}));
  EXPECT_EQ(Names("level=core&owner=" + dev_.username), Pick({0, 6}));
}

TEST_P(AppListTest, UnknownFilterValuesAreInvalid) {
  auto api = server().As(dev_);
  for (const char* query :
       {"status=sleeping", "type=closed_source", "level=critical", "sort=owner", "sort=-size",
        "limit=0", "limit=501", "limit=ten", "cursor=not-a-cursor"}) {
    auto reply = api.Get(std::string("/api/v1/apps?") + query);
    EXPECT_EQ(reply.status, 400) << query << ": " << reply;
    EXPECT_EQ(reply.ErrorCode(), "invalid") << query;
  }
}

TEST_P(AppListTest, SortOrders) {
  auto by_name = Names("sort=name");
  EXPECT_TRUE(std::is_sorted(by_name.begin(), by_name.end()));
  EXPECT_EQ(by_name.size(), 7u);
  auto descending = Names("sort=-name");
  EXPECT_TRUE(std::is_sorted(descending.rbegin(), descending.rend()));
  EXPECT_EQ(descending.size(), 7u);
  EXPECT_EQ(Names("sort=created_at"), names_);  // registration order
  auto newest_first = Names("sort=-created_at");
  EXPECT_EQ(std::vector<std::string>(newest_first.rbegin(), newest_first.rend()), names_);
}

TEST_P(AppListTest, CursorPaginationVisitsEveryAppOnce) {
  for (const char* sort : {"name", "-name", "created_at", "-updated_at"}) {
    std::vector<std::string> all;
    std::string cursor;
    int pages = 0;
    for (; pages < 10; ++pages) {
      Reply reply;
      auto page =
          Names(std::string("limit=2&sort=") + sort + (cursor.empty() ? "" : "&cursor=" + cursor),
                &reply);
      EXPECT_LE(page.size(), 2u);
      all.insert(all.end(), page.begin(), page.end());
      if (reply.Object().at("next_cursor").is_null()) break;
      cursor = reply.Str("next_cursor");
    }
    EXPECT_EQ(pages, 3) << sort;  // 2+2+2+1
    std::set<std::string> unique(all.begin(), all.end());
    EXPECT_EQ(unique.size(), all.size()) << sort << ": duplicates across pages";
    EXPECT_EQ(std::vector<std::string>(unique.begin(), unique.end()), Pick({0, 1, 2, 3, 4, 5, 6}))
        << sort;
    EXPECT_EQ(all, Names(std::string("limit=500&sort=") + sort))
        << sort << ": pages must follow the one-page order";
  }
}

TEST_P(AppListTest, ExactlyFullLastPageEndsWithNullCursor) {
  Reply first;
  Names("limit=7", &first);
  EXPECT_TRUE(first.Object().at("next_cursor").is_null()) << first;
}

INSTANTIATE_TEST_SUITE_P(Backends, AppListTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendParamName);

}  // namespace
}  // namespace slipway::testing
