#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

namespace slipway::sandbox::kube {

/// How the Kubernetes emulator behaves. Durations are wall time: simulated
/// controllers run on a background thread as soon as a request changed
/// something, when a delay below runs out, and at least every `tick`.
struct KubernetesSettings {
  /// From pod creation to Running/Ready (and to ErrImagePull, or to the first
  /// crash for pods that crash on request).
  std::chrono::milliseconds pod_ready_delay{1500};
  /// The longest the simulated controllers wait between rounds (watch
  /// deadlines and bookmarks are checked then).
  std::chrono::milliseconds tick{100};
  /// A request that changes an object wakes the controllers at once, and
  /// they wake when a pod's or namespace's delay runs out. false: rounds run
  /// only every `tick` (tests that drive rounds by hand).
  bool react_at_once = true;
  /// How long a namespace stays Terminating once its content is gone.
  std::chrono::milliseconds namespace_delete_delay{500};
  /// Interval between BOOKMARK events on watches that allow them.
  std::chrono::milliseconds bookmark_interval{5000};
  /// Watch duration when the request has no timeoutSeconds (the apiserver
  /// picks 30–60 min).
  std::chrono::seconds watch_default_timeout{1800};
  /// Change events kept for watch resumption; older resourceVersions get 410.
  size_t event_history = 1000;
  /// When set, every request needs `Authorization: Bearer <token>` (else 401).
  std::string required_token;
  /// Where the official OpenAPI v3 documents are read from (see openapi.hpp);
  /// empty: the default.
  std::string openapi_dir;
  /// Empty: model::DefaultImageExists (connectors/kubernetes/model/cluster.hpp).
  std::function<bool(const std::string& image)> image_exists;
};

}  // namespace slipway::sandbox::kube
