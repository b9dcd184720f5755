#pragma once
#include <optional>
#include <string>

#include "sandbox/kubernetes/resources.hpp"

namespace slipway::sandbox::kube {

/// A request path resolved to a resource:
///   /api/v1/<plural>[/<name>[/<sub>]]                      (cluster-scoped, or all namespaces)
///   /api/v1/namespaces/<ns>/<plural>[/<name>[/<sub>]]
///   /apis/<group>/<version>/…                              (same shapes)
///   …/watch/…                                              (legacy watch prefix)
struct ApiPath {
  const ResourceType* type = nullptr;
  std::string ns;    ///< empty: cluster-scoped type, or all namespaces
  std::string name;  ///< empty: the collection
  std::string sub;   ///< subresource ("scale", "status", "log", "finalize") or empty
  bool legacy_watch = false;
};

/// Resolves `path`; nullopt when it names no emulated resource.
std::optional<ApiPath> ParseApiPath(const std::string& path);

}  // namespace slipway::sandbox::kube
