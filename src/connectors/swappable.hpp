#pragma once
// A port whose client can be replaced while the server runs (connectors set
// through the API, issue 14). Services keep the one pointer they were given;
// the composition root swaps what is behind it. A call takes the current
// client for its whole duration, so calls in flight finish on the old client
// while new calls use the new one; the old client goes when its last call ends.
#include <atomic>
#include <memory>
#include <utility>

#include "core/common/error.hpp"

namespace slipway::connectors {

/// Any Swappable, whatever its port: whether a client is set now.
class SwappableBase {
 public:
  virtual ~SwappableBase() = default;
  virtual bool has_client() const = 0;
};

template <class Port>
class Swappable : public SwappableBase {
 public:
  /// `when_unset`: what every call answers while no client is set.
  explicit Swappable(core::Error when_unset) : unset_(std::move(when_unset)) {}

  /// Replaces the client (null: the system is not configured). Thread-safe.
  void Swap(std::shared_ptr<Port> client) { client_.store(std::move(client)); }
  std::shared_ptr<Port> Current() const { return client_.load(); }
  bool has_client() const override { return client_.load() != nullptr; }

 protected:
  template <class F>
  auto Call(F&& call) const -> decltype(call(std::declval<Port&>())) {
    const std::shared_ptr<Port> client = client_.load();
    if (!client) return unset_;
    return call(*client);
  }

 private:
  std::atomic<std::shared_ptr<Port>> client_;
  const core::Error unset_;
};

}  // namespace slipway::connectors
