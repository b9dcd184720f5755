#pragma once
// Caps on open streamed responses (environment and release event streams,
// followed build logs). Each one holds a connection and, behind it, watches
// or a polling thread until its client leaves; without a cap one caller
// could hold all of them.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>

#include "core/common/error.hpp"
#include "http/message.hpp"

namespace slipway::http {

struct StreamLimits {
  int per_user = 16;  ///< server.max_streams_per_user
  int total = 256;    ///< server.max_streams
};

/// Counts open streams per user and in total. Thread-safe; must outlive
/// every stream it handed a slot to.
class StreamSlots {
 public:
  /// One open stream's claim on the counts, given back when destroyed.
  class Slot {
   public:
    ~Slot();
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    friend class StreamSlots;
    Slot(StreamSlots& owner, std::int64_t user_id) : owner_(owner), user_id_(user_id) {}
    StreamSlots& owner_;
    std::int64_t user_id_;
  };

  explicit StreamSlots(StreamLimits limits) : limits_(limits) {}

  /// A slot for one more stream of `user_id`; kTooManyRequests (429) when the
  /// user or the server has none left. Take it before subscribing, so that
  /// a refused request starts no watches.
  core::Result<std::unique_ptr<Slot>> Acquire(std::int64_t user_id);
  /// `stream` holding `slot` until the server drops it (the client left or the stream ended).
  static std::shared_ptr<BodyStream> Hold(std::unique_ptr<Slot> slot,
                                          std::shared_ptr<BodyStream> stream);

  /// Streams open now.
  int open() const;

 private:
  void Release(std::int64_t user_id);

  const StreamLimits limits_;
  mutable std::mutex mutex_;
  std::map<std::int64_t, int> per_user_;
  int total_ = 0;
};

}  // namespace slipway::http
