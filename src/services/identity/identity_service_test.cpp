#include "services/identity/identity_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "store/audit_repository.hpp"
#include "support/test_database.hpp"

namespace slipway::services {
namespace {

IdentitySettings FastSettings() {
  IdentitySettings s;
  s.hasher.time_cost = 1;
  s.hasher.memory_kib = 8;
  s.login_backoff = {.free_failures = 3, .first_wait_ms = 60'000, .max_wait_ms = 240'000};
  return s;
}

// A login request's context from `address`.
RequestContext From(const std::string& address) { return {{}, "r", address}; }

class IdentityServiceTest : public ::testing::Test {
 protected:
  testing::TestDatabase db_ = testing::OpenTestDatabase();
  core::SimulatedClock clock_;
  IdentityService identity_{*db_, clock_, FastSettings()};
  RequestContext admin_{{1, "admin", core::Role::kAdmin}, "req-1"};

  void SetUp() override {
    ASSERT_TRUE(identity_.BootstrapAdmin("admin", std::string("admin-pass")));
  }

  store::UserRecord MakeUser(const std::string& name, const std::string& role = "developer") {
    auto u =
        identity_.CreateUser(admin_, {name, "password-1", std::nullopt, *core::ParseRole(role)});
    EXPECT_TRUE(u.ok()) << (u.ok() ? "" : u.error().message);
    return u.value();
  }
};

TEST_F(IdentityServiceTest, BootstrapOnlyOnAnEmptyDatabase) {
  EXPECT_FALSE(identity_.BootstrapAdmin("admin", std::nullopt));
  auto generated = IdentityService(*db_, clock_, FastSettings());
  EXPECT_FALSE(generated.BootstrapAdmin("other", std::nullopt));
}

TEST_F(IdentityServiceTest, LoginCreatesASessionThatExpires) {
  auto login = identity_.Login("admin", "admin-pass", From("10.0.0.1"));
  ASSERT_TRUE(login.ok());
  auto auth = identity_.AuthenticateSession(login->session_id);
  ASSERT_TRUE(auth);
  EXPECT_TRUE(auth->via_session);
  EXPECT_EQ(auth->csrf_token, login->csrf_token);
  EXPECT_EQ(auth->caller.role, core::Role::kAdmin);
  clock_.Advance(FastSettings().session_ttl_ms + 1);
  EXPECT_FALSE(identity_.AuthenticateSession(login->session_id));
}

TEST_F(IdentityServiceTest, RepeatedFailuresMakeOneAddressWaitLongerEachTime) {
  MakeUser("dan");
  const auto guesser = From("10.0.0.66");
  for (int i = 0; i < 3; ++i) {
    auto r = identity_.Login("dan", "wrong-password", guesser);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::Code::kUnauthenticated);
  }
  auto waiting = identity_.Login("dan", "password-1", guesser);
  ASSERT_FALSE(waiting.ok());
  EXPECT_EQ(waiting.error().code, core::Code::kTooManyRequests);
  EXPECT_EQ(waiting.error().details.at("retry_after_seconds").as_int64(), 60);
  EXPECT_TRUE(identity_.Login("DAN", "password-1", From("10.0.0.1")).ok())
      << "another address, and the name in any case, is not held up";

  clock_.Advance(60'000);
  EXPECT_EQ(identity_.Login("dan", "wrong-again", guesser).error().code,
            core::Code::kUnauthenticated);
  EXPECT_EQ(identity_.Login("dan", "password-1", guesser)
                .error()
                .details.at("retry_after_seconds")
                .as_int64(),
            120)
      << "the wait doubles";
  clock_.Advance(120'000);
  EXPECT_TRUE(identity_.Login("dan", "password-1", guesser).ok());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(identity_.Login("dan", "x-wrong", guesser).error().code, core::Code::kUnauthenticated)
        << "a success started the count over";
  }
}

TEST_F(IdentityServiceTest, UnknownNamesWaitLikeKnownOnes) {
  MakeUser("kit");
  for (const char* name : {"kit", "no-such-user"}) {
    for (int i = 0; i < 3; ++i) {
      auto r = identity_.Login(name, "wrong-password", From("10.0.0.9"));
      EXPECT_EQ(r.error().code, core::Code::kUnauthenticated) << name;
      EXPECT_EQ(r.error().message, "wrong username or password");
    }
    auto waiting = identity_.Login(name, "wrong-password", From("10.0.0.9"));
    EXPECT_EQ(waiting.error().code, core::Code::kTooManyRequests) << name;
  }
}

TEST_F(IdentityServiceTest, AResetEndsSessionsTokensAndTheWait) {
  auto u = MakeUser("lou");
  for (int i = 0; i < 3; ++i) (void)identity_.Login("lou", "wrong-password", From("10.0.0.5"));
  ASSERT_EQ(identity_.Login("lou", "password-1", From("10.0.0.5")).error().code,
            core::Code::kTooManyRequests);
  auto session = identity_.Login("lou", "password-1", From("10.0.0.6"));
  ASSERT_TRUE(session.ok());
  auto token = identity_.CreateToken({{u.id, "lou", u.role}, "r"}, {"ci", std::nullopt}).value();
  ASSERT_TRUE(identity_.ResetPassword(admin_, "lou", {"password-2"}).ok());
  EXPECT_FALSE(identity_.AuthenticateSession(session->session_id));
  EXPECT_FALSE(identity_.AuthenticateToken(token.token));
  EXPECT_TRUE(identity_.Login("lou", "password-2", From("10.0.0.5")).ok())
      << "the reset ended the wait";
}

TEST_F(IdentityServiceTest, WrongCurrentPasswordsShareTheBackoff) {
  auto u = MakeUser("max");
  RequestContext max{{u.id, "max", u.role}, "r", "10.0.0.7"};
  for (int i = 0; i < 3; ++i) {
    auto r = identity_.ChangePassword(max, {"guess", "password-9"});
    EXPECT_EQ(r.error().code, core::Code::kInvalid);
  }
  auto waiting = identity_.ChangePassword(max, {"password-1", "password-9"});
  ASSERT_FALSE(waiting.ok());
  EXPECT_EQ(waiting.error().code, core::Code::kTooManyRequests);
  EXPECT_EQ(identity_.Login("max", "password-1", From("10.0.0.7")).error().code,
            core::Code::kTooManyRequests);
}

TEST_F(IdentityServiceTest, TheTokenCacheForgetsOnEveryChange) {
  auto u = MakeUser("kim");
  RequestContext kim{{u.id, "kim", u.role}, "r"};
  auto token = identity_.CreateToken(kim, {"ci", std::nullopt}).value();
  EXPECT_FALSE(identity_.CachedToken(token.token)) << "not looked up yet";
  ASSERT_TRUE(identity_.AuthenticateToken(token.token));
  EXPECT_EQ(identity_.CachedToken(token.token)->caller.username, "kim");
  ASSERT_TRUE(
      identity_
          .UpdateUser(admin_, "kim", {u.version, std::nullopt, core::Role::kViewer, std::nullopt})
          .ok());
  EXPECT_FALSE(identity_.CachedToken(token.token)) << "a role change empties the cache";
  EXPECT_EQ(identity_.AuthenticateToken(token.token)->caller.role, core::Role::kViewer);
  ASSERT_TRUE(identity_.RevokeToken(kim, token.record.id).ok());
  EXPECT_FALSE(identity_.CachedToken(token.token));
  EXPECT_FALSE(identity_.AuthenticateToken(token.token));
  auto second = identity_.CreateToken(kim, {"ci2", std::nullopt}).value();
  ASSERT_TRUE(identity_.AuthenticateToken(second.token));
  clock_.Advance(IdentityService::kTokenCacheMs);
  EXPECT_FALSE(identity_.CachedToken(second.token)) << "entries expire";
}

TEST_F(IdentityServiceTest, UnknownAndDisabledUsersCannotLogIn) {
  EXPECT_EQ(identity_.Login("nobody", "password-1", From("10.0.0.1")).error().code,
            core::Code::kUnauthenticated);
  auto u = MakeUser("eve");
  auto token = identity_.CreateToken({{u.id, "eve", u.role}, "r"}, {"ci", std::nullopt});
  ASSERT_TRUE(token.ok());
  ASSERT_TRUE(identity_.AuthenticateToken(token->token));
  ASSERT_TRUE(
      identity_.UpdateUser(admin_, "eve", {u.version, std::nullopt, std::nullopt, true}).ok());
  EXPECT_EQ(identity_.Login("eve", "password-1", From("10.0.0.1")).error().code,
            core::Code::kUnauthenticated);
  EXPECT_FALSE(identity_.AuthenticateToken(token->token));
  ASSERT_TRUE(
      identity_.UpdateUser(admin_, "eve", {u.version + 1, std::nullopt, std::nullopt, false}).ok());
  EXPECT_FALSE(identity_.AuthenticateToken(token->token)) << "enabling again brings no token back";
}

TEST_F(IdentityServiceTest, TokensAreStoredHashedAndRevocable) {
  auto u = MakeUser("fay");
  RequestContext fay{{u.id, "fay", u.role}, "r"};
  auto created = identity_.CreateToken(fay, {"laptop", 1});
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->token.rfind("swt_", 0), 0u);
  EXPECT_NE(created->record.token_hash, created->token);
  EXPECT_EQ(identity_.AuthenticateToken(created->token)->caller.username, "fay");
  EXPECT_FALSE(identity_.AuthenticateToken(created->token + "x"));
  // Another user's token is not theirs to revoke.
  auto other = MakeUser("gus");
  EXPECT_EQ(
      identity_.RevokeToken({{other.id, "gus", other.role}, "r"}, created->record.id).error().code,
      core::Code::kNotFound);
  ASSERT_TRUE(identity_.RevokeToken(fay, created->record.id).ok());
  EXPECT_FALSE(identity_.AuthenticateToken(created->token));
  clock_.Advance(0);
  auto expiring = identity_.CreateToken(fay, {"short", 1});
  clock_.Advance(86'400'001);
  EXPECT_FALSE(identity_.AuthenticateToken(expiring->token));
}

TEST_F(IdentityServiceTest, BadUserInputChangesNothing) {
  auto count = [&] {
    return store::InTx(*db_, store::TxMode::kRead,
                       [](store::Tx& tx) { return store::users::Count(tx); });
  };
  auto before = count();
  // The form of a body is checked at the HTTP edge (user_input_test); the
  // password policy is the service's.
  auto weak = identity_.CreateUser(admin_, {"ok", "short", std::nullopt, core::Role::kDeveloper});
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().code, core::Code::kInvalid);
  EXPECT_EQ(count(), before);
  MakeUser("hal");
  EXPECT_EQ(identity_.CreateUser(admin_, {"hal", "password-1", std::nullopt, core::Role::kViewer})
                .error()
                .code,
            core::Code::kConflict);
}

TEST_F(IdentityServiceTest, StaleUserEditIsAConflict) {
  auto u = MakeUser("ivy");
  ASSERT_TRUE(
      identity_
          .UpdateUser(admin_, "ivy", {u.version, std::nullopt, core::Role::kViewer, std::nullopt})
          .ok());
  auto stale = identity_.UpdateUser(admin_, "ivy",
                                    {u.version, std::nullopt, core::Role::kAdmin, std::nullopt});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, core::Code::kConflict);
  EXPECT_EQ(identity_.GetUser("ivy")->role, core::Role::kViewer);
}

TEST_F(IdentityServiceTest, EveryChangeIsAudited) {
  MakeUser("jo");
  auto records = store::InTx(*db_, store::TxMode::kRead, [](store::Tx& tx) {
    store::AuditQuery q;
    q.action = "user.create";
    return store::audit::List(tx, q);
  });
  ASSERT_EQ(records.size(), 2u);  // bootstrap admin + jo
  EXPECT_EQ(records[0].actor, "admin");
  EXPECT_EQ(records[0].request_id, "req-1");
}

}  // namespace
}  // namespace slipway::services
