#include "services/builds/build_log_tails.hpp"

#include <spdlog/spdlog.h>

namespace slipway::services {

namespace {
// Database hiccups are waited out; this many failed reads in a row end the stream.
constexpr int kMaxFailedReads = 20;
}  // namespace

BuildLogTails::BuildLogTails(std::chrono::milliseconds poll, std::size_t max_tails)
    : poll_(poll), max_tails_(max_tails) {}

BuildLogTails::~BuildLogTails() {
  std::list<Tail> tails;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    tails.swap(tails_);
  }
  wake_.notify_all();
  for (auto& t : tails) t.thread.join();
}

void BuildLogTails::ReapFinished() {
  for (auto it = tails_.begin(); it != tails_.end();) {
    if (*it->done) {
      // Its last act was to set `done`: joining does not block.
      it->thread.join();
      it = tails_.erase(it);
    } else {
      ++it;
    }
  }
}

core::Status BuildLogTails::Start(std::int64_t from, Read read, Push push, Close close) {
  std::lock_guard lock(mutex_);
  ReapFinished();
  if (tails_.size() >= max_tails_) {
    return core::Error{core::Code::kTooManyRequests,
                       "too many followed logs (" + std::to_string(max_tails_) + "); retry later",
                       {}};
  }
  auto done = std::make_shared<bool>(false);
  tails_.push_back({std::thread([this, from, read = std::move(read), push = std::move(push),
                                 close = std::move(close), done] {
                      Run(from, read, push, close);
                      std::lock_guard finished(mutex_);
                      *done = true;
                    }),
                    done});
  return core::Ok{};
}

void BuildLogTails::Run(std::int64_t from, const Read& read, const Push& push, const Close& close) {
  int failures = 0;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, poll_, [this] { return stopping_; })) return;
    }
    core::Result<BuildLog> piece = core::Error{core::Code::kInternal, "not read", {}};
    try {
      piece = read(from);
    } catch (const std::exception& e) {
      piece = core::Error{core::Code::kTransient, e.what(), {}};
    }
    if (!piece.ok()) {
      if (piece.error().code == core::Code::kTransient && ++failures < kMaxFailedReads) continue;
      spdlog::warn("build log stream ends: {}", piece.error().message);
      return close();
    }
    failures = 0;
    // An empty push only asks whether the reader is still there.
    if (!push(std::move(piece->text))) return;
    from = piece->end;
    if (piece->ended) return close();
  }
}

}  // namespace slipway::services
