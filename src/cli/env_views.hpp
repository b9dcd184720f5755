#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

// `-o table` renderings of clusters, environments and pods.

std::string RenderClusterList(const boost::json::value& list);
std::string RenderCluster(const boost::json::value& cluster);
std::string RenderEnvironmentList(const boost::json::value& list);
/// Definition, live replicas, conditions and notes.
std::string RenderEnvironment(const boost::json::value& env);
/// The instance list: name, phase, ready, restarts, reason, image, IP, node, age.
std::string RenderPods(const boost::json::value& list);
std::string RenderOperation(const boost::json::value& op);
/// An environment's release policy: strategy, canary steps with their
/// pauses, stability window, auto-rollback, approval.
std::string RenderReleasePolicy(const boost::json::value& env);

}  // namespace slipway::cli
