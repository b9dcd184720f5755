#pragma once
// Live progress of releases for Server-Sent Events: one thread looks at every
// watched release four times a second and sends its JSON when it changed, and
// ends the stream when the release ends. Reading the database (not an
// in-process hook) means progress made by another replica shows up too.
#include <boost/json/object.hpp>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/message.hpp"

namespace slipway::http {

class ReleaseFeed {
 public:
  /// The release's current JSON, or null when it is gone; `done` is set once it ended.
  using Reader = std::function<boost::json::value(std::int64_t release_id, bool& done)>;
  explicit ReleaseFeed(Reader reader,
                       std::chrono::milliseconds interval = std::chrono::milliseconds(250));
  ~ReleaseFeed();
  ReleaseFeed(const ReleaseFeed&) = delete;
  ReleaseFeed& operator=(const ReleaseFeed&) = delete;

  /// A stream of `event: release` blocks for `release_id`, starting with its current state.
  std::shared_ptr<BodyStream> Subscribe(std::int64_t release_id);

 private:
  struct Subscription {
    std::int64_t release_id;
    std::weak_ptr<QueueStream> stream;
    std::string last;
    bool closed = false;
  };
  void Run(std::stop_token stop);

  Reader reader_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::vector<Subscription> subscriptions_;
  bool added_ = false;  ///< a new subscription waits for its first state
  std::jthread thread_;
};

}  // namespace slipway::http
