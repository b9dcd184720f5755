#pragma once
// What the emulated API server makes up: object uids, generated name
// suffixes, and content digests (image digests, container ids, ETags).
#include <string>
#include <string_view>

namespace slipway::connectors::kube::model {

/// Lowercase hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);
/// A random RFC 4122 version-4 UUID string.
std::string NewUid();
/// `n` random characters from the alphabet Kubernetes uses for generated names.
std::string RandomSuffix(int n);

}  // namespace slipway::connectors::kube::model
