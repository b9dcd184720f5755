#pragma once
// What the API server does to a written object before storing it, shared by
// the fake (in process) and the emulator (over HTTP): kind and name checks,
// server-owned metadata, defaulting (defaults.hpp), validation
// (validation.hpp), immutable fields, resourceVersion preconditions,
// generation, and the namespace's lifecycle. Failures are the Status errors
// of status_errors.hpp. Not here, because it is the emulator's alone: the
// OpenAPI field check (`fieldValidation`, sandbox/kubernetes/field_validation.*),
// which runs before these on the decoded body.

#include <boost/json.hpp>
#include <string>

#include "connectors/kubernetes/model/cluster.hpp"
#include "core/common/error.hpp"

namespace slipway::connectors::kube::model {

/// 400 when the body names another kind or apiVersion than the URL's type
/// (absent ones are the URL's), as the apiserver's decoder refuses it.
core::Status CheckKind(const ResourceType& type, const boost::json::object& object);

/// A POST to `ns` (empty for cluster-scoped types): the object to store, or
/// the apiserver's refusal in its order — 400 kind or namespace mismatch,
/// 422 invalid (after defaulting), 404 missing namespace, 403 terminating
/// namespace, 409 AlreadyExists. Fills `generateName`, drops the
/// server-owned metadata and the status of types whose status is the
/// controllers'. Does not store.
core::Result<boost::json::object> AdmitCreate(Cluster& cluster, const ResourceType& type,
                                              const std::string& ns, boost::json::object object);

/// 409 Conflict when `updated` carries a resourceVersion other than `old`'s
/// (none: the write is unconditional).
core::Status CheckResourceVersion(const ResourceType& type, const boost::json::object& updated,
                                  const boost::json::object& old);

/// A PUT (or a patch's result) over the stored `old`: the object to store,
/// or 409 stale resourceVersion, 400 kind or name mismatch, 422 invalid
/// (immutable fields included). Keeps the identity metadata and the status
/// of `old`, carries a Service's cluster IPs over, defaults, and bumps
/// `generation` when the spec changed. Does not store.
core::Result<boost::json::object> AdmitUpdate(Cluster& cluster, const ResourceType& type,
                                              boost::json::object updated,
                                              const boost::json::object& old);

/// Stores an admitted update; a write that changes nothing is not stored
/// and keeps its resourceVersion (no event), as the apiserver skips it.
boost::json::object StoreUpdate(Cluster& cluster, const ResourceType& type,
                                boost::json::object next, const boost::json::object& old);

}  // namespace slipway::connectors::kube::model
