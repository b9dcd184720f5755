// Bad input gets a clear 4xx and changes nothing (R-SEC-1): each test
// checks the status and error code, then re-reads the object and its audit.
#include <gtest/gtest.h>

#include <string>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

class BadInputTest : public ApiTest {
 protected:
  void SetUp() override {
    dev_ = server().CreateUser("developer", "baddev");
    auto reg = server().As(dev_).Post("/api/v1/apps", AppBody(UniqueName("target")));
    ASSERT_EQ(reg.status, 201) << reg;
    id_ = reg.Int("id");
    path_ = "/api/v1/apps/" + std::to_string(id_);
    Snapshot();
  }
  // Remembers the application and its successful audit records.
  void Snapshot() {
    before_ = server().As(dev_).Get(path_).raw.body;
    audit_before_ = SuccessfulAuditCount(admin_, "app:" + std::to_string(id_));
  }
  void ExpectUnchanged() {
    EXPECT_EQ(server().As(dev_).Get(path_).raw.body, before_) << "the application changed";
    EXPECT_EQ(SuccessfulAuditCount(admin_, "app:" + std::to_string(id_)), audit_before_)
        << "an audit record appeared";
  }
  void Approve() {
    ASSERT_EQ(admin_.Post(path_ + "/approve").status, 200);
    Snapshot();
  }
  std::int64_t Version() { return server().As(dev_).Get(path_).Int("version"); }
  static void ExpectError(const Reply& reply, long status, const std::string& code) {
    EXPECT_EQ(reply.status, status) << reply;
    EXPECT_EQ(reply.ErrorCode(), code) << reply;
  }

  TestUser dev_;
  Api admin_ = server().Admin();
  std::int64_t id_ = 0;
  std::string path_;
  std::string before_;
  std::size_t audit_before_ = 0;
};

TEST_F(BadInputTest, MalformedJson) {
  auto api = server().As(dev_);
  for (const char* body :
       {"{\"version\": 1,", "{version: 1}", "[1, 2]", "\"text\"", "{\"a\":1}}"}) {
    auto reply = api.SendRaw("PATCH", path_, body);
    ExpectError(reply, 400, "invalid");
  }
  ExpectUnchanged();
}

TEST_F(BadInputTest, WrongTypes) {
  auto api = server().As(dev_);
  auto version_as_string = api.Patch(path_, {{"version", "1"}, {"description", "x"}});
  ExpectError(version_as_string, 400, "invalid");
  EXPECT_EQ(version_as_string.ErrorDetail("field"), "version");
  auto team_as_number = api.Patch(path_, {{"version", Version()}, {"team", 7}});
  ExpectError(team_as_number, 400, "invalid");
  EXPECT_EQ(team_as_number.ErrorDetail("field"), "team");
  auto level_as_bool = api.Patch(path_, {{"version", Version()}, {"level", true}});
  ExpectError(level_as_bool, 400, "invalid");
  auto version_fraction = api.Patch(path_, {{"version", 1.5}, {"description", "x"}});
  ExpectError(version_fraction, 400, "invalid");
  ExpectUnchanged();

  const auto name = UniqueName("typed");
  auto body = AppBody(name);
  body["team"] = 42;
  auto registration = api.Post("/api/v1/apps", body);
  ExpectError(registration, 400, "invalid");
  EXPECT_EQ(registration.ErrorDetail("field"), "team");
  EXPECT_EQ(api.Get("/api/v1/apps/" + name).status, 404);
}

TEST_F(BadInputTest, WrongTypesInDetails) {
  Approve();
  auto api = server().As(dev_);
  auto ports_as_object = api.Put(
      path_ + "/details", {{"version", Version()}, {"ports", boost::json::object{{"http", 80}}}});
  ExpectError(ports_as_object, 400, "invalid");
  EXPECT_EQ(ports_as_object.ErrorDetail("field"), "details.ports");
  auto port_as_string = api.Put(
      path_ + "/details",
      {{"version", Version()},
       {"ports", boost::json::array{boost::json::object{{"name", "http"}, {"port", "80"}}}}});
  ExpectError(port_as_string, 400, "invalid");
  auto approvers_as_string =
      api.Put(path_ + "/details", {{"version", Version()}, {"approvers", "bob"}});
  ExpectError(approvers_as_string, 400, "invalid");
  EXPECT_EQ(approvers_as_string.ErrorDetail("field"), "approvers");
  ExpectUnchanged();
}

// BUG (src/http/server.cpp, Server::Impl::Serve): Beast reports a
// Content-Length above body_limit while reading the header, and that branch
// answers every error but header_limit with 400 "malformed HTTP request";
// it should answer 413 payload_too_large like the body-reading branch.
TEST_F(BadInputTest, OversizeBody) {
  auto api = server().As(dev_);
  boost::json::object body{{"version", Version()},
                           {"description", std::string((1 << 20) + 1024, 'x')}};
  auto reply = api.Patch(path_, body);
  ExpectError(reply, 413, "payload_too_large");
  ExpectUnchanged();
}

TEST_F(BadInputTest, NonJsonContentType) {
  auto api = server().As(dev_);
  const std::string body =
      "{\"version\":" + std::to_string(Version()) + ",\"description\":\"form\"}";
  ExpectError(api.SendRaw("PATCH", path_, body, "text/plain"), 415, "unsupported_media_type");
  ExpectError(api.SendRaw("PATCH", path_, "description=form", "application/x-www-form-urlencoded"),
              415, "unsupported_media_type");
  ExpectUnchanged();
}

TEST_F(BadInputTest, InvalidNames) {
  auto api = server().As(dev_);
  const auto base = UniqueName("n");
  for (const std::string& name :
       {std::string("Upper") + base, "under_" + base, std::string(64, 'a'), "-" + base, base + "-",
        std::string("dot.") + base, std::string("")}) {
    auto reply = api.Post("/api/v1/apps", AppBody(name));
    ExpectError(reply, 400, "invalid");
    EXPECT_EQ(reply.ErrorDetail("field"), "name") << "name '" << name << "': " << reply;
    if (!name.empty()) {
      EXPECT_EQ(api.Get("/api/v1/apps/" + name).status, 404) << name;
    }
  }
  // 63 characters is the longest DNS label: accepted.
  auto longest = api.Post("/api/v1/apps", AppBody(std::string(63 - base.size(), 'z') + base));
  EXPECT_EQ(longest.status, 201) << longest;
}

TEST_F(BadInputTest, ApproveTwiceIsAConflict) {
  Approve();
  auto reply = admin_.Post(path_ + "/approve");
  ExpectError(reply, 409, "conflict");
  EXPECT_EQ(reply.ErrorDetail("state"), "pending_online");
  ExpectUnchanged();
}

// "From online" is not reachable over the API (online follows the first
// release); pending_online is the same kind of not-pending-offline state.
TEST_F(BadInputTest, ConfirmOfflineWithoutRequestIsAConflict) {
  Approve();
  auto reply = admin_.Post(path_ + "/offline/confirm");
  ExpectError(reply, 409, "conflict");
  EXPECT_EQ(reply.ErrorDetail("state"), "pending_online");
  auto cancel = server().As(dev_).Post(path_ + "/offline/cancel");
  ExpectError(cancel, 409, "conflict");
  EXPECT_EQ(cancel.ErrorDetail("state"), "pending_online");
  ExpectUnchanged();
}

TEST_F(BadInputTest, ResubmitWhenNotRejectedIsAConflict) {
  auto reply = server().As(dev_).Post(path_ + "/resubmit");
  ExpectError(reply, 409, "conflict");
  EXPECT_EQ(reply.ErrorDetail("state"), "under_review");
  auto details =
      server().As(dev_).Put(path_ + "/details", CompleteDetailsBody(Version(), dev_.username));
  ExpectError(details, 409, "conflict");  // details come after approval
  EXPECT_EQ(details.ErrorDetail("state"), "under_review");
  ExpectUnchanged();
}

TEST_F(BadInputTest, StaleVersionIsAConflict) {
  auto api = server().As(dev_);
  const auto current = Version();
  auto reply = api.Patch(
      path_, {{"version", current - 1 > 0 ? current - 1 : current + 1}, {"description", "stale"}});
  ExpectError(reply, 409, "conflict");
  auto ahead = api.Patch(path_, {{"version", current + 5}, {"description", "stale"}});
  ExpectError(ahead, 409, "conflict");
  auto transition = admin_.Post(path_ + "/approve", {{"version", current + 1}});
  ExpectError(transition, 409, "conflict");
  ExpectUnchanged();
}

TEST_F(BadInputTest, UnknownRouteIsNotFound) {
  ExpectError(server().As(dev_).Get("/api/v1/nothing-here"), 404, "not_found");
  ExpectError(server().As(dev_).Post(path_ + "/launch"), 404, "not_found");
  ExpectError(server().As(dev_).Get("/api/v1/apps/" + UniqueName("missing")), 404, "not_found");
  ExpectUnchanged();
}

TEST_F(BadInputTest, WrongMethodIsNotAllowed) {
  auto api = server().As(dev_);
  EXPECT_EQ(api.Delete("/api/v1/apps").status, 405);
  EXPECT_EQ(api.Send("DELETE", path_).status, 405);
  EXPECT_EQ(api.Patch(path_ + "/approve", boost::json::object{}).status, 405);
  EXPECT_EQ(admin_.Send("GET", path_ + "/approve").status, 405);
  ExpectUnchanged();
}

// BUG (src/http/api.cpp Api::Handle): RFC 9110 §15.5.6 requires an Allow
// header on 405 answers; none is sent.
TEST_F(BadInputTest, WrongMethodNamesTheAllowedOnes) {
  auto reply = server().As(dev_).Delete("/api/v1/apps");
  EXPECT_EQ(reply.status, 405) << reply;
  auto allow = reply.Header("Allow");
  ASSERT_TRUE(allow.has_value()) << reply;
  EXPECT_NE(allow->find("GET"), std::string::npos) << *allow;
  EXPECT_NE(allow->find("POST"), std::string::npos) << *allow;
}

TEST_F(BadInputTest, HugeHeaderIsRefused) {
  auto api = server().As(dev_);
  auto reply =
      api.Send("PATCH", path_, boost::json::value{{"version", Version()}, {"description", "huge"}},
               {{"X-Padding", std::string(32 * 1024, 'h')}});
  EXPECT_EQ(reply.status, 431) << reply;
  ExpectUnchanged();
}

}  // namespace
}  // namespace slipway::testing
