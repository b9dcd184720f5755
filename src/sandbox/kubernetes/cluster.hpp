#pragma once
#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>

#include "sandbox/kubernetes/settings.hpp"
#include "sandbox/kubernetes/store.hpp"

namespace slipway::sandbox::kube {

class SchemaChecker;

using Clock = std::chrono::steady_clock;

/// What the simulated kubelet remembers about a pod beyond its status.
struct PodRuntime {
  Clock::time_point created;
  Clock::time_point next;  ///< when the pod's state changes next
  int stage = 0;           ///< 0 creating, 1 first outcome reached, 2+ later
};

/// A pod turning Ready, stamped with the wall clock (ms since the epoch) of
/// the status write that reports it: what benchmarks measure reactions from
/// (Kubernetes' own timestamps have whole seconds only).
struct PodReadyRecord {
  std::string ns;
  std::string name;
  boost::json::object labels;
  std::int64_t at_ms = 0;
};

/// The whole emulated cluster: stored objects plus the controllers' private
/// memory. Guarded by the emulator's mutex; handlers and controllers both
/// work on it.
struct Cluster {
  explicit Cluster(KubernetesSettings s) : settings(std::move(s)), store(settings.event_history) {}

  KubernetesSettings settings;
  Store store;
  int next_ip = 10;                                            ///< last octets handed out
  std::map<std::string, PodRuntime> pods;                      ///< by pod uid
  std::map<std::string, Clock::time_point> namespace_emptied;  ///< by namespace name
  std::deque<PodReadyRecord> pods_ready;                       ///< the most recent, oldest first
  /// The OpenAPI schemas for fieldValidation, loaded on first use; returns
  /// nullptr when the documents are not available (no field checks then).
  std::function<const SchemaChecker*()> schemas;

  /// A Service clusterIP from 10.96.0.0/12.
  std::string AllocateServiceIp();
  /// A pod IP from 10.244.0.0/16.
  std::string AllocatePodIp();
  bool ImageExists(const std::string& image) const;
  /// Creates the namespaces every cluster has (default, kube-system, …).
  void Bootstrap();
};

}  // namespace slipway::sandbox::kube
