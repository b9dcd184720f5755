#include "http/release_feed.hpp"

#include <boost/json.hpp>

namespace slipway::http {

ReleaseFeed::ReleaseFeed(Reader reader, std::chrono::milliseconds interval)
    : reader_(std::move(reader)),
      interval_(interval),
      thread_([this](std::stop_token stop) { Run(stop); }) {}

ReleaseFeed::~ReleaseFeed() {
  thread_.request_stop();
  wake_.notify_all();
}

std::shared_ptr<BodyStream> ReleaseFeed::Subscribe(std::int64_t release_id) {
  auto stream = std::make_shared<QueueStream>();
  stream->Push("retry: 3000\n\n");
  {
    std::lock_guard lock(mutex_);
    subscriptions_.push_back({release_id, stream, "", false});
    added_ = true;
  }
  wake_.notify_all();  // the first state goes out now, not at the next tick
  return stream;
}

void ReleaseFeed::Run(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    // Read outside the lock (the reader queries the database). Only this
    // thread removes subscriptions, so the first work.size() entries are
    // still these ones when it comes back.
    auto work = subscriptions_;
    lock.unlock();
    for (auto& s : work) {
      auto stream = s.stream.lock();
      if (!stream) continue;
      bool done = false;
      auto value = reader_(s.release_id, done);
      auto text = boost::json::serialize(value);
      if (text != s.last) stream->Push("event: release\ndata: " + text + "\n\n");
      s.last = std::move(text);
      if (done || value.is_null()) {
        stream->Close();
        s.closed = true;
      }
    }
    lock.lock();
    for (std::size_t i = 0; i < work.size(); ++i) subscriptions_[i] = work[i];
    std::erase_if(subscriptions_,
                  [](const Subscription& s) { return s.closed || s.stream.expired(); });
    wake_.wait_for(lock, stop, interval_, [this] { return added_; });
    added_ = false;
  }
}

}  // namespace slipway::http
