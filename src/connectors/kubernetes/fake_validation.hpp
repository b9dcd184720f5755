#pragma once
// What the API server's validation refuses in the networking objects lanes
// write (Services, including type ExternalName, and networking.k8s.io/v1
// Ingresses), for the fake: the same field paths and texts the API server
// puts in its 422, so the fake fails where a cluster would.

#include <string>
#include <vector>

#include "connectors/kubernetes.hpp"

namespace slipway::connectors::fake {

/// "field: reason" per problem, in the API server's order; empty when valid.
std::vector<std::string> ServiceProblems(const KubeObject& service);
std::vector<std::string> IngressProblems(const KubeObject& ingress);

}  // namespace slipway::connectors::fake
