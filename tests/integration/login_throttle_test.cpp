// Login throttling (issue 9, item 7): failures slow down one (user name,
// client address) pair instead of locking the account for everyone; unknown
// names are answered exactly like known ones; a password reset or a disable
// ends the user's tokens.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

// POSTs a login from `source` (an address of the loopback range), so the
// server sees a second client next to the tests' 127.0.0.1. Returns the status.
int LoginFrom(const std::string& source, const std::string& base_url, const std::string& username,
              const std::string& password) {
  const int port = std::stoi(base_url.substr(base_url.rfind(':') + 1));
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  timeval timeout{.tv_sec = 10, .tv_usec = 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  sockaddr_in local{};
  local.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &local.sin_addr);
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  server.sin_port = htons(static_cast<std::uint16_t>(port));
  int status = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof(local)) == 0 &&
      connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof(server)) == 0) {
    const std::string body =
        boost::json::serialize(boost::json::object{{"username", username}, {"password", password}});
    const std::string request =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        "Content-Type: application/json\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
        static_cast<ssize_t>(request.size())) {
      char buffer[64] = {};
      std::size_t got = 0;
      while (got < 12) {
        const ssize_t n = recv(fd, buffer + got, sizeof(buffer) - 1 - got, 0);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
      }
      if (got >= 12 && std::strncmp(buffer, "HTTP/1.", 7) == 0) status = std::atoi(buffer + 9);
    }
  }
  close(fd);
  return status;
}

class LoginThrottleTest : public ApiTest {
 protected:
  Reply Login(const std::string& username, const std::string& password) {
    return server().Anonymous().Post("/api/v1/auth/login",
                                     {{"username", username}, {"password", password}});
  }
  std::int64_t Version(const TestUser& user) {
    return server().Admin().Get("/api/v1/users/" + std::to_string(user.id)).Int("version");
  }
};

// The probe: five wrong passwords from anywhere locked the admin out.
TEST_F(LoginThrottleTest, FailuresFromOneAddressDoNotLockOutAnother) {
  auto victim = server().CreateUser("admin", "victim");
  for (int i = 0; i < 6; ++i) Login(victim.username, "wrong-password");
  EXPECT_EQ(Login(victim.username, victim.password).status, 429) << "the guessing address waits";
  EXPECT_EQ(LoginFrom("127.0.0.2", server().base_url(), victim.username, victim.password), 200)
      << "another address is not held up";
}

TEST_F(LoginThrottleTest, UnknownNamesAreAnsweredLikeKnownOnes) {
  auto known = server().CreateUser("developer", "known");
  const auto unknown = UniqueName("unknown");
  for (int i = 0; i < 5; ++i) {
    auto a = Login(known.username, "wrong-password");
    auto b = Login(unknown, "wrong-password");
    ASSERT_EQ(a.status, 401) << a;
    EXPECT_EQ(b.status, a.status) << b;
    EXPECT_EQ(b.raw.body, a.raw.body);
  }
  auto a = Login(known.username, "wrong-password");
  auto b = Login(unknown, "wrong-password");
  EXPECT_EQ(a.status, 429) << a;
  EXPECT_EQ(b.status, 429)
      << "unknown names are throttled too, or their answers tell which names exist: " << b;
  EXPECT_EQ(b.ErrorCode(), a.ErrorCode());
  EXPECT_EQ(b.Header("Retry-After").has_value(), a.Header("Retry-After").has_value());
}

TEST_F(LoginThrottleTest, WrongCurrentPasswordsAreLimited) {
  auto user = server().CreateUser("developer", "pwguess");
  auto api = server().As(user);
  Reply last;
  for (int i = 0; i < 6; ++i) {
    last = api.Post("/api/v1/auth/password", {{"current_password", "guess-" + std::to_string(i)},
                                              {"new_password", "a-new-password"}});
  }
  EXPECT_EQ(last.status, 429) << last;
  auto right = api.Post("/api/v1/auth/password",
                        {{"current_password", user.password}, {"new_password", "a-new-password"}});
  EXPECT_EQ(right.status, 429) << "while throttled even the right one waits: " << right;
}

TEST_F(LoginThrottleTest, AResetEndsTheUsersTokensAndSessions) {
  auto user = server().CreateUser("developer", "reset");
  ASSERT_EQ(server().As(user).Get("/api/v1/auth/me").status, 200);
  auto reset = server().Admin().Post("/api/v1/users/" + std::to_string(user.id) + "/password",
                                     {{"password", "brand-new-password"}});
  ASSERT_EQ(reset.status, 204) << reset;
  EXPECT_EQ(server().As(user).Get("/api/v1/auth/me").status, 401);
}

TEST_F(LoginThrottleTest, ADisableEndsTheUsersTokensForGood) {
  auto user = server().CreateUser("developer", "disable");
  auto path = "/api/v1/users/" + std::to_string(user.id);
  ASSERT_EQ(server().Admin().Patch(path, {{"version", Version(user)}, {"disabled", true}}).status,
            200);
  ASSERT_EQ(server().Admin().Patch(path, {{"version", Version(user)}, {"disabled", false}}).status,
            200);
  EXPECT_EQ(server().As(user).Get("/api/v1/auth/me").status, 401)
      << "enabling again brings no token back";
  EXPECT_EQ(Login(user.username, user.password).status, 200);
}

}  // namespace
}  // namespace slipway::testing
