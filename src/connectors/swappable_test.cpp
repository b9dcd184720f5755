// A port whose client is replaced while calls run: calls in flight finish on
// the client they started with, later calls go to the new one, and the old
// client goes when its last call ends.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "connectors/swappable_ports.hpp"

namespace slipway::connectors {
namespace {

// Answers with its own name; the first call waits until released.
class NamedTapd final : public Tapd {
 public:
  explicit NamedTapd(std::string name, std::shared_future<void> release = {})
      : name_(std::move(name)), release_(std::move(release)) {}
  core::Result<TapdStory> GetStory(std::string_view, std::string_view) override {
    if (release_.valid()) {
      entered_.set_value();
      release_.wait();
    }
    TapdStory story;
    story.name = name_;
    return story;
  }
  std::future<void> Entered() { return entered_.get_future(); }

 private:
  std::string name_;
  std::shared_future<void> release_;
  std::promise<void> entered_;
};

TEST(Swappable, UnsetAnswersTheErrorItWasGiven) {
  SwappableTapd port(core::Conflict("tapd is not configured"));
  auto story = port.GetStory("1", "1");
  ASSERT_FALSE(story.ok());
  EXPECT_EQ(story.error().message, "tapd is not configured");
}

TEST(Swappable, ACallInFlightFinishesOnTheOldClientWhileNewCallsUseTheNewOne) {
  SwappableTapd port(core::Conflict("unset"));
  std::promise<void> release;
  auto old_client = std::make_shared<NamedTapd>("old", release.get_future().share());
  auto entered = old_client->Entered();
  std::weak_ptr<NamedTapd> old_alive = old_client;
  port.Swap(std::move(old_client));

  auto in_flight = std::async(std::launch::async, [&port] { return port.GetStory("1", "1"); });
  entered.wait();  // the call holds the old client now
  port.Swap(std::make_shared<NamedTapd>("new"));
  EXPECT_EQ(port.GetStory("1", "1")->name, "new");
  EXPECT_FALSE(old_alive.expired()) << "the call in flight keeps its client";

  release.set_value();
  EXPECT_EQ(in_flight.get()->name, "old");
  EXPECT_TRUE(old_alive.expired()) << "the old client goes with its last call";
}

TEST(Swappable, CallsAndSwapsFromManyThreads) {
  SwappableTapd port(core::Conflict("unset"));
  port.Swap(std::make_shared<NamedTapd>("a"));
  std::atomic<bool> stop{false};
  std::vector<std::thread> callers;
  std::atomic<int> answered{0};
  for (int i = 0; i < 4; ++i) {
    callers.emplace_back([&] {
      while (!stop) {
        auto story = port.GetStory("1", "1");
        ASSERT_TRUE(story.ok());
        ASSERT_TRUE(story->name == "a" || story->name == "b");
        ++answered;
      }
    });
  }
  for (int i = 0; i < 2000; ++i) port.Swap(std::make_shared<NamedTapd>(i % 2 ? "a" : "b"));
  while (answered < 100) std::this_thread::yield();
  stop = true;
  for (auto& t : callers) t.join();
}

}  // namespace
}  // namespace slipway::connectors
