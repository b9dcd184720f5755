#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>

namespace slipway::sandbox::kube {

/// The legacy (unaggregated) discovery documents for `path`: /version, /api,
/// /api/v1, /apis, /apis/<group>, /apis/<group>/<version>; nullopt for any
/// other path. kubectl decides by the response Content-Type, so answering
/// plain application/json to its aggregated-discovery Accept header makes it
/// fall back to these (protocols/kubernetes.md §2).
/// `server_address` is host:port for APIVersions.serverAddressByClientCIDRs.
std::optional<boost::json::object> Discovery(const std::string& path,
                                             const std::string& server_address);

}  // namespace slipway::sandbox::kube
