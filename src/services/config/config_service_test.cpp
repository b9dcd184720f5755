// The config service on Consul, and what does not depend on the backend:
// permissions, validation, drafts, conflicts, history.
#include "services/config/config_service.hpp"

#include "services/config/config_service_test_fixture.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;
constexpr const char* kKey = "slipway/config/order-svc/prod/bj/app.yaml";

TEST_F(ConfigServiceTest, DraftDiffPublishAndHistoryOfANewFile) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  auto draft = Save(env, "app.yaml", "server:\n  port: 8080\n");
  EXPECT_EQ(draft.base_version, 0) << "the file did not exist";
  EXPECT_EQ(ConsulValue(kKey), "<absent>") << "a draft is not live";

  auto diff = service_->Diff(vic_, env, "app.yaml");
  ASSERT_TRUE(diff.ok()) << diff.error().message;
  EXPECT_FALSE(diff->by_key);
  EXPECT_TRUE(diff->changed);
  EXPECT_FALSE(diff->stale);
  EXPECT_EQ(diff->unified, "--- live\n+++ draft\n@@ -0,0 +1,2 @@\n+server:\n+  port: 8080\n");

  auto published = Publish(env, "app.yaml", "first");
  EXPECT_EQ(ConsulValue(kKey), "server:\n  port: 8080\n");
  EXPECT_EQ(published.version_after,
            static_cast<std::int64_t>(consul_->store().Get(kKey)->modify_index));
  EXPECT_EQ(published.location, kKey);
  EXPECT_EQ(published.backend, "consul");
  EXPECT_EQ(published.actor, "alice");
  EXPECT_TRUE(published.written);
  EXPECT_EQ(service_->GetDraft(alice_, env, "app.yaml").error().code, core::Code::kNotFound)
      << "the draft is gone";

  auto file = service_->Get(vic_, env, "app.yaml");
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(file->live.exists);
  EXPECT_EQ(file->live.version, published.version_after);
  EXPECT_EQ(file->live.content, "server:\n  port: 8080\n");
  EXPECT_EQ(file->format, core::ConfigFormat::kYaml);

  auto history = service_->History(vic_, env, "", 50, std::nullopt);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->items.size(), 1u);
  EXPECT_EQ(history->items[0].comment, "first");
  auto recorded = json::parse(history->items[0].diff).as_object();
  EXPECT_EQ(recorded.at("kind").as_string(), "lines");
  EXPECT_TRUE(recorded.at("changed").as_bool());
  auto audit = Audit(env);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "config.publish");
  EXPECT_EQ(audit[1].action, "config.draft.save");
}

TEST_F(ConfigServiceTest, ChangedLiveValueIs409WithBothVersionsAndNothingWritten) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  ASSERT_TRUE(consul_->Put(kKey, "port: 1\n").ok());
  const auto base = static_cast<std::int64_t>(consul_->store().Get(kKey)->modify_index);
  auto draft = Save(env, "app.yaml", "port: 2\n");
  EXPECT_EQ(draft.base_version, base);
  EXPECT_EQ(draft.base_content, "port: 1\n");
  ASSERT_TRUE(consul_->Put(kKey, "port: 3\n").ok());  // behind Slipway's back
  const auto live = static_cast<std::int64_t>(consul_->store().Get(kKey)->modify_index);

  EXPECT_TRUE(service_->Diff(alice_, env, "app.yaml")->stale);
  auto refused = PublishAs(alice_, env, "app.yaml", {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  const auto& d = refused.error().details;
  EXPECT_EQ(d.at("reason").as_string(), "live_changed");
  EXPECT_EQ(d.at("base_version").as_int64(), base);
  EXPECT_EQ(d.at("live_version").as_int64(), live);
  EXPECT_EQ(d.at("base_content").as_string(), "port: 1\n");
  EXPECT_EQ(d.at("live_content").as_string(), "port: 3\n");
  EXPECT_EQ(ConsulValue(kKey), "port: 3\n") << "not overwritten";
  EXPECT_TRUE(service_->GetDraft(alice_, env, "app.yaml").ok()) << "the draft stays";
  EXPECT_TRUE(service_->History(alice_, env, "", 50, std::nullopt)->items.empty());

  // Resolving: rebase the draft on the live value of now, then publish.
  auto rebased = SaveDraft(alice_, env, "app.yaml", {{"content", "port: 4\n"}, {"rebase", true}});
  ASSERT_TRUE(rebased.ok());
  EXPECT_EQ(rebased->base_version, live);
  Publish(env, "app.yaml");
  EXPECT_EQ(ConsulValue(kKey), "port: 4\n");
}

TEST_F(ConfigServiceTest, ChangeBetweenReadAndWriteIsCaughtByTheCas) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  Save(env, "app.yaml", "a: 1\n");
  // The CAS write fails as it would if someone wrote after Slipway's read.
  consul_->FailNext("Put", core::Conflict("consul: check-and-set failed"));
  auto refused = PublishAs(alice_, env, "app.yaml", {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().details.at("reason").as_string(), "live_changed");
  EXPECT_EQ(ConsulValue(kKey), "<absent>");
}

TEST_F(ConfigServiceTest, CreatingARacesWithAnotherCreatorIsAConflictNotAnOverwrite) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  Save(env, "app.yaml", "mine: 1\n");
  ASSERT_TRUE(consul_->Put(kKey, "theirs: 1\n").ok());
  EXPECT_EQ(PublishAs(alice_, env, "app.yaml", {}).error().code, core::Code::kConflict);
  EXPECT_EQ(ConsulValue(kKey), "theirs: 1\n");
}

TEST_F(ConfigServiceTest, AlreadyLiveDraftIsRecordedWithoutWriting) {
  // What a retry finds when the backend write of a publish succeeded but its
  // record was lost.
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  Save(env, "app.yaml", "a: 1\n");
  ASSERT_TRUE(consul_->Put(kKey, "a: 1\n").ok());
  auto puts = [&] {
    auto calls = consul_->calls();
    return std::count_if(calls.begin(), calls.end(),
                         [](const std::string& c) { return c.rfind("Put", 0) == 0; });
  };
  const auto puts_before = puts();
  auto recorded = Publish(env, "app.yaml");
  EXPECT_FALSE(recorded.written);
  EXPECT_EQ(recorded.version_after,
            static_cast<std::int64_t>(consul_->store().Get(kKey)->modify_index));
  EXPECT_EQ(puts(), puts_before);
  EXPECT_EQ(service_->GetDraft(alice_, env, "app.yaml").error().code, core::Code::kNotFound);
}

TEST_F(ConfigServiceTest, PublishingTheLiveValueAgainIsRefused) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  Save(env, "app.yaml", "a: 1\n");
  Publish(env, "app.yaml");
  Save(env, "app.yaml", "a: 1\n");
  auto again = PublishAs(alice_, env, "app.yaml", {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);
  EXPECT_EQ(again.error().details.at("reason").as_string(), "no_change");
}

TEST_F(ConfigServiceTest, PropertiesDiffByKeyIgnoringCommentsAndOrder) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  ASSERT_TRUE(
      consul_->Put("slipway/config/order-svc/prod/bj/application.properties", "a=1\nb=2\n").ok());
  Save(env, "application.properties", "# tuned\nc=4\nb = 3\n");
  auto diff = service_->Diff(alice_, env, "application.properties");
  ASSERT_TRUE(diff.ok());
  ASSERT_TRUE(diff->by_key);
  ASSERT_EQ(diff->keys.size(), 3u);
  EXPECT_EQ(diff->keys[0].key, "a");
  EXPECT_FALSE(diff->keys[0].to);
  EXPECT_EQ(diff->keys[1].key, "b");
  EXPECT_EQ(diff->keys[1].to, "3");
  EXPECT_EQ(diff->keys[2].key, "c");
  EXPECT_FALSE(diff->keys[2].from);
  auto text = json::serialize(ConfigDiffJson(*diff));
  EXPECT_NE(text.find(R"("change":"removed")"), std::string::npos) << text;
}

TEST_F(ConfigServiceTest, InvalidInputIsRefusedWithTheFieldAndNothingStored) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  struct Case {
    std::string name;
    json::object body;
    std::string field;
  };
  std::vector<Case> cases = {
      {"app.json", {{"content", "{\"a\": 1,}"}}, "content"},
      {"app.yaml", {{"content", "a: [1, 2\nb: 3\n"}}, "content"},
      {"app.properties", {{"content", "a=1\n- item\n"}}, "content"},
      {"app.yaml", {}, "content"},
      {"app.yaml", {{"content", 7}}, "content"},
      {"app.yaml", {{"content", "a: 1\n"}, {"colour", "blue"}}, "colour"},
      {"app.yaml", {{"content", "a: 1\n"}, {"version", "x"}}, "version"},
      {"../etc/passwd", {{"content", "x"}}, "name"},
      {"a b.yaml", {{"content", "x"}}, "name"},
  };
  for (const auto& c : cases) {
    auto r = SaveDraft(alice_, env, c.name, c.body);
    ASSERT_FALSE(r.ok()) << c.name << " " << json::serialize(c.body);
    EXPECT_EQ(r.error().code, core::Code::kInvalid) << c.name << " " << json::serialize(c.body);
    EXPECT_EQ(r.error().details.at("field").as_string(), c.field)
        << c.name << " " << json::serialize(c.body);
  }
  auto yaml = SaveDraft(alice_, env, "app.yaml", {{"content", "a: [1, 2\nb: 3\n"}});
  EXPECT_GE(yaml.error().details.at("line").as_int64(), 1);
  EXPECT_TRUE(service_->List(alice_, env)->empty());
  EXPECT_TRUE(Audit(env).empty());
  EXPECT_EQ(PublishAs(alice_, env, "app.yaml", {{"comment", std::string(161, 'x')}}).error().code,
            core::Code::kInvalid);
}

TEST_F(ConfigServiceTest, OwnersAndAdminsWriteEveryoneReadsAndTheRightComesFirst) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  Save(env, "app.yaml", "a: 1\n", &admin_);
  for (const auto* who : {&bob_, &vic_}) {
    EXPECT_EQ(SaveDraft(*who, env, "app.yaml", {{"content", "b: 1\n"}}).error().code,
              core::Code::kForbidden);
    EXPECT_EQ(SaveDraft(*who, env, "app.yaml", {}).error().code, core::Code::kForbidden)
        << "no hint about the body before the right is checked";
    EXPECT_EQ(PublishAs(*who, env, "app.yaml", {}).error().code, core::Code::kForbidden);
    EXPECT_EQ(service_->DiscardDraft(*who, env, "app.yaml").error().code, core::Code::kForbidden);
    EXPECT_TRUE(service_->List(*who, env).ok());
    EXPECT_TRUE(service_->GetDraft(*who, env, "app.yaml").ok());
    EXPECT_TRUE(service_->Diff(*who, env, "app.yaml").ok());
  }
  EXPECT_EQ(service_->GetDraft(alice_, env, "app.yaml")->content, "a: 1\n")
      << "refusals changed nothing";
  ASSERT_TRUE(service_->DiscardDraft(alice_, env, "app.yaml").ok());
  EXPECT_EQ(service_->DiscardDraft(alice_, env, "app.yaml").error().code, core::Code::kNotFound);
  EXPECT_EQ(Audit(env).front().action, "config.draft.discard");
}

TEST_F(ConfigServiceTest, StaleDraftVersionIsAConflict) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  auto first = Save(env, "app.yaml", "a: 1\n");
  auto second =
      SaveDraft(admin_, env, "app.yaml", {{"content", "a: 2\n"}, {"version", first.version}});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->version, first.version + 1);
  EXPECT_EQ(second->updated_by, "admin");
  EXPECT_EQ(second->created_by, "alice");
  auto stale =
      SaveDraft(alice_, env, "app.yaml", {{"content", "a: 3\n"}, {"version", first.version}});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, core::Code::kConflict);
  EXPECT_EQ(service_->GetDraft(alice_, env, "app.yaml")->content, "a: 2\n");
}

TEST_F(ConfigServiceTest, ListShowsLiveFilesAndDraftsTogether) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  ASSERT_TRUE(consul_->Put("slipway/config/order-svc/prod/bj/a.json", "{}").ok());
  ASSERT_TRUE(consul_->Put("slipway/config/order-svc/prod/bj/deeper/x", "no").ok());
  ASSERT_TRUE(consul_->Put("slipway/config/order-svc/prod/bj-2/b.json", "no").ok());
  Save(env, "b.yaml", "x: 1\n");
  Save(env, "a.json", "{\"a\": 1}");
  auto list = service_->List(vic_, env);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, "a.json");
  EXPECT_TRUE((*list)[0].live.exists);
  EXPECT_TRUE((*list)[0].draft);
  EXPECT_EQ((*list)[0].format, core::ConfigFormat::kJson);
  EXPECT_EQ((*list)[1].name, "b.yaml");
  EXPECT_FALSE((*list)[1].live.exists);
  EXPECT_TRUE((*list)[1].draft);
  EXPECT_EQ(service_->Get(vic_, env, "none.yaml").error().code, core::Code::kNotFound);
}

TEST_F(ConfigServiceTest, HistoryPagesNewestFirstAndFiltersByFile) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  for (int i = 0; i < 3; ++i) {
    Save(env, "a.yaml", "v: " + std::to_string(i) + "\n");
    Publish(env, "a.yaml", "a" + std::to_string(i));
    Save(env, "b.yaml", "v: " + std::to_string(i) + "\n");
    Publish(env, "b.yaml", "b" + std::to_string(i));
  }
  auto page = service_->History(vic_, env, "", 4, std::nullopt);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 4u);
  EXPECT_EQ(page->items[0].comment, "b2");
  ASSERT_TRUE(page->next_before);
  auto rest = service_->History(vic_, env, "", 4, page->next_before);
  ASSERT_EQ(rest->items.size(), 2u);
  EXPECT_FALSE(rest->next_before);
  auto only_a = service_->History(vic_, env, "a.yaml", 50, std::nullopt);
  ASSERT_EQ(only_a->items.size(), 3u);
  EXPECT_EQ(only_a->items[0].comment, "a2");
  EXPECT_EQ(only_a->items[0].base_version, only_a->items[1].version_after);
  auto one = service_->GetPublish(vic_, env, only_a->items[2].id);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->content, "v: 0\n");
  auto other_env = AddEnv("test", core::ConfigBackend::kConsul);
  EXPECT_EQ(service_->GetPublish(vic_, other_env, one->id).error().code, core::Code::kNotFound);
}

TEST_F(ConfigServiceTest, UnknownEnvironmentIsNotFound) {
  for (const char* env : {"999", "abc", "-1", ""}) {
    EXPECT_EQ(service_->List(alice_, env).error().code, core::Code::kNotFound) << env;
    EXPECT_EQ(SaveDraft(alice_, env, "a.yaml", {{"content", "a: 1"}}).error().code,
              core::Code::kNotFound);
  }
}

TEST_F(ConfigServiceTest, MissingBackendNamesTheSetting) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  connections_.consul = nullptr;
  Restart();
  auto list = service_->List(alice_, env);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, core::Code::kConflict);
  EXPECT_EQ(list.error().details.at("setting").as_string(), "connectors.consul");
}

TEST_F(ConfigServiceTest, BackendFailuresAreNotTheCallersErrors) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  consul_->FailNext("List", core::Error{core::Code::kTransient, "consul: no cluster leader", {}});
  EXPECT_EQ(service_->List(alice_, env).error().code, core::Code::kTransient);
  consul_->FailNext("Get", core::Forbidden("consul: Permission denied"));
  auto refused = service_->Get(alice_, env, "app.yaml");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict) << "not the caller's 403";
  EXPECT_EQ(refused.error().details.at("reason").as_string(), "backend_refused");
  EXPECT_EQ(refused.error().details.at("backend_code").as_string(), "forbidden");
}

TEST_F(ConfigServiceTest, TheEnvironmentsBackendOverridesTheClusters) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul, core::ConfigBackend::kApollo);
  Save(env, "application.properties", "a=1\n");
  auto published = Publish(env, "application.properties");
  EXPECT_EQ(published.backend, "apollo");
  EXPECT_EQ(published.location, "PRO/order-svc/bj/application");
  EXPECT_TRUE(consul_->store().Range("").empty());
}

TEST_F(ConfigServiceTest, ConsulPrefixComesFromTheSettings) {
  settings_.consul_prefix = "/cfg/";
  Restart();
  auto env = AddEnv("test", core::ConfigBackend::kConsul);
  Save(env, "app.yaml", "a: 1\n");
  EXPECT_EQ(Publish(env, "app.yaml").location, "cfg/order-svc/test/bj/app.yaml");
  EXPECT_EQ(ConsulValue("cfg/order-svc/test/bj/app.yaml"), "a: 1\n");
}

}  // namespace
}  // namespace slipway::services
