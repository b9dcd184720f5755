#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>

namespace slipway::core {

/// Milliseconds since the Unix epoch: the one time type stored and compared.
using Millis = std::int64_t;

/// Where time comes from. Production uses SystemClock; tests use
/// SimulatedClock and advance it explicitly (no sleeps in tests).
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Millis Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Millis Now() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

/// A clock that moves only when told to. Thread-safe.
class SimulatedClock final : public Clock {
 public:
  explicit SimulatedClock(Millis start = 1'700'000'000'000) : now_(start) {}
  Millis Now() const override { return now_.load(); }
  void Advance(Millis by) { now_ += by; }
  void Set(Millis to) { now_ = to; }

 private:
  std::atomic<Millis> now_;
};

}  // namespace slipway::core
