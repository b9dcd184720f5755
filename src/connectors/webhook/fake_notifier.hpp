#pragma once
#include <deque>
#include <mutex>
#include <vector>

#include "connectors/notifier.hpp"

namespace slipway::connectors {

/// In-memory Notifier for unit tests: keeps every notice, injects failures.
class FakeNotifier final : public Notifier {
 public:
  core::Status Notify(const Notice& notice) override;
  /// The next Notify fails with `error` (and records nothing).
  void FailNext(core::Error error);
  std::vector<Notice> notices() const;

 private:
  mutable std::mutex mutex_;
  std::deque<core::Error> failures_;
  std::vector<Notice> notices_;
};

}  // namespace slipway::connectors
