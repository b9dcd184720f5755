#pragma once
// A lane's Kubernetes objects (R-LANE-6, R-LANE-7, R-LANE-12): the
// application's Deployment and Services copied from its base environment,
// an Ingress per external domain, and ExternalName fallbacks for the
// services the lane does not run. Pure.
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/environments/render.hpp"
#include "core/lane/lane.hpp"

namespace slipway::core {

/// Labels every object of a lane carries (besides the environment's).
inline constexpr const char* kLaneLabel = "slipway.io/lane";
inline constexpr const char* kLaneFallbackLabel = "slipway.io/lane-fallback";

/// Variables a lane injects (documented in docs/user-guide/lanes.md).
inline constexpr const char* kLaneVariable = "SLIPWAY_LANE";
inline constexpr const char* kLaneColorVariable = "SLIPWAY_LANE_COLOR";
inline constexpr const char* kConsumerGroupVariablePrefix = "SLIPWAY_CONSUMER_GROUP_";
inline constexpr const char* kConsulPathVariable = "SLIPWAY_CONFIG_CONSUL_PATH";
inline constexpr const char* kApolloClusterVariable = "APOLLO_CLUSTER";

/// `SLIPWAY_CONSUMER_GROUP_<TOPIC>`: the topic upper-cased, every character
/// other than letters and digits turned into '_'.
std::string ConsumerGroupVariable(const std::string& topic);

/// The variables the application gets in the lane: the lane, where its
/// config lives (`config_variable` = `config_location`), and its coloring.
std::vector<EnvVar> LaneVariables(const Lane& lane, const std::string& app,
                                  const std::string& config_variable,
                                  const std::string& config_location);

/// The base environment's spec with the lane's overrides (replicas; env vars
/// replacing same-named ones) and then the injected variables.
EnvSpec LaneSpec(const EnvSpec& base, const LaneAppSpec& overrides,
                 const std::vector<EnvVar>& injected);

/// What the application's objects in the lane are rendered from: env label
/// = the lane's namespace, so selectors never reach QA's pods.
RenderInput LaneRenderInput(const Lane& lane, const LaneAppSpec& app, const std::string& image,
                            EnvSpec spec);

/// `<app>-<domain>`: the Ingress of one external domain.
std::string LaneIngressName(const std::string& app, const std::string& domain);

/// An Ingress routing `host` to `service`:`port`.
boost::json::object RenderLaneIngress(const Lane& lane, const std::string& app,
                                      const std::string& domain, const std::string& host,
                                      const std::string& service, int port);

/// A Service of type ExternalName named `service` in the lane's namespace,
/// pointing at `target` (the QA service's cluster DNS name).
boost::json::object RenderFallbackService(const Lane& lane, const std::string& service,
                                          const std::string& target);

/// `<service>.<namespace>.svc.cluster.local`.
std::string ClusterServiceHost(const std::string& service, const std::string& namespace_name);

}  // namespace slipway::core
