#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.hpp"
#include "core/environments/cluster.hpp"
#include "core/releases/release_policy.hpp"

namespace slipway::core {

/// CPU and memory as Kubernetes quantities ("250m", "1", "512Mi").
struct Resources {
  std::string cpu_request = "100m";
  std::string cpu_limit = "500m";
  std::string memory_request = "128Mi";
  std::string memory_limit = "512Mi";
};

/// A container port and the port the environment's default Service exposes
/// it on (the "port mapping"; service_port defaults to the container port).
struct ContainerPort {
  std::string name;
  int container_port = 0;
  int service_port = 0;
  std::string protocol = "TCP";  ///< TCP | UDP | SCTP
};

struct ServicePort {
  std::string name;
  int port = 0;
  int target_port = 0;
  int node_port = 0;  ///< NodePort/LoadBalancer only; 0: the cluster picks one
  std::string protocol = "TCP";
};

/// A Kubernetes Service in front of the environment's pods.
struct ServiceSpec {
  std::string name;
  std::string type = "ClusterIP";  ///< ClusterIP | NodePort | LoadBalancer
  std::vector<ServicePort> ports;
};

struct EnvVar {
  std::string name;
  std::string value;
  friend bool operator==(const EnvVar&, const EnvVar&) = default;
};

/// A readiness or liveness check: HTTP GET `path` on `port`, TCP connect to
/// `port`, or run `command` in the container.
struct Probe {
  std::string type;  ///< http | tcp | exec
  std::string path;
  int port = 0;
  std::vector<std::string> command;
  int initial_delay_seconds = 0;
  int period_seconds = 10;
  int timeout_seconds = 1;
  int failure_threshold = 3;
};

/// What an environment runs (R-ENV-4), apart from the image.
struct EnvSpec {
  int replicas = 1;
  Resources resources;
  std::vector<ContainerPort> ports;
  /// Empty: one ClusterIP Service named after the application (R-ENV-3).
  std::vector<ServiceSpec> services;
  std::vector<EnvVar> env;
  std::optional<Probe> readiness;
  std::optional<Probe> liveness;
};

inline constexpr int kMinReplicas = 1;
inline constexpr int kMaxReplicas = 24;

/// An application × env type × cluster, with its resources (R-ENV-1).
struct Environment {
  std::int64_t id = 0;
  std::int64_t app_id = 0;
  std::string env_type;
  std::int64_t cluster_id = 0;
  std::string namespace_name;  ///< fixed at creation from the cluster's mapping
  EnvSpec spec;
  std::string image;                            ///< full address; empty until the first release
  std::string image_digest;                     ///< sha256:… of `image` when known
  std::optional<ConfigBackend> config_backend;  ///< nullopt: the cluster's
  ReleasePolicy release_policy;
  std::string created_by;
  Millis created_at = 0;
  Millis updated_at = 0;
  std::int64_t version = 1;
};

}  // namespace slipway::core
