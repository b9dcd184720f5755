// A streamed response (event stream, followed log) is dropped as soon as its
// client goes away, even while it has nothing to send: its producer holds
// watches and threads that must not wait for the next event to be freed.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "http/running_server_for_test.hpp"
#include "support/raw_connection.hpp"

namespace slipway::http {
namespace {

/// Counts live streams; sends nothing until it is gone.
class SilentStreams {
 public:
  class Stream final : public BodyStream {
   public:
    explicit Stream(SilentStreams& owner) : owner_(owner) { owner_.Change(+1); }
    ~Stream() override { owner_.Change(-1); }
    std::optional<std::string> Poll(bool& done) override {
      done = false;
      return std::nullopt;
    }

   private:
    SilentStreams& owner_;
  };

  /// Waits until `n` streams are alive; false after `timeout`.
  bool WaitFor(int n, std::chrono::seconds timeout = std::chrono::seconds(10)) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return alive_ == n; });
  }

 private:
  void Change(int by) {
    std::lock_guard lock(mutex_);
    alive_ += by;
    changed_.notify_all();
  }
  std::mutex mutex_;
  std::condition_variable changed_;
  int alive_ = 0;
};

TEST(ServerStreamTest, AClientThatGoesAwayFreesItsStreamAtOnce) {
  SilentStreams streams;
  testing::RunningServer server([&streams](Request&) {
    Response response;
    response.content_type = "text/event-stream";
    response.stream = std::make_shared<SilentStreams::Stream>(streams);
    return response;
  });
  {
    slipway::testing::RawConnection first(server.port());
    slipway::testing::RawConnection second(server.port());
    for (auto* c : {&first, &second}) {
      ASSERT_TRUE(c->Write("GET /events HTTP/1.1\r\nHost: t\r\n\r\n"));
      auto head = c->ReadUntil("\r\n\r\n");
      ASSERT_EQ(slipway::testing::RawStatus(head), 200) << head;
    }
    ASSERT_TRUE(streams.WaitFor(2));
    first.Close();
    // Nothing was ever written after the header: only the closed socket tells.
    EXPECT_TRUE(streams.WaitFor(1)) << "the stream of the departed client is still held";
  }
  EXPECT_TRUE(streams.WaitFor(0));
}

}  // namespace
}  // namespace slipway::http
