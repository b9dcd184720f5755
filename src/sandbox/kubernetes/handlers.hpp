#pragma once
#include <boost/json.hpp>
#include <string>

#include "http/message.hpp"
#include "sandbox/kubernetes/api_path.hpp"
#include "sandbox/kubernetes/cluster.hpp"

namespace slipway::sandbox::kube {

/// Serves one resource request (list, watch, get, create, replace, patch,
/// delete, deletecollection, subresources). Throws ApiError for failures.
/// The caller holds the cluster's lock.
http::Response ServeResource(Cluster& cluster, const ApiPath& path, http::Request& request);

// The verbs, for the dispatcher and the subresources (writes.cpp).

/// POST to a collection.
http::Response CreateObject(Cluster& cluster, const ApiPath& path, http::Request& request);
/// PUT of a whole object.
http::Response ReplaceObject(Cluster& cluster, const ApiPath& path, http::Request& request);
/// PATCH with any of the four patch types (apply creates when absent).
http::Response PatchObject(Cluster& cluster, const ApiPath& path, http::Request& request);
/// DELETE of one object, with DeleteOptions from the body or the query.
http::Response DeleteObject(Cluster& cluster, const ApiPath& path, http::Request& request);

/// Applies a PATCH body of the request's content type to `target`.
/// Throws ApiError 415 for other types, 400/422 when the patch is bad.
boost::json::value ApplyPatchBody(const boost::json::value& target, const http::Request& request);

/// Stores `updated` over `old` as an update: keeps identity fields (uid,
/// creationTimestamp, …), checks a given resourceVersion (409), defaults,
/// validates, bumps generation on spec changes, skips no-op writes. With
/// `status_only` only `status` is taken from `updated`; otherwise `status`
/// is kept from `old`. Returns the stored object.
boost::json::object CommitUpdate(Cluster& cluster, const ResourceType& type,
                                 boost::json::object updated, const boost::json::object& old,
                                 bool status_only, bool dry_run);

/// The object or 404.
const boost::json::object& MustGet(Cluster& cluster, const ResourceType& type,
                                   const std::string& ns, const std::string& name);

/// scale/status/log subresources (subresources.cpp).
http::Response ServeSubresource(Cluster& cluster, const ApiPath& path, http::Request& request);

/// A Table (meta.k8s.io/v1) for kubectl's human output (table.cpp).
boost::json::object ToTable(const ResourceType& type,
                            const std::vector<const boost::json::object*>& objects,
                            const std::string& resource_version, const std::string& cont);

/// Whether the Accept header asks for a server-side Table / PartialObjectMetadata.
bool WantsTable(const http::Request& request);
bool WantsMetadataOnly(const http::Request& request);

}  // namespace slipway::sandbox::kube
