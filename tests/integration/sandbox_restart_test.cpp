// The embedded sandbox across restarts of `slipway serve` on the same data:
// its emulators come back on the ports of the last run, and when one cannot
// (a port taken meanwhile), the stored sandbox cluster follows the emulator,
// so builds and releases keep working either way.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "build_helpers.hpp"
#include "support/api_fixture.hpp"
#include "support/slipway_process.hpp"

namespace slipway::testing {
namespace {

// "http://127.0.0.1:PORT" → "127.0.0.1:PORT", as image addresses name a registry.
std::string HostOf(const std::string& url) { return url.substr(url.find("://") + 3); }

int PortOf(const std::string& url) { return std::stoi(url.substr(url.rfind(':') + 1)); }

// Holds a TCP port (listening on loopback) until destroyed.
class PortHolder {
 public:
  explicit PortHolder(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    held_ = fd_ >= 0 && bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
            listen(fd_, 1) == 0;
  }
  ~PortHolder() {
    if (fd_ >= 0) close(fd_);
  }
  PortHolder(const PortHolder&) = delete;
  PortHolder& operator=(const PortHolder&) = delete;
  bool held() const { return held_; }

 private:
  int fd_;
  bool held_ = false;
};

class SandboxRestartTest : public ::testing::Test {
 protected:
  // SIGTERM, as Ctrl-C on `make run` would, then `serve` again on the same data.
  void StopAndServeAgain() {
    auto stopped = server_.process().Terminate();
    ASSERT_TRUE(stopped.exited()) << stopped.Describe();
    server_.Restart();
  }

  // Builds `version` of a complete self-developed application and releases it
  // to a test environment on the sandbox cluster; the released image.
  std::string BuildAndRelease(const std::string& version) {
    auto owner_user = server_.CreateUser("developer", "restart-owner");
    auto approver = server_.CreateUser("approver", "restart-approver");
    auto owner = server_.As(owner_user);
    const auto app_id = ApprovedApp(server_, owner_user, UniqueName("svc"));
    const auto app = "/api/v1/apps/" + std::to_string(app_id);
    auto details = owner.Put(app + "/details",
                             CompleteDetailsBody(owner.Get(app).Int("version"), approver.username));
    EXPECT_EQ(details.status, 200) << details;
    auto env = owner.Post(app + "/environments", {{"env_type", "test"}, {"cluster", "sandbox"}});
    EXPECT_EQ(env.status, 201) << env;
    auto started = owner.Post(BuildsPath(app_id), BuildBody(version));
    EXPECT_EQ(started.status, 201) << started;
    auto build = WaitUntilEnded(owner, started.Int("id"));
    EXPECT_EQ(build.Str("state"), "succeeded") << build;
    auto change = owner.Post(
        app + "/changes",
        {{"env_id", env.Int("id")}, {"title", "after a restart"}, {"build_id", build.Int("id")}});
    EXPECT_EQ(change.status, 201) << change;
    const auto path = "/api/v1/changes/" + std::to_string(change.Int("id"));
    EXPECT_EQ(owner.Post(path + "/submit").Str("state"), "pending_release");
    auto release = owner.Post(path + "/release");
    EXPECT_EQ(release.status, 202) << release;
    Reply last;
    EXPECT_TRUE(WaitUntil(
        [&] {
          last = owner.Get("/api/v1/releases/" + std::to_string(release.Int("id")));
          return last.Str("state") == "completed" || last.Str("state") == "failed";
        },
        std::chrono::seconds(120)));
    EXPECT_EQ(last.Str("state"), "completed") << last;
    return build.Str("image");
  }

  std::string SandboxClusterRegistry() {
    return server_.Admin().Get("/api/v1/clusters/sandbox").Str("registry");
  }

  ApiServer server_{SandboxOptions()};
};

TEST_F(SandboxRestartTest, TheEmulatorsComeBackOnTheirPortsAndReleasesWork) {
  const auto registry = server_.SandboxUrl("registry");
  const auto kubernetes = server_.SandboxUrl("kubernetes");
  const auto jenkins = server_.SandboxUrl("jenkins");
  ASSERT_EQ(SandboxClusterRegistry(), HostOf(registry));

  StopAndServeAgain();
  EXPECT_EQ(server_.SandboxUrl("registry"), registry);
  EXPECT_EQ(server_.SandboxUrl("kubernetes"), kubernetes);
  EXPECT_EQ(server_.SandboxUrl("jenkins"), jenkins);
  EXPECT_EQ(SandboxClusterRegistry(), HostOf(registry));
  EXPECT_EQ(BuildAndRelease("1.0").rfind(HostOf(registry) + "/", 0), 0u);
}

TEST_F(SandboxRestartTest, WhenTheRegistryMovesTheSandboxClusterFollowsIt) {
  const auto before = server_.SandboxUrl("registry");
  auto stopped = server_.process().Terminate();
  ASSERT_TRUE(stopped.exited()) << stopped.Describe();
  PortHolder taken(PortOf(before));  // someone else listens there now
  ASSERT_TRUE(taken.held());
  server_.Restart();

  const auto after = server_.SandboxUrl("registry");
  ASSERT_NE(after, before);
  EXPECT_EQ(SandboxClusterRegistry(), HostOf(after))
      << "the sandbox cluster still names the old registry";
  auto admin = server_.Admin();
  auto cluster = admin.Get("/api/v1/clusters/sandbox");
  auto audit = AuditOf(admin, "cluster:" + std::to_string(cluster.Int("id")));
  ASSERT_FALSE(audit.empty());
  EXPECT_NE(Text(audit.front().at("summary")).find(HostOf(after)), std::string::npos)
      << Text(audit.front().at("summary"));
  EXPECT_EQ(BuildAndRelease("2.0").rfind(HostOf(after) + "/", 0), 0u);
}

}  // namespace
}  // namespace slipway::testing
