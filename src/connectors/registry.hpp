#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

/// Manifest media types Slipway asks for and understands.
inline constexpr std::string_view kOciManifest = "application/vnd.oci.image.manifest.v1+json";
inline constexpr std::string_view kOciIndex = "application/vnd.oci.image.index.v1+json";
inline constexpr std::string_view kDockerManifest =
    "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr std::string_view kDockerManifestList =
    "application/vnd.docker.distribution.manifest.list.v2+json";

/// What a manifest HEAD or GET tells: its digest ("sha256:<64 hex>"), media
/// type, size and — for GET — the exact bytes.
struct ManifestInfo {
  std::string digest{};
  std::string media_type{};
  std::int64_t size = 0;  ///< 0 when the server did not say (some HEAD answers)
  std::string body{};     ///< empty for HEAD
};

/// The OCI Distribution (Docker Registry v2) operations Slipway needs: is an
/// image there, what is its digest, which tags exist, delete a build's image.
/// `repository` is the path inside the registry ("team/app"), `reference` a
/// tag or a digest. Every call is thread-safe. Failures: kNotFound (unknown
/// repository, tag or digest), kInvalid (bad name, delete by tag, bad
/// manifest), kUnauthenticated / kForbidden (credentials), kTransient
/// (unreachable, 5xx, 429; idempotent calls were already retried), each with
/// the registry's own error code and message kept.
class Registry {
 public:
  virtual ~Registry() = default;

  /// GET /v2/: reachable and credentials accepted. Idempotent.
  virtual core::Status Ping() = 0;

  /// HEAD of a manifest: digest and media type without the body. Idempotent.
  virtual core::Result<ManifestInfo> HeadManifest(std::string_view repository,
                                                  std::string_view reference) = 0;

  /// GET of a manifest with its bytes; the digest is the server's
  /// Docker-Content-Digest, checked against the sha256 of the bytes. Idempotent.
  virtual core::Result<ManifestInfo> GetManifest(std::string_view repository,
                                                 std::string_view reference) = 0;

  /// Every tag of the repository, sorted, following `n`/`last` pagination
  /// (`page_size` 0: the server's default page). A repository whose tags were
  /// all deleted gives an empty list. Idempotent.
  virtual core::Result<std::vector<std::string>> ListTags(std::string_view repository,
                                                          int page_size = 0) = 0;

  /// Deletes the manifest with this digest, which removes every tag pointing
  /// at it. Only digests are accepted (a tag gives kInvalid, as Distribution
  /// answers); an unknown digest gives kNotFound. Idempotent in effect.
  virtual core::Status DeleteManifest(std::string_view repository, std::string_view digest) = 0;

  /// Uploads a tiny valid OCI image (a config blob and one uncompressed tar
  /// layer naming repository:tag) and tags it; returns its manifest. The same
  /// repository and tag always give the same digest. Used by the sandbox's
  /// Jenkins and by tests. Not idempotent as a whole, but safe to repeat.
  virtual core::Result<ManifestInfo> PushImage(std::string_view repository,
                                               std::string_view tag) = 0;
};

}  // namespace slipway::connectors
