// Creating, editing, reading and listing changes.
#include <gtest/gtest.h>

#include "services/changes/change_test_fixture.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;
using Strings = std::vector<std::string>;

TEST_F(ChangeServiceTest, ACodeChangeCopiesItsBuildsImageAndStartsDeveloping) {
  auto app = App("shop");
  auto env = Env(app);
  auto build = Build(app);
  auto created = Create(
      dan_, "shop",
      {{"env_id", env}, {"title", "ship 1.0"}, {"description", "faster"}, {"build_id", build}});
  ASSERT_TRUE(created.ok()) << created.error().message;
  const auto& c = created->change;
  EXPECT_EQ(c.state, core::ChangeState::kDeveloping);
  EXPECT_EQ(c.type, core::ChangeType::kCode);
  EXPECT_EQ(c.build_id, build);
  EXPECT_EQ(c.image, "registry.example/slipway/shop:1.0");
  EXPECT_EQ(c.image_digest, "sha256:" + std::string(64, 'a'));
  EXPECT_EQ(c.created_by, "dan");
  EXPECT_EQ(created->env_type, "test");
  EXPECT_EQ(created->actions, (Strings{"edit", "submit", "close"}));
  EXPECT_EQ(EventKinds(*created), Strings{"create"});
  EXPECT_EQ(AuditActions(c.id), Strings{"change.create"});
  // Approvers see the change but have nothing to do with a developing one.
  EXPECT_EQ(changes_.Get(bob_, std::to_string(c.id))->actions, Strings{});
}

TEST_F(ChangeServiceTest, CommercialApplicationsNameAnImageOrATagOfTheirVendorImage) {
  auto app = App("grafana", core::AppType::kCommercial);
  auto env = Env(app);
  auto tagged = Create(alice_, "grafana", {{"env_id", env}, {"title", "10.2"}, {"tag", "10.2.0"}});
  ASSERT_TRUE(tagged.ok()) << tagged.error().message;
  EXPECT_EQ(tagged->change.image, "docker.io/grafana/grafana:10.2.0");
  EXPECT_FALSE(tagged->change.build_id);
  auto full = Create(
      alice_, "grafana",
      {{"env_id", env}, {"title", "mirror"}, {"image", "registry.example/mirror/grafana:10.2.1"}});
  ASSERT_TRUE(full.ok()) << full.error().message;
  EXPECT_EQ(full->change.image, "registry.example/mirror/grafana:10.2.1");

  const json::object base{{"env_id", env}, {"title", "x"}};
  auto with = [&](const char* key, json::value v) {
    auto b = base;
    b[key] = std::move(v);
    return b;
  };
  const std::pair<json::object, std::string> refused[] = {
      {base, "image"},                             // no image source
      {with("image", "no tag here/"), "image"},    // not an image address
      {with("tag", "-bad"), "tag"},                // not an OCI tag
      {with("build_id", Build(app)), "build_id"},  // commercial applications are never built
  };
  for (const auto& [body, field] : refused) {
    auto r = Create(alice_, "grafana", body);
    ASSERT_FALSE(r.ok()) << json::serialize(body);
    EXPECT_EQ(r.error().code, core::Code::kInvalid) << json::serialize(body);
    EXPECT_EQ(Field(r.error()), field) << json::serialize(body);
  }
  EXPECT_EQ(CountChanges(), 2);
}

TEST_F(ChangeServiceTest, BadInputIsRefusedNamingTheFieldAndNothingIsWritten) {
  auto app = App("shop");
  auto other = App("other");
  auto env = Env(app);
  auto foreign_env = Env(other);
  auto good = Build(app);
  const std::pair<json::object, std::string> refused[] = {
      {{{"title", "x"}, {"build_id", good}}, "env_id"},
      {{{"env_id", env}, {"build_id", good}}, "title"},
      {{{"env_id", env}, {"title", "  "}, {"build_id", good}}, "title"},
      {{{"env_id", env}, {"title", "x"}}, "build_id"},
      {{{"env_id", foreign_env}, {"title", "x"}, {"build_id", good}}, "env_id"},
      {{{"env_id", 999}, {"title", "x"}, {"build_id", good}}, "env_id"},
      {{{"env_id", env}, {"title", "x"}, {"build_id", Build(other)}}, "build_id"},
      {{{"env_id", env}, {"title", "x"}, {"image", "r/x:1"}}, "image"},
      {{{"env_id", env}, {"title", "x"}, {"build_id", good}, {"tag", "1"}}, "build_id"},
      {{{"env_id", env}, {"title", "x"}, {"build_id", good}, {"colour", "red"}}, "colour"},
      {{{"env_id", "7"}, {"title", "x"}, {"build_id", good}}, "env_id"},
  };
  for (const auto& [body, field] : refused) {
    auto r = Create(alice_, "shop", body);
    ASSERT_FALSE(r.ok()) << json::serialize(body);
    EXPECT_EQ(r.error().code, core::Code::kInvalid) << json::serialize(body);
    EXPECT_EQ(Field(r.error()), field) << json::serialize(body);
  }
  // A build that has not succeeded is a state conflict, not bad input.
  auto running = Create(
      alice_, "shop",
      {{"env_id", env}, {"title", "x"}, {"build_id", Build(app, core::BuildState::kFailed)}});
  ASSERT_FALSE(running.ok());
  EXPECT_EQ(running.error().code, core::Code::kConflict);
  EXPECT_EQ(running.error().details.at("state").as_string(), "failed");
  EXPECT_EQ(CountChanges(), 0);
}

TEST_F(ChangeServiceTest, OnlyWritersCreateAndOnlyApplicationsThatTakeChanges) {
  auto app = App("shop");
  auto env = Env(app);
  const json::object body{{"env_id", env}, {"title", "x"}, {"build_id", Build(app)}};
  for (const auto* ctx : {&bob_, &eve_, &vic_}) {
    auto r = Create(*ctx, "shop", body);
    ASSERT_FALSE(r.ok()) << ctx->caller.username;
    EXPECT_EQ(r.error().code, core::Code::kForbidden) << ctx->caller.username;
  }
  EXPECT_EQ(Create(alice_, "nope", body).error().code, core::Code::kNotFound);

  auto empty = App("holder", core::AppType::kEmpty);
  auto empty_env = Env(empty);
  auto refused =
      Create(alice_, "holder", {{"env_id", empty_env}, {"title", "x"}, {"image", "r/x:1"}});
  EXPECT_EQ(refused.error().code, core::Code::kConflict);

  for (auto status : {core::AppStatus::kOffline, core::AppStatus::kPendingOffline}) {
    store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
      auto a = *store::apps::Get(tx, app.id);
      a.status = status;
      a.version += 1;
      store::apps::Update(tx, a);
    });
    auto r = Create(alice_, "shop", body);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::Code::kConflict);
    EXPECT_EQ(r.error().details.at("state").as_string(), core::AppStatusName(status));
  }
  EXPECT_EQ(CountChanges(), 0);
}

TEST_F(ChangeServiceTest, IncompleteApplicationsTakeNoChanges) {
  auto app = App("shop");
  auto env = Env(app);
  store::InTx(*db_, store::TxMode::kWrite, [&](store::Tx& tx) {
    auto a = *store::apps::Get(tx, app.id);
    a.details.health_check.reset();
    a.version += 1;
    store::apps::Update(tx, a);
  });
  auto r = Create(alice_, "shop", {{"env_id", env}, {"title", "x"}, {"build_id", Build(app)}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, core::Code::kConflict);
}

TEST_F(ChangeServiceTest, EditOnlyWhileDevelopingWithTheCurrentVersion) {
  auto app = App("shop");
  auto env = Env(app);
  auto prod = Env(app, "prod");
  auto change = CodeChange(app, env).change;
  auto newer = Build(app, core::BuildState::kSucceeded, "2.0");

  EXPECT_EQ(Field(Edit(alice_, change.id, {{"title", "y"}}).error()), "version");
  auto stale = Edit(alice_, change.id, {{"version", change.version + 1}, {"title", "y"}});
  EXPECT_EQ(stale.error().code, core::Code::kConflict);
  EXPECT_EQ(Edit(bob_, change.id, {{"version", change.version}}).error().code,
            core::Code::kForbidden);

  auto edited = Edit(
      dan_, change.id,
      {{"version", change.version}, {"title", "ship 1.1"}, {"build_id", newer}, {"env_id", prod}});
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->change.title, "ship 1.1");
  EXPECT_EQ(edited->change.image, "registry.example/slipway/shop:2.0");
  EXPECT_EQ(edited->change.env_id, prod);
  EXPECT_EQ(edited->change.version, change.version + 1);
  ASSERT_EQ(EventKinds(*edited), (Strings{"create", "edit"}));
  EXPECT_EQ(json::parse(edited->events[1].detail).at("fields"),
            (json::array{"title", "env_id", "build_id", "image"}));

  // Nothing changed: no new version, no history entry.
  auto same = Edit(dan_, change.id, {{"version", edited->change.version}, {"title", "ship 1.1"}});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->change.version, edited->change.version);
  EXPECT_EQ(same->events.size(), 2u);

  // Bad input changes nothing.
  auto bad =
      Edit(dan_, change.id, {{"version", edited->change.version}, {"title", "z"}, {"env_id", 999}});
  EXPECT_EQ(Field(bad.error()), "env_id");
  EXPECT_EQ(Stored(change.id).title, "ship 1.1");

  // Submitted: no longer editable; the refusal names the state and the table's actions.
  ASSERT_TRUE(Do(alice_, change.id, core::ChangeEvent::kSubmit).ok());
  auto refused = Edit(alice_, change.id, {{"version", change.version + 2}, {"title", "w"}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().details.at("state").as_string(), "pending_release");
  EXPECT_EQ(refused.error().details.at("allowed_actions"), (json::array{"withdraw", "release"}));
}

TEST_F(ChangeServiceTest, ListFiltersNewestFirstAndPages) {
  auto app = App("shop");
  auto test = Env(app);
  auto prod = Env(app, "prod");
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(CodeChange(app, i < 3 ? test : prod).change.id);
  ASSERT_TRUE(Do(alice_, ids[0], core::ChangeEvent::kClose).ok());

  store::ChangeQuery q;
  q.limit = 2;
  auto first = changes_.List(vic_, "shop", q, "");
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].change.id, ids[4]);
  EXPECT_EQ(first->items[0].env_type, "prod");
  EXPECT_TRUE(first->items[0].events.empty());
  ASSERT_TRUE(first->next_cursor);
  auto second = changes_.List(vic_, "shop", q, *first->next_cursor);
  ASSERT_EQ(second->items.size(), 2u);
  EXPECT_EQ(second->items[0].change.id, ids[2]);
  auto last = changes_.List(vic_, "shop", q, *second->next_cursor);
  ASSERT_EQ(last->items.size(), 1u);
  EXPECT_FALSE(last->next_cursor);

  store::ChangeQuery by_env;
  by_env.env_id = test;
  by_env.state = "developing";
  auto filtered = changes_.List(alice_, "shop", by_env, "");
  ASSERT_EQ(filtered->items.size(), 2u);
  EXPECT_EQ(filtered->items[0].actions, (Strings{"edit", "submit", "close"}));

  EXPECT_EQ(changes_.List(vic_, "shop", q, "zz").error().code, core::Code::kInvalid);
  EXPECT_EQ(changes_.List(vic_, "nope", q, "").error().code, core::Code::kNotFound);
  EXPECT_EQ(changes_.Get(vic_, "999").error().code, core::Code::kNotFound);
  EXPECT_EQ(changes_.Get(vic_, "abc").error().code, core::Code::kNotFound);
}

}  // namespace
}  // namespace slipway::services
