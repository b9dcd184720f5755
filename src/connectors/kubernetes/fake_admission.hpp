#pragma once
// What the fake's API server does to a written object before storing it —
// the defaults and validation of the fields Slipway uses — and the Status
// errors it answers with, in the texts the API server uses.

#include <optional>
#include <string>
#include <string_view>

#include "connectors/kubernetes.hpp"
#include "connectors/kubernetes/model/cluster.hpp"
#include "core/common/error.hpp"

namespace slipway::connectors::fake {

/// `deployments.apps "web"`, as the API server names objects in messages.
std::string Qualified(const KubeResource& r, std::string_view name);
/// The error the real client makes of a `kind: Status` answer.
core::Error StatusError(int code, const char* reason, std::string message);
core::Error NotFoundError(const KubeResource& r, std::string_view name);
/// spec.selector.matchLabels as "k=v,k=v".
std::string Selector(const KubeObject& o);
/// The API server's defaults for the fields Slipway reads back (Service
/// cluster IPs from the model's cluster).
void Default(const KubeResource& r, KubeObject& o, const KubeObject* current,
             kube::model::Cluster& cluster);
/// 422 for what the API server's validation would refuse among the fields we know.
std::optional<core::Error> Validate(const KubeResource& r, const KubeObject& o,
                                    const KubeObject* current);

}  // namespace slipway::connectors::fake
