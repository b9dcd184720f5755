#include "http/stream_slots.hpp"

#include <string>

namespace slipway::http {

namespace {

// Delivers the stream's pieces; the slot goes back once the stream is gone.
class SlotHoldingStream final : public BodyStream {
 public:
  SlotHoldingStream(std::unique_ptr<StreamSlots::Slot> slot, std::shared_ptr<BodyStream> stream)
      : slot_(std::move(slot)), stream_(std::move(stream)) {}
  std::optional<std::string> Poll(bool& done) override { return stream_->Poll(done); }

 private:
  // Declared first, destroyed last: the producer stops before the slot is free again.
  std::unique_ptr<StreamSlots::Slot> slot_;
  std::shared_ptr<BodyStream> stream_;
};

}  // namespace

StreamSlots::Slot::~Slot() { owner_.Release(user_id_); }

core::Result<std::unique_ptr<StreamSlots::Slot>> StreamSlots::Acquire(std::int64_t user_id) {
  std::lock_guard lock(mutex_);
  int& mine = per_user_[user_id];
  if (mine >= limits_.per_user) {
    return core::Error{core::Code::kTooManyRequests,
                       "you have " + std::to_string(mine) +
                           " event streams or followed logs open, the most allowed "
                           "(server.max_streams_per_user); close one first",
                       {{"limit", limits_.per_user}}};
  }
  if (total_ >= limits_.total) {
    return core::Error{
        core::Code::kTooManyRequests,
        "the server has " + std::to_string(total_) +
            " event streams and followed logs open, the most allowed (server.max_streams); "
            "retry later",
        {{"limit", limits_.total}, {"retry_after_seconds", 10}}};
  }
  ++mine;
  ++total_;
  return std::unique_ptr<Slot>(new Slot(*this, user_id));
}

std::shared_ptr<BodyStream> StreamSlots::Hold(std::unique_ptr<Slot> slot,
                                              std::shared_ptr<BodyStream> stream) {
  return std::make_shared<SlotHoldingStream>(std::move(slot), std::move(stream));
}

int StreamSlots::open() const {
  std::lock_guard lock(mutex_);
  return total_;
}

void StreamSlots::Release(std::int64_t user_id) {
  std::lock_guard lock(mutex_);
  --total_;
  if (auto it = per_user_.find(user_id); it != per_user_.end() && --it->second == 0)
    per_user_.erase(it);
}

}  // namespace slipway::http
