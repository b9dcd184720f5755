// Streamed responses (environment and release events, followed build logs)
// against the sandbox: a client that goes away frees the stream's threads,
// descriptors and Kubernetes watches at once, not at the next event; and
// open streams are capped per user and in total (429 beyond).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "connectors/registry/client.hpp"
#include "support/api_fixture.hpp"
#include "support/raw_connection.hpp"
#include "support/slipway_process.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

std::size_t EntriesIn(const std::string& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    ++n;
  }
  return n;
}

// What a process holds, read from /proc.
struct Held {
  std::size_t threads = 0;
  std::size_t fds = 0;
  std::int64_t watches = 0;  ///< open watches in the Kubernetes emulator

  friend std::ostream& operator<<(std::ostream& out, const Held& h) {
    return out << h.threads << " threads, " << h.fds << " descriptors, " << h.watches << " watches";
  }
};

// The fixture's streams: one kind per test parameter.
enum class Kind { kEnvironmentEvents, kReleaseEvents, kBuildLog };

std::string KindName(const ::testing::TestParamInfo<Kind>& info) {
  switch (info.param) {
    case Kind::kEnvironmentEvents:
      return "EnvironmentEvents";
    case Kind::kReleaseEvents:
      return "ReleaseEvents";
    case Kind::kBuildLog:
      return "BuildLog";
  }
  return "";
}

// A server with the sandbox and an application, and what each kind of stream
// streams from, made on first use so that a test has no other work running
// beside its streams: an environment whose pods start only after ten
// minutes (nothing changes meanwhile), a release waiting for them, a build
// that Jenkins never takes.
class StreamFixture {
 public:
  explicit StreamFixture(const std::string& extra_config) {
    ServerOptions options = SandboxOptions();
    options.sandbox_config = "  pod_ready_delay_ms: 600000\n";
    options.extra_config = extra_config;
    server_ = std::make_unique<ApiServer>(options);
    owner_ = server_->CreateUser("developer", "stream-owner");
    name_ = UniqueName("stream");
    app_id_ = RegisterApprovedApp(*server_, owner_, name_);
  }

  ApiServer& server() { return *server_; }
  const TestUser& owner() const { return owner_; }

  std::string PathOf(Kind kind) {
    switch (kind) {
      case Kind::kEnvironmentEvents:
        return "/api/v1/environments/" + std::to_string(Environment()) + "/events";
      case Kind::kReleaseEvents:
        return "/api/v1/releases/" + std::to_string(Release()) + "/events";
      case Kind::kBuildLog:
        return "/api/v1/builds/" + std::to_string(Build()) + "/log?follow=1";
    }
    return "";
  }

  /// Opens a stream as `user` on a raw connection; `head` gets the status
  /// line and header (and, for environment events, the first event: the watches are up).
  std::unique_ptr<RawConnection> Open(Kind kind, const TestUser& user, std::string& head) {
    const std::string path = PathOf(kind);
    auto connection = std::make_unique<RawConnection>(server_->base_url());
    connection->Write("GET " + path +
                      " HTTP/1.1\r\nHost: test\r\nConnection: close\r\nAuthorization: Bearer " +
                      user.token + "\r\n\r\n");
    head = connection->ReadUntil("\r\n\r\n");
    if (RawStatus(head) == 200 && kind == Kind::kEnvironmentEvents)
      head = connection->ReadUntil("event: pods");
    return connection;
  }

  Held Now() {
    const std::string proc = "/proc/" + std::to_string(server_->process().pid());
    Held held{EntriesIn(proc + "/task"), EntriesIn(proc + "/fd"), 0};
    auto state = Api(server_->SandboxUrl("kubernetes"), "").Get("/_sandbox/state");
    if (state.status == 200) held.watches = state.Object().at("state").at("watches").as_int64();
    return held;
  }

 private:
  std::int64_t Environment() {
    if (env_id_) return env_id_;
    // A pushed image: the pods pull it, then wait for the ready delay.
    connectors::TransportSettings registry_settings;
    registry_settings.base_url = server_->SandboxUrl("registry");
    connectors::registry::RegistryClient registry(registry_settings);
    auto pushed = registry.PushImage("slipway/" + name_, "1.0");
    EXPECT_TRUE(pushed.ok()) << (pushed.ok() ? "" : pushed.error().message);
    const std::string image = registry_settings.base_url.substr(std::string("http://").size()) +
                              "/slipway/" + name_ + ":1.0";
    auto env =
        server_->As(owner_).Post("/api/v1/apps/" + std::to_string(app_id_) + "/environments",
                                 {{"env_type", "test"}, {"cluster", "sandbox"}, {"image", image}});
    EXPECT_EQ(env.status, 201) << env;
    env_id_ = env.Int("id");
    return env_id_;
  }
  std::int64_t Release() {
    if (release_id_) return release_id_;
    auto scaled = server_->As(owner_).Post(
        "/api/v1/environments/" + std::to_string(Environment()) + "/scale", {{"replicas", 2}});
    EXPECT_EQ(scaled.status, 202) << scaled;
    release_id_ = scaled.Int("release_id");
    // Waiting for the pods means its two watches (Deployments, pods) are up;
    // on a busy machine that comes a while after the answer, and a test that
    // took its idle counts before would see them as the streams' leftovers.
    EXPECT_TRUE(WaitUntil([&] { return Now().watches >= 2; }, std::chrono::seconds(30)))
        << "the release's watches: " << Now();
    return release_id_;
  }
  std::int64_t Build() {
    if (build_id_) return build_id_;
    // Every call to Jenkins fails: the build stays queued (the engine retries), its log open.
    auto fault =
        Api(server_->SandboxUrl("jenkins"), "").Post("/_sandbox/faults", {{"count", 1000000}});
    EXPECT_EQ(fault.status, 201) << fault;
    auto build = server_->As(owner_).Post("/api/v1/apps/" + std::to_string(app_id_) + "/builds",
                                          {{"branch", "main"}, {"version", "1.0"}});
    EXPECT_EQ(build.status, 201) << build;
    build_id_ = build.Int("id");
    return build_id_;
  }

  std::unique_ptr<ApiServer> server_;
  TestUser owner_;
  std::string name_;
  std::int64_t app_id_ = 0;
  std::int64_t env_id_ = 0;
  std::int64_t release_id_ = 0;
  std::int64_t build_id_ = 0;
};

class StreamReleaseTest : public ::testing::TestWithParam<Kind> {
 protected:
  static void TearDownTestSuite() { fixture_.reset(); }
  static StreamFixture& fixture() {
    if (!fixture_)
      fixture_ = std::make_unique<StreamFixture>("server:\n  max_streams_per_user: 100\n");
    return *fixture_;
  }
  static inline std::unique_ptr<StreamFixture> fixture_;
};

TEST_P(StreamReleaseTest, ClosedStreamsGiveBackTheirThreadsDescriptorsAndWatchesAtOnce) {
  constexpr std::size_t kStreams = 20;
  // The server's other work (the release's own watches and reads, the
  // engine retrying Jenkins) opens and closes a few connections and
  // short-lived threads meanwhile; far fewer than kStreams.
  constexpr std::size_t kNoise = 4;
  // Descriptors move more: the emulators run in the server's process, so a
  // kept-alive connection to one (Jenkins polled by the build, the
  // Kubernetes client's pool) counts twice. Still far below kStreams, so a
  // stream that keeps its socket fails the check.
  constexpr std::size_t kFdNoise = kStreams / 2;
  auto& f = fixture();
  f.PathOf(GetParam());  // what the streams stream from, with its own work started

  // Nothing streams, and the counts hold still.
  auto idle_now = [&f] {
    Held idle;
    EXPECT_TRUE(WaitUntil([&] {
      Held before = f.Now();
      idle = f.Now();
      return before.threads == idle.threads && before.fds == idle.fds &&
             before.watches == idle.watches;
    }));
    return idle;
  };
  // Opens kStreams streams, checks what they hold, and lets every client go
  // (no event follows); what the server held while they were open.
  auto open_and_close = [&](const Held& idle) {
    std::vector<std::unique_ptr<RawConnection>> streams;
    for (std::size_t i = 0; i < kStreams; ++i) {
      std::string head;
      streams.push_back(f.Open(GetParam(), f.owner(), head));
      EXPECT_EQ(RawStatus(head), 200) << head;
      EXPECT_FALSE(streams.back()->timed_out()) << "no first event: " << head;
    }
    const Held open = f.Now();
    // Each stream holds at least its connection; environment events two
    // watches (a thread and a connection each, plus the emulator's side), a
    // followed log a thread.
    EXPECT_GE(open.fds + kNoise, idle.fds + kStreams) << "idle: " << idle << "; open: " << open;
    if (GetParam() == Kind::kEnvironmentEvents) {
      EXPECT_GE(open.watches, idle.watches + 2 * static_cast<std::int64_t>(kStreams)) << open;
      EXPECT_GE(open.threads + kNoise, idle.threads + 2 * kStreams)
          << "idle: " << idle << "; open: " << open;
    }
    if (GetParam() == Kind::kBuildLog) {
      EXPECT_GE(open.threads + kNoise, idle.threads + kStreams)
          << "idle: " << idle << "; open: " << open;
    }
    return open;
  };

  // A first round warms the Kubernetes client's pool of kept-alive
  // connections (a bounded cache, filled by the watches' first lists):
  // only threads and watches are back to idle after it.
  const Held cold = idle_now();
  const Held first = open_and_close(cold);
  Held after;
  ASSERT_TRUE(WaitUntil(
      [&] {
        after = f.Now();
        return after.threads <= cold.threads + kNoise && after.watches <= cold.watches;
      },
      std::chrono::seconds(30)))
      << "idle: " << cold << "; with " << kStreams << " streams: " << first
      << "; after they closed: " << after;

  // The second round gives back everything.
  const Held idle = idle_now();
  const Held open = open_and_close(idle);
  EXPECT_TRUE(WaitUntil(
      [&] {
        after = f.Now();
        return after.threads <= idle.threads + kNoise && after.fds <= idle.fds + kFdNoise &&
               after.watches <= idle.watches;
      },
      std::chrono::seconds(30)))
      << "idle: " << idle << "; with " << kStreams << " streams: " << open
      << "; after they closed: " << after;
}

INSTANTIATE_TEST_SUITE_P(Kinds, StreamReleaseTest,
                         ::testing::Values(Kind::kEnvironmentEvents, Kind::kReleaseEvents,
                                           Kind::kBuildLog),
                         KindName);

class StreamCapTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { fixture_.reset(); }
  static StreamFixture& fixture() {
    if (!fixture_) {
      fixture_ =
          std::make_unique<StreamFixture>("server:\n  max_streams_per_user: 2\n  max_streams: 3\n");
    }
    return *fixture_;
  }
  static inline std::unique_ptr<StreamFixture> fixture_;

  static std::string ErrorCodeIn(const std::string& bytes) {
    auto at = bytes.find("\r\n\r\n");
    boost::system::error_code ec;
    auto v = json::parse(at == std::string::npos ? "" : bytes.substr(at + 4), ec);
    if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
    return std::string(v.at("error").at("code").as_string());
  }
};

TEST_F(StreamCapTest, EachUserAndTheServerHaveAMostOfOpenStreams) {
  auto& f = fixture();
  std::string head;
  auto first = f.Open(Kind::kEnvironmentEvents, f.owner(), head);
  ASSERT_EQ(RawStatus(head), 200) << head;
  auto second = f.Open(Kind::kBuildLog, f.owner(), head);
  ASSERT_EQ(RawStatus(head), 200) << head;

  // The owner's third stream, of any kind, is refused.
  for (Kind kind : {Kind::kEnvironmentEvents, Kind::kReleaseEvents, Kind::kBuildLog}) {
    auto refused = f.Open(kind, f.owner(), head);
    EXPECT_EQ(RawStatus(head), 429) << head;
    EXPECT_EQ(ErrorCodeIn(refused->ReadAll()), "too_many_requests");
  }

  // Another user gets the server's last slot, then the server is full.
  auto other = f.server().CreateUser("viewer", "stream-other");
  auto third = f.Open(Kind::kReleaseEvents, other, head);
  ASSERT_EQ(RawStatus(head), 200) << head;
  auto full = f.Open(Kind::kReleaseEvents, other, head);
  EXPECT_EQ(RawStatus(head), 429) << head;
  EXPECT_THAT(head, ::testing::HasSubstr("Retry-After: "));

  // A stream whose client left gives its slot back at once.
  first->Close();
  std::unique_ptr<RawConnection> again;
  EXPECT_TRUE(WaitUntil(
      [&] {
        again = f.Open(Kind::kEnvironmentEvents, f.owner(), head);
        return RawStatus(head) == 200;
      },
      std::chrono::seconds(30)))
      << head;
}

}  // namespace
}  // namespace slipway::testing
