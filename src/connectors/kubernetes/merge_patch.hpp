#pragma once
#include <boost/json/value.hpp>

namespace slipway::connectors::kube {

/// RFC 7386 JSON merge patch: maps merge, null deletes, lists are replaced.
boost::json::value MergePatch(const boost::json::value& target, const boost::json::value& patch);

/// Kubernetes strategic merge patch for the built-in types Slipway uses:
/// like a merge patch, but lists with a patch merge key are merged element by
/// element (containers, initContainers, env, volumes, imagePullSecrets by
/// name; volumeMounts by mountPath; container ports by containerPort; Service
/// ports by port; conditions by type), and `$patch: delete` in an element
/// removes it. Other lists are replaced. Used by the fake; the API server
/// applies patches itself.
boost::json::value StrategicMergePatch(const boost::json::value& target,
                                       const boost::json::value& patch);

}  // namespace slipway::connectors::kube
