#include "services/lanes/namespace_wait.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>

#include "core/common/json_path.hpp"

namespace slipway::services::lanes {

namespace {

// Shared with the watch's thread, which may outlive the wait by a moment.
struct Gone {
  std::mutex mutex;
  std::condition_variable changed;
  bool gone = false;

  void Set() {
    {
      std::lock_guard lock(mutex);
      gone = true;
    }
    changed.notify_all();
  }
};

bool Holds(const std::vector<connectors::KubeObject>& items, const std::string& name) {
  for (const auto& item : items) {
    if (core::StringAt(item, {"metadata", "name"}) == name) return true;
  }
  return false;
}

}  // namespace

bool WaitForNamespaceGone(connectors::Kubernetes& kube, const std::string& name,
                          std::chrono::milliseconds limit) {
  auto state = std::make_shared<Gone>();
  connectors::WatchOptions options;
  options.field_selector = "metadata.name=" + name;
  auto on_event = [state, name](const connectors::WatchEvent& e) {
    using Type = connectors::WatchEvent::Type;
    if (e.type == Type::kDeleted || (e.type == Type::kResync && !Holds(e.items, name))) {
      state->Set();
    }
  };
  auto watch =
      kube.Watch(connectors::kube::kNamespaces, "", options, on_event, [](const core::Error&) {});
  if (!watch.ok()) return false;
  bool gone = false;
  {
    std::unique_lock lock(state->mutex);
    gone = state->changed.wait_for(lock, limit, [&] { return state->gone; });
  }
  (*watch)->Stop();
  return gone;
}

}  // namespace slipway::services::lanes
