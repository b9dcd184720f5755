#pragma once
// Internal to lanes: independent external calls made side by side. A lane
// step or request that asks N systems (or N objects) something one after
// another waits N round trips; these run them on up to `width` threads.
#include <algorithm>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/common/call_tag.hpp"

namespace slipway::services::lanes {

/// Calls fn(0) … fn(count - 1), on up to `width` threads at once (the
/// calling thread is one of them), and returns when all have returned. Each
/// call's effects must be independent of the others'; fn writes its result
/// to its own slot. The calls carry the caller's X-Slipway-Step tag. The
/// first exception thrown is rethrown after every call ended.
inline void ParallelFor(std::size_t count, const std::function<void(std::size_t)>& fn,
                        std::size_t width = 8) {
  if (count == 0) return;
  const std::string tag = core::CurrentCallTag();
  std::mutex mutex;
  std::size_t next = 0;
  std::exception_ptr failure;
  auto work = [&] {
    core::ScopedCallTag scoped(tag);
    for (;;) {
      std::size_t i;
      {
        std::lock_guard lock(mutex);
        if (next >= count) return;
        i = next++;
      }
      try {
        fn(i);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  const std::size_t threads = std::min(width, count);
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace slipway::services::lanes
