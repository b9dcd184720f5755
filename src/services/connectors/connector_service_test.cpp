// Connectors set through the API on a test database, with hooks that record
// what would reach the running clients: only admins, secrets sealed and never
// shown, omitted secrets kept, refusals change nothing, DELETE falls back to
// the bootstrap, and a second service on the same database picks changes up.
#include "services/connectors/connector_service.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "store/connector_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

using core::ConnectorSystem;

constexpr const char* kFileToken = "file-token-0001";
constexpr const char* kApiToken = "api-token-0002";

// What the hooks saw: the settings last applied per system (nullopt: none).
struct Applied {
  std::mutex mutex;
  std::map<ConnectorSystem, std::optional<core::ConnectorSettings>> settings;
  int calls = 0;
  std::optional<core::ConnectorSettings> Of(ConnectorSystem system) {
    std::lock_guard lock(mutex);
    return settings[system];
  }
};

class ConnectorServiceTest : public ::testing::Test {
 protected:
  ConnectorServiceTest() { service_.Refresh(); }

  static ConnectorBootstraps Bootstrap() {
    core::ConnectorSettings jenkins;
    jenkins.url = "https://ci.example.com";
    jenkins.user = "slipway";
    jenkins.token = kFileToken;
    return {{ConnectorSystem::kJenkins, {ConnectorSource::kConfig, jenkins}}};
  }

  ConnectorHooks Hooks(Applied& applied) {
    return {.apply =
                [&applied](ConnectorSystem system, const core::ConnectorSettings* s) {
                  std::lock_guard lock(applied.mutex);
                  applied.settings[system] = s ? std::optional(*s) : std::nullopt;
                  ++applied.calls;
                },
            .probe = [this](ConnectorSystem, const core::ConnectorSettings& s) -> core::Status {
              probed_ = s;
              return probe_answer_;
            }};
  }

  static SetConnectorCommand Jenkins(const std::string& url,
                                     std::optional<std::string> token = std::nullopt) {
    SetConnectorCommand c;
    c.system = ConnectorSystem::kJenkins;
    c.settings.url = url;
    c.settings.user = "slipway";
    if (token) {
      c.settings.token = *token;
      c.secrets_given.insert("token");
    }
    return c;
  }

  std::int64_t Count(const std::string& sql) {
    return store::InTx(*db_, store::TxMode::kRead,
                       [&](store::Tx& tx) { return tx.QueryOne(sql, {})->Int(0); });
  }
  std::string AllAuditText() {
    return store::InTx(*db_, store::TxMode::kRead, [](store::Tx& tx) {
      std::string text;
      for (const auto& r : tx.Query("SELECT action, summary FROM audit ORDER BY id"))
        text += r.Text(0) + " " + r.Text(1) + "\n";
      return text;
    });
  }

  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  SecretBox secrets_{SecretBox::Key{}};
  Applied applied_;
  core::Status probe_answer_ = core::Ok{};
  std::optional<core::ConnectorSettings> probed_;
  ConnectorService service_{*db_, clock_, secrets_, Bootstrap(), Hooks(applied_)};
  RequestContext admin_{{1, "root", core::Role::kAdmin}, "r-root"};
  RequestContext alice_{{2, "alice", core::Role::kDeveloper}, "r-alice"};
};

TEST_F(ConnectorServiceTest, TheBootstrapIsAppliedAtStartAndShownWithoutItsSecret) {
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->token, kFileToken);
  EXPECT_FALSE(applied_.Of(ConnectorSystem::kGitLab)) << "nothing configured: no client";
  auto list = service_.List(admin_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), core::ConnectorSystems().size());
  const auto& jenkins = list->front();
  EXPECT_EQ(jenkins.system, ConnectorSystem::kJenkins);
  EXPECT_EQ(jenkins.source, ConnectorSource::kConfig);
  EXPECT_EQ(jenkins.settings.url, "https://ci.example.com");
  EXPECT_EQ(jenkins.settings.token, "");
  EXPECT_TRUE(jenkins.secret_set.at("token"));
  auto gitlab = service_.Get(admin_, "gitlab");
  ASSERT_TRUE(gitlab.ok());
  EXPECT_EQ(gitlab->source, ConnectorSource::kNone);
  EXPECT_FALSE(gitlab->secret_set.at("token"));
  EXPECT_EQ(service_.Get(admin_, "svn").error().code, core::Code::kNotFound);
}

TEST_F(ConnectorServiceTest, OnlyAdminsSeeChangeOrTestConnectors) {
  EXPECT_EQ(service_.List(alice_).error().code, core::Code::kForbidden);
  EXPECT_EQ(service_.Get(alice_, "jenkins").error().code, core::Code::kForbidden);
  EXPECT_EQ(service_.Set(alice_, Jenkins("https://x.example.com", "t")).error().code,
            core::Code::kForbidden);
  EXPECT_EQ(service_.Delete(alice_, "jenkins").error().code, core::Code::kForbidden);
  EXPECT_EQ(service_.Test(alice_, {ConnectorSystem::kJenkins, std::nullopt}).error().code,
            core::Code::kForbidden);
  EXPECT_FALSE(probed_);
  EXPECT_EQ(Count("SELECT count(*) FROM connectors"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit"), 0);
}

TEST_F(ConnectorServiceTest, SetSealsTheSecretAppliesAtOnceAndAuditsWithoutIt) {
  auto set = service_.Set(admin_, Jenkins("https://ci2.example.com", kApiToken));
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->source, ConnectorSource::kApi);
  EXPECT_EQ(set->fallback, ConnectorSource::kConfig);
  EXPECT_EQ(set->version, 1);
  EXPECT_EQ(set->updated_by, "root");
  EXPECT_EQ(set->settings.token, "");
  EXPECT_TRUE(set->secret_set.at("token"));
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->url, "https://ci2.example.com");
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->token, kApiToken);

  auto row = store::InTx(*db_, store::TxMode::kRead,
                         [](store::Tx& tx) { return store::connectors::Get(tx, "jenkins"); });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->settings_json.find(kApiToken), std::string::npos);
  EXPECT_EQ(row->secrets_sealed.find(kApiToken), std::string::npos) << "sealed at rest";
  EXPECT_NE(secrets_.Open(row->secrets_sealed)->find(kApiToken), std::string::npos);

  const auto audit = AllAuditText();
  EXPECT_NE(audit.find("connector.set"), std::string::npos) << audit;
  EXPECT_NE(audit.find("secrets replaced: token"), std::string::npos) << audit;
  EXPECT_EQ(audit.find(kApiToken), std::string::npos) << audit;
}

TEST_F(ConnectorServiceTest, AnOmittedSecretKeepsTheOneInEffectAndAnEmptyOneRemovesIt) {
  auto user = Jenkins("https://ci.example.com");
  user.settings.user = "deployer";
  ASSERT_TRUE(service_.Set(admin_, user).ok());
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->token, kFileToken) << "the file's, kept";
  ASSERT_TRUE(service_.Set(admin_, Jenkins("https://ci2.example.com", kApiToken)).ok());
  auto kept = service_.Set(admin_, Jenkins("https://ci2.example.com"));
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->token, kApiToken);
  auto cleared = service_.Set(admin_, Jenkins("https://ci2.example.com", ""));
  ASSERT_TRUE(cleared.ok());
  EXPECT_FALSE(cleared->secret_set.at("token"));
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->token, "");
}

// Whoever may set a connector's address must not be able to send the stored
// token to a host of their own: a new address needs the secret given anew,
// in a PUT and in a test of candidate settings.
TEST_F(ConnectorServiceTest, AKeptSecretIsNotSentToANewAddress) {
  ASSERT_TRUE(service_.Set(admin_, Jenkins("https://ci2.example.com", kApiToken)).ok());
  const auto audits = Count("SELECT count(*) FROM audit");
  auto moved = service_.Set(admin_, Jenkins("https://attacker.example.net"));
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().code, core::Code::kInvalid);
  EXPECT_EQ(std::string(moved.error().details.at("field").as_string()), "token");
  EXPECT_NE(moved.error().message.find("url"), std::string::npos) << moved.error().message;
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->url, "https://ci2.example.com");
  EXPECT_EQ(Count("SELECT count(*) FROM audit"), audits) << "nothing changed";

  probed_.reset();
  auto probe =
      service_.Test(admin_, {ConnectorSystem::kJenkins, Jenkins("https://attacker.example.net")});
  ASSERT_FALSE(probe.ok());
  EXPECT_EQ(std::string(probe.error().details.at("field").as_string()), "token");
  EXPECT_FALSE(probed_) << "nothing was called";

  auto given = service_.Set(admin_, Jenkins("https://ci3.example.com", kApiToken));
  ASSERT_TRUE(given.ok()) << "given anew, the secret may go to the new address";
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->url, "https://ci3.example.com");

  SetConnectorCommand dns;
  dns.system = ConnectorSystem::kDns;
  dns.settings.server = "10.0.0.53";
  dns.settings.zone = "lanes.example.com.";
  dns.settings.key_name = "slipway.";
  dns.settings.key_secret = "c2VjcmV0";
  dns.secrets_given.insert("key_secret");
  ASSERT_TRUE(service_.Set(admin_, dns).ok());
  dns.secrets_given.clear();
  dns.settings.key_secret.clear();
  dns.settings.server = "203.0.113.9";
  auto dns_moved = service_.Set(admin_, dns);
  ASSERT_FALSE(dns_moved.ok());
  EXPECT_EQ(std::string(dns_moved.error().details.at("field").as_string()), "key_secret");
}

TEST_F(ConnectorServiceTest, SettingWhatIsThereChangesNothing) {
  ASSERT_TRUE(service_.Set(admin_, Jenkins("https://ci2.example.com", kApiToken)).ok());
  const int calls = applied_.calls;
  auto again = service_.Set(admin_, Jenkins("https://ci2.example.com"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->version, 1);
  EXPECT_EQ(applied_.calls, calls);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'connector.set'"), 1);
}

TEST_F(ConnectorServiceTest, AMissingRequiredSecretIsRefusedAndChangesNothing) {
  SetConnectorCommand dns;
  dns.system = ConnectorSystem::kDns;
  dns.settings.server = "10.0.0.53";
  dns.settings.zone = "lanes.example.com.";
  dns.settings.key_name = "slipway.";
  auto refused = service_.Set(admin_, dns);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kInvalid);
  EXPECT_EQ(std::string(refused.error().details.at("field").as_string()), "key_secret");
  EXPECT_EQ(Count("SELECT count(*) FROM connectors"), 0);
  EXPECT_EQ(Count("SELECT generation FROM connector_generation"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit"), 0);
  EXPECT_FALSE(applied_.Of(ConnectorSystem::kDns));
}

TEST_F(ConnectorServiceTest, DeleteFallsBackToTheBootstrap) {
  ASSERT_TRUE(service_.Set(admin_, Jenkins("https://ci2.example.com", kApiToken)).ok());
  ASSERT_TRUE(service_.Delete(admin_, "jenkins").ok());
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->url, "https://ci.example.com");
  EXPECT_EQ(applied_.Of(ConnectorSystem::kJenkins)->token, kFileToken);
  EXPECT_EQ(service_.Get(admin_, "jenkins")->source, ConnectorSource::kConfig);
  EXPECT_EQ(service_.Delete(admin_, "jenkins").error().code, core::Code::kNotFound);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE action = 'connector.delete'"), 1);

  SetConnectorCommand gitlab;
  gitlab.system = ConnectorSystem::kGitLab;
  gitlab.settings.url = "https://git.example.com";
  ASSERT_TRUE(service_.Set(admin_, gitlab).ok());
  EXPECT_TRUE(applied_.Of(ConnectorSystem::kGitLab));
  ASSERT_TRUE(service_.Delete(admin_, "gitlab").ok());
  EXPECT_FALSE(applied_.Of(ConnectorSystem::kGitLab)) << "no bootstrap: no client";
}

TEST_F(ConnectorServiceTest, TestChecksACandidateWithoutSavingAndNeverShowsTheSecret) {
  probe_answer_ = core::Unauthenticated("401 from https://ci9.example.com with token " +
                                        std::string(kApiToken));
  TestConnectorCommand command{ConnectorSystem::kJenkins,
                               Jenkins("https://ci9.example.com", kApiToken)};
  auto report = service_.Test(admin_, command);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->ok);
  EXPECT_EQ(report->code, "unauthenticated");
  EXPECT_EQ(report->error.find(kApiToken), std::string::npos) << report->error;
  EXPECT_NE(report->error.find("401"), std::string::npos) << report->error;
  EXPECT_EQ(probed_->url, "https://ci9.example.com");
  EXPECT_EQ(Count("SELECT count(*) FROM connectors"), 0) << "a test saves nothing";

  probe_answer_ = core::Ok{};
  auto in_effect = service_.Test(admin_, {ConnectorSystem::kJenkins, std::nullopt});
  ASSERT_TRUE(in_effect.ok());
  EXPECT_TRUE(in_effect->ok);
  EXPECT_EQ(probed_->token, kFileToken);
  auto unset = service_.Test(admin_, {ConnectorSystem::kTapd, std::nullopt});
  ASSERT_TRUE(unset.ok());
  EXPECT_FALSE(unset->ok);
  EXPECT_EQ(unset->error, "tapd is not configured");
}

TEST_F(ConnectorServiceTest, SecretsSealedWithAnotherKeyAreReplacedNotKept) {
  ASSERT_TRUE(service_.Set(admin_, Jenkins("https://ci2.example.com", kApiToken)).ok());
  SecretBox::Key other_key;
  other_key.fill(7);
  const SecretBox other_box(other_key);
  Applied other_applied;
  ConnectorService other(*db_, clock_, other_box, Bootstrap(), Hooks(other_applied));
  other.Refresh();
  EXPECT_FALSE(other_applied.Of(ConnectorSystem::kJenkins)) << "no client from unopened secrets";
  EXPECT_FALSE(other.Get(admin_, "jenkins")->secret_set.at("token"));
  auto kept = other.Set(admin_, Jenkins("https://ci3.example.com"));
  ASSERT_FALSE(kept.ok());
  EXPECT_EQ(kept.error().code, core::Code::kConflict);
  EXPECT_EQ(std::string(kept.error().details.at("field").as_string()), "token");
  auto replaced = other.Set(admin_, Jenkins("https://ci3.example.com", "new-token"));
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_EQ(other_applied.Of(ConnectorSystem::kJenkins)->token, "new-token");
}

TEST_F(ConnectorServiceTest, AnotherServiceOnTheSameDatabasePicksTheChangeUp) {
  auto other_db = db_.OpenAnother();
  Applied other_applied;
  ConnectorService other(*other_db, clock_, secrets_, Bootstrap(), Hooks(other_applied));
  other.Refresh();
  EXPECT_FALSE(other.Refresh()) << "nothing changed since";
  ASSERT_TRUE(service_.Set(admin_, Jenkins("https://ci2.example.com", kApiToken)).ok());
  EXPECT_EQ(other_applied.Of(ConnectorSystem::kJenkins)->token, kFileToken) << "not yet looked";

  other.Watch(std::chrono::milliseconds(20));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (other_applied.Of(ConnectorSystem::kJenkins)->token != kApiToken &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(other_applied.Of(ConnectorSystem::kJenkins)->url, "https://ci2.example.com");
  EXPECT_EQ(other_applied.Of(ConnectorSystem::kJenkins)->token, kApiToken);

  ASSERT_TRUE(service_.Delete(admin_, "jenkins").ok());
  while (other_applied.Of(ConnectorSystem::kJenkins)->token != kFileToken &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_EQ(other_applied.Of(ConnectorSystem::kJenkins)->token, kFileToken);
}

}  // namespace
}  // namespace slipway::services
