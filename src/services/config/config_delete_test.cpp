// Deleting a live configuration file, on Consul (CAS delete) and on Apollo
// (items deleted, the namespace released empty): recorded in the history
// with the content it had, audited, 409 when the file changed since, 404
// when nothing is live, nothing changed on a refusal or an outage.
#include <algorithm>
#include <boost/json.hpp>

#include "services/config/config_service.hpp"
#include "services/config/config_service_test_fixture.hpp"

namespace slipway::services {
namespace {

namespace json = boost::json;
constexpr const char* kKey = "slipway/config/order-svc/prod/bj/app.yaml";

class ConfigDeleteTest : public ConfigServiceTest {
 protected:
  // As the API parses `DELETE …/files/{name}?version=` with a body.
  core::Result<store::ConfigPublish> DeleteAs(const RequestContext& ctx, const std::string& env,
                                              const std::string& name,
                                              std::optional<std::string> query_version = {},
                                              const json::object& body = {}) {
    http::Request request;
    if (query_version) request.query.emplace_back("version", *query_version);
    return service_->Delete(ctx, env, name, http::ParseDeleteFile(request, body));
  }
  std::int64_t ConsulIndex(const std::string& key) {
    return static_cast<std::int64_t>(consul_->store().Get(key)->modify_index);
  }
  std::size_t HistorySize(const std::string& env) {
    return service_->History(admin_, env, "", 50, std::nullopt)->items.size();
  }
};

TEST_F(ConfigDeleteTest, ConsulKeyIsDeletedWithCasRecordedWithItsContentAndAudited) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  Save(env, "app.yaml", "server:\n  port: 8080\n");
  auto published = Publish(env, "app.yaml");

  auto deleted = DeleteAs(alice_, env, "app.yaml", std::to_string(published.version_after),
                          {{"comment", "moved to app.json"}});
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  EXPECT_EQ(ConsulValue(kKey), "<absent>");
  EXPECT_EQ(deleted->version_after, 0) << "a deletion leaves no version";
  EXPECT_EQ(deleted->base_version, published.version_after);
  EXPECT_EQ(deleted->content, "server:\n  port: 8080\n") << "what it held, to re-create it";
  EXPECT_EQ(deleted->actor, "alice");
  EXPECT_EQ(deleted->comment, "moved to app.json");
  EXPECT_TRUE(deleted->written);
  auto diff = json::parse(deleted->diff).as_object();
  EXPECT_EQ(diff.at("unified").as_string(),
            "--- live\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-server:\n-  port: 8080\n");

  EXPECT_EQ(service_->Get(vic_, env, "app.yaml").error().code, core::Code::kNotFound);
  EXPECT_TRUE(service_->List(vic_, env)->empty());
  auto history = service_->History(vic_, env, "app.yaml", 50, std::nullopt);
  ASSERT_EQ(history->items.size(), 2u);
  EXPECT_EQ(history->items[0].id, deleted->id) << "newest first";
  EXPECT_EQ(service_->GetPublish(vic_, env, deleted->id)->content, "server:\n  port: 8080\n");
  auto audit = Audit(env);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "config.delete");
  EXPECT_NE(audit[0].summary.find("deleted app.yaml from consul " + std::string(kKey)),
            std::string::npos)
      << audit[0].summary;

  EXPECT_EQ(DeleteAs(alice_, env, "app.yaml").error().code, core::Code::kNotFound)
      << "nothing live to delete";
  // Created again from scratch: a new draft is based on "absent".
  EXPECT_EQ(Save(env, "app.yaml", "server:\n  port: 9090\n").base_version, 0);
  Publish(env, "app.yaml");
  EXPECT_EQ(ConsulValue(kKey), "server:\n  port: 9090\n");
}

TEST_F(ConfigDeleteTest, WithoutAVersionWhateverIsLiveIsDeleted) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  ASSERT_TRUE(consul_->Put(kKey, "a: 1\n").ok());  // not published through Slipway
  auto deleted = DeleteAs(alice_, env, "app.yaml");
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  EXPECT_EQ(ConsulValue(kKey), "<absent>");
  EXPECT_EQ(deleted->content, "a: 1\n");
}

TEST_F(ConfigDeleteTest, AFileChangedSinceTheVersionSeenIs409AndStays) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  ASSERT_TRUE(consul_->Put(kKey, "a: 1\n").ok());
  const auto seen = ConsulIndex(kKey);
  ASSERT_TRUE(consul_->Put(kKey, "a: 2\n").ok());  // behind Slipway's back
  auto refused = DeleteAs(alice_, env, "app.yaml", std::to_string(seen));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  const auto& d = refused.error().details;
  EXPECT_EQ(d.at("reason").as_string(), "live_changed");
  EXPECT_EQ(d.at("expected_version").as_int64(), seen);
  EXPECT_EQ(d.at("live_version").as_int64(), ConsulIndex(kKey));
  EXPECT_EQ(d.at("live_content").as_string(), "a: 2\n");
  EXPECT_EQ(ConsulValue(kKey), "a: 2\n");
  EXPECT_EQ(HistorySize(env), 0u);
  EXPECT_TRUE(Audit(env).empty());
}

TEST_F(ConfigDeleteTest, AChangeBetweenReadAndDeleteIsCaughtByTheCas) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  ASSERT_TRUE(consul_->Put(kKey, "a: 1\n").ok());
  consul_->FailNext("Delete", core::Conflict("consul: check-and-set failed"));
  auto refused = DeleteAs(alice_, env, "app.yaml");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().details.at("reason").as_string(), "live_changed");
  EXPECT_EQ(ConsulValue(kKey), "a: 1\n");
  EXPECT_EQ(HistorySize(env), 0u);
}

TEST_F(ConfigDeleteTest, AnOutageIsTransientAndChangesNothing) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  ASSERT_TRUE(consul_->Put(kKey, "a: 1\n").ok());
  consul_->FailNext("Delete", core::Error{core::Code::kTransient, "consul: no cluster leader", {}});
  EXPECT_EQ(DeleteAs(alice_, env, "app.yaml").error().code, core::Code::kTransient);
  consul_->FailNext("Get", core::Error{core::Code::kTransient, "consul: no cluster leader", {}});
  EXPECT_EQ(DeleteAs(alice_, env, "app.yaml").error().code, core::Code::kTransient);
  EXPECT_EQ(ConsulValue(kKey), "a: 1\n");
  EXPECT_EQ(HistorySize(env), 0u);
  EXPECT_TRUE(Audit(env).empty());
}

TEST_F(ConfigDeleteTest, BadInputAndMissingRightsAreRefusedBeforeAnything) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  ASSERT_TRUE(consul_->Put(kKey, "a: 1\n").ok());
  struct Case {
    std::string name;
    std::optional<std::string> query;
    json::object body;
    std::string field;
  };
  for (const auto& c :
       std::vector<Case>{{"app.yaml", "x", {}, "version"},
                         {"app.yaml", "0", {}, "version"},
                         {"app.yaml", "-3", {}, "version"},
                         {"app.yaml", {}, {{"version", "7"}}, "version"},
                         {"app.yaml", "5", {{"version", 6}}, "version"},
                         {"app.yaml", {}, {{"colour", "red"}}, "colour"},
                         {"app.yaml", {}, {{"comment", std::string(161, 'c')}}, "comment"},
                         {"../app.yaml", {}, {}, "name"}}) {
    auto r = DeleteAs(alice_, env, c.name, c.query, c.body);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().code, core::Code::kInvalid) << c.field;
    EXPECT_EQ(r.error().details.at("field").as_string(), c.field);
  }
  for (const auto* who : {&bob_, &vic_}) {
    EXPECT_EQ(DeleteAs(*who, env, "app.yaml").error().code, core::Code::kForbidden);
    EXPECT_EQ(DeleteAs(*who, env, "app.yaml", "x").error().code, core::Code::kForbidden)
        << "the right comes before the input";
  }
  EXPECT_EQ(DeleteAs(alice_, "999", "app.yaml").error().code, core::Code::kNotFound);
  EXPECT_EQ(ConsulValue(kKey), "a: 1\n");
  EXPECT_TRUE(Audit(env).empty());
  EXPECT_TRUE(DeleteAs(admin_, env, "app.yaml").ok()) << "admins may";
}

TEST_F(ConfigDeleteTest, AFileWithOnlyADraftIs404AndTheDraftOfADeletedFileStaysStale) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  Save(env, "new.yaml", "x: 1\n");
  EXPECT_EQ(DeleteAs(alice_, env, "new.yaml").error().code, core::Code::kNotFound);
  EXPECT_TRUE(service_->GetDraft(alice_, env, "new.yaml").ok()) << "discarding is another call";

  Save(env, "app.yaml", "a: 1\n");
  Publish(env, "app.yaml");
  Save(env, "app.yaml", "a: 2\n", &admin_);
  ASSERT_TRUE(DeleteAs(alice_, env, "app.yaml").ok());
  EXPECT_NE(Audit(env)[0].summary.find("its draft stays"), std::string::npos);
  auto kept = service_->GetDraft(alice_, env, "app.yaml");
  ASSERT_TRUE(kept.ok()) << "the admin's unpublished edit is not lost";
  EXPECT_EQ(kept->content, "a: 2\n");
  EXPECT_TRUE(service_->Diff(alice_, env, "app.yaml")->stale);
  auto refused = PublishAs(alice_, env, "app.yaml", {});
  ASSERT_FALSE(refused.ok()) << "the draft was taken from the deleted version";
  EXPECT_EQ(refused.error().details.at("reason").as_string(), "live_changed");
  EXPECT_FALSE(refused.error().details.at("live_exists").as_bool());
  EXPECT_EQ(ConsulValue(kKey), "<absent>");
  // Rebased, it creates the file again.
  ASSERT_TRUE(SaveDraft(alice_, env, "app.yaml", {{"content", "a: 2\n"}, {"rebase", true}}).ok());
  Publish(env, "app.yaml");
  EXPECT_EQ(ConsulValue(kKey), "a: 2\n");
}

TEST_F(ConfigDeleteTest, ADeletionWhoseRecordWasLostIsRecordedWhenAskedAgain) {
  auto env = AddEnv("prod", core::ConfigBackend::kConsul);
  Save(env, "app.yaml", "a: 1\n");
  auto published = Publish(env, "app.yaml");
  // The key went (as when the record of a deletion failed after Consul's answer).
  ASSERT_TRUE(consul_->Delete(kKey).ok());
  auto recorded = DeleteAs(alice_, env, "app.yaml", std::to_string(published.version_after));
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  EXPECT_FALSE(recorded->written);
  EXPECT_EQ(recorded->content, "a: 1\n");
  EXPECT_EQ(Audit(env)[0].action, "config.delete");
  EXPECT_EQ(DeleteAs(alice_, env, "app.yaml", std::to_string(published.version_after)).error().code,
            core::Code::kNotFound)
      << "recorded once";
}

// Apollo: the Open API cannot delete a namespace; its items go and it is released empty.
class ConfigDeleteApolloTest : public ConfigDeleteTest {
 protected:
  void SetUp() override {
    ConfigDeleteTest::SetUp();
    env_ = AddEnv("prod", core::ConfigBackend::kApollo);
  }
  std::optional<connectors::ApolloRelease> Latest(const std::string& ns) {
    auto release = apollo_->store().LatestRelease({"PRO", "order-svc", "bj", ns});
    return release.ok() ? *release : std::nullopt;
  }
  std::string env_;
};

TEST_F(ConfigDeleteApolloTest, TheNamespaceIsReleasedEmptyAndTheFileIsGoneFromSlipway) {
  Save(env_, "application.properties", "a=1\nb=2\n");
  auto published = Publish(env_, "application.properties");
  Save(env_, "app.yaml", "k: v\n");
  Publish(env_, "app.yaml");

  auto deleted = DeleteAs(alice_, env_, "application.properties",
                          std::to_string(published.version_after), {{"comment", "unused"}});
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  auto release = Latest("application");
  ASSERT_TRUE(release);
  EXPECT_TRUE(release->configurations.empty()) << "applications read no keys";
  EXPECT_TRUE(release->title.ends_with("-slipway-deleted")) << release->title;
  EXPECT_EQ(release->comment, "unused");
  EXPECT_TRUE(
      apollo_->store().GetNamespace({"PRO", "order-svc", "bj", "application"})->items.empty());
  EXPECT_EQ(deleted->version_after, 0);
  EXPECT_EQ(deleted->content, "a=1\nb=2\n");
  auto diff = json::parse(deleted->diff).as_object();
  EXPECT_EQ(diff.at("kind").as_string(), "keys");
  EXPECT_EQ(diff.at("keys").as_array().size(), 2u);

  EXPECT_EQ(service_->Get(vic_, env_, "application.properties").error().code,
            core::Code::kNotFound);
  auto list = service_->List(vic_, env_);
  ASSERT_EQ(list->size(), 1u) << "a deleted file is not listed";
  EXPECT_EQ((*list)[0].name, "app.yaml");
  EXPECT_EQ(DeleteAs(alice_, env_, "application.properties").error().code, core::Code::kNotFound);

  // Published again: a new release with the items.
  EXPECT_EQ(Save(env_, "application.properties", "a=3\n").base_version, 0);
  auto again = Publish(env_, "application.properties");
  EXPECT_EQ(Latest("application")->configurations,
            (std::map<std::string, std::string>{{"a", "3"}}));
  EXPECT_EQ(service_->Get(vic_, env_, "application.properties")->live.version, again.version_after);
}

TEST_F(ConfigDeleteApolloTest, OtherFormatsLoseTheirContentItem) {
  Save(env_, "app.yaml", "k: v\n");
  Publish(env_, "app.yaml");
  auto deleted = DeleteAs(alice_, env_, "app.yaml");
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  EXPECT_TRUE(Latest("app.yaml")->configurations.empty());
  EXPECT_EQ(json::parse(deleted->diff).at("unified").as_string(),
            "--- live\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-k: v\n");
}

TEST_F(ConfigDeleteApolloTest, AReleaseMadeInApolloSinceIs409) {
  Save(env_, "application.properties", "a=1\n");
  auto published = Publish(env_, "application.properties");
  connectors::ApolloNamespaceRef ns{"PRO", "order-svc", "bj", "application"};
  ASSERT_TRUE(apollo_->store().UpdateItem(ns, {"a", "9", "", {}, {}, {}, {}}, "carol").ok());
  auto theirs = apollo_->store().Publish(ns, "hotfix", "", "carol");
  ASSERT_TRUE(theirs.ok());
  auto refused =
      DeleteAs(alice_, env_, "application.properties", std::to_string(published.version_after));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kConflict);
  EXPECT_EQ(refused.error().details.at("live_version").as_int64(), theirs->id);
  EXPECT_EQ(Latest("application")->configurations,
            (std::map<std::string, std::string>{{"a", "9"}}));
}

TEST_F(ConfigDeleteApolloTest, UnreleasedEditsInThePortalAreNotReleasedByADeletion) {
  Save(env_, "application.properties", "a=1\n");
  Publish(env_, "application.properties");
  connectors::ApolloNamespaceRef ns{"PRO", "order-svc", "bj", "application"};
  ASSERT_TRUE(
      apollo_->store().UpdateItem(ns, {"b", "half-done", "", {}, {}, {}, {}}, "carol", true).ok());
  auto refused = DeleteAs(alice_, env_, "application.properties");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().details.at("reason").as_string(), "unreleased_changes");
  EXPECT_EQ(Latest("application")->configurations,
            (std::map<std::string, std::string>{{"a", "1"}}));
  EXPECT_EQ(apollo_->store().GetNamespace(ns)->items.size(), 2u) << "no item deleted";
}

TEST_F(ConfigDeleteApolloTest, AnOutageBeforeTheReleaseLeavesTheFileLiveAndTheRetryFinishes) {
  Save(env_, "application.properties", "a=1\nb=2\n");
  Publish(env_, "application.properties");
  apollo_->FailNext("Publish", core::Error{core::Code::kTransient, "apollo: 503", {}});
  auto failed = DeleteAs(alice_, env_, "application.properties");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, core::Code::kTransient);
  EXPECT_EQ(service_->Get(vic_, env_, "application.properties")->live.content, "a=1\nb=2\n")
      << "items deleted but not released: applications still read the file";
  EXPECT_EQ(HistorySize(env_), 1u) << "only the publish";
  auto retried = DeleteAs(alice_, env_, "application.properties");
  ASSERT_TRUE(retried.ok()) << retried.error().message;
  EXPECT_TRUE(Latest("application")->configurations.empty());
}

TEST_F(ConfigDeleteApolloTest, AnOutageBetweenItemDeletionsLeavesTheReleaseAndTheRetryFinishes) {
  Save(env_, "application.properties", "a=1\nb=2\nc=3\n");
  auto published = Publish(env_, "application.properties");
  const connectors::ApolloNamespaceRef ns{"PRO", "order-svc", "bj", "application"};
  // The first item goes, the second call fails: the namespace is half emptied, unreleased.
  apollo_->FailNext("DeleteItem", core::Error{core::Code::kTransient, "apollo: 503", {}}, 1);
  auto failed =
      DeleteAs(alice_, env_, "application.properties", std::to_string(published.version_after));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, core::Code::kTransient);
  EXPECT_EQ(apollo_->store().GetNamespace(ns)->items.size(), 2u) << "one item deleted";
  EXPECT_EQ(Latest("application")->configurations.size(), 3u)
      << "not released: applications still read every key";
  EXPECT_EQ(service_->Get(vic_, env_, "application.properties")->live.content, "a=1\nb=2\nc=3\n");
  EXPECT_EQ(HistorySize(env_), 1u) << "only the publish";

  // The retry takes the missing item as its own deletion's, not as someone's edit.
  auto retried =
      DeleteAs(alice_, env_, "application.properties", std::to_string(published.version_after));
  ASSERT_TRUE(retried.ok()) << retried.error().message;
  EXPECT_TRUE(retried->written);
  EXPECT_EQ(retried->content, "a=1\nb=2\nc=3\n") << "the content recorded is the live one";
  EXPECT_TRUE(Latest("application")->configurations.empty());
  EXPECT_TRUE(apollo_->store().GetNamespace(ns)->items.empty());
  EXPECT_EQ(HistorySize(env_), 2u) << "one deletion recorded";
  const auto calls = apollo_->calls();
  EXPECT_EQ(std::count(calls.begin(), calls.end(), "Publish"), 2) << "the publish and one deletion";
}

}  // namespace
}  // namespace slipway::services
