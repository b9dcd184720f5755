#pragma once
#include <functional>

#include "connectors/kubernetes/model/cluster.hpp"
#include "sandbox/kubernetes/resources.hpp"
#include "sandbox/kubernetes/settings.hpp"
#include "sandbox/kubernetes/watches.hpp"

namespace slipway::sandbox::kube {

class SchemaChecker;

/// The emulated cluster: the shared model (objects, controllers' memory)
/// on the system clock, plus what only the HTTP side needs — its settings,
/// watch streams and the OpenAPI schemas. Guarded by the emulator's mutex;
/// handlers and controllers both work on it.
struct Cluster : model::Cluster {
  explicit Cluster(KubernetesSettings s);

  KubernetesSettings emulator;
  WatchStreams watches;
  /// The OpenAPI schemas for fieldValidation, loaded on first use; returns
  /// nullptr when the documents are not available (no field checks then).
  std::function<const SchemaChecker*()> schemas;

  /// Creates the namespaces every cluster has (default, kube-system, …).
  void Bootstrap();
};

}  // namespace slipway::sandbox::kube
