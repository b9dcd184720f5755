#pragma once
// Environment → Kubernetes objects. Pure functions: the same input gives the
// same JSON, byte for byte (golden files in tests/golden/ keep it so).
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/environments/environment.hpp"

namespace slipway::core {

inline constexpr const char* kTrackStable = "stable";
inline constexpr const char* kTrackCanary = "canary";
inline constexpr const char* kManagedByLabel = "app.kubernetes.io/managed-by";
inline constexpr const char* kEnvironmentIdAnnotation = "slipway.io/environment-id";

/// One Deployment of an environment: the stable one (named after the
/// application) or the canary (`<app>-canary`) a canary release adds.
struct RenderInput {
  std::string app;
  std::int64_t env_id = 0;
  std::string env_type;
  std::string namespace_name;
  std::string image;  ///< full address, with a tag or @digest
  EnvSpec spec;
  std::string track = kTrackStable;
  int replicas = -1;  ///< -1: spec.replicas
};

/// `app` for the stable track, `app-<track>` otherwise.
std::string DeploymentName(const std::string& app, const std::string& track);

/// The label selector of an environment's pods ("app=web,env=test"), with
/// `track` when given.
std::string PodSelector(const std::string& app, const std::string& env_type,
                        const std::string& track = "");

/// The image an environment without a build points at: an address that does
/// not exist in `registry`, so pods fail to pull it and show ErrImagePull /
/// ImagePullBackOff until the first release sets a real image (R-ENV-2).
std::string PlaceholderImage(const std::string& registry, const std::string& app);

boost::json::object RenderDeployment(const RenderInput& in);

/// The environment's Services: those of the spec, or one ClusterIP Service
/// named after the application with the container ports' mapping (R-ENV-3).
/// They select the pods of every track.
std::vector<boost::json::object> RenderServices(const RenderInput& in);

}  // namespace slipway::core
