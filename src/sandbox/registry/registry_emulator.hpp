#pragma once
#include <boost/json/value.hpp>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "sandbox/emulator.hpp"

namespace slipway::sandbox::registry {

/// Switches between the behaviours real registries differ on. The defaults
/// mimic Distribution 2.8.2 (Debian's docker-registry) with delete enabled.
struct RegistryEmulatorOptions {
  bool delete_enabled = true;  ///< off: 405 UNSUPPORTED, the real default
  bool delete_by_tag = false;  ///< on: 202 like OCI 1.1 registries; off: 400 DIGEST_INVALID
  bool strict_accept = true;   ///< refuse a manifest GET whose Accept lacks its type
  std::string user{};          ///< set: credentials are required
  std::string password{};
  bool bearer = false;  ///< token auth: 401 Bearer challenge, tokens from GET /token
};

/// An OCI Distribution registry in memory: content-addressed blobs linked
/// per repository, upload sessions (POST, PATCH, PUT ?digest= with sha256
/// verification), manifests kept as exact bytes with their media type, tags,
/// delete by digest (dropping its tags), tag listing with n/last and Link,
/// the repository catalog (GET /v2/_catalog, n/last and Link), and the
/// registry's error bodies. Thread-safe.
class RegistryEmulator final : public Emulator {
 public:
  explicit RegistryEmulator(RegistryEmulatorOptions options = {});

  std::string_view system() const override { return "registry"; }
  http::Response Handle(http::Request& request) override;
  boost::json::value State() const override;
  void Reset() override;
  void SetBaseUrl(const std::string& url) override;

  /// Whether the image ("host:port/team/app:1.0", "team/app@sha256:…") is
  /// stored. The host part is ignored: the sandbox has one registry. For the
  /// Kubernetes emulator's image-pull check.
  bool ImageExists(std::string_view reference) const;
  /// "http://127.0.0.1:PORT" once the host started it.
  std::string base_url() const;
  /// "127.0.0.1:PORT": the host part of image references for this registry.
  std::string host() const;
  const RegistryEmulatorOptions& options() const { return options_; }

 private:
  struct Manifest {
    std::string bytes;
    std::string media_type;
  };
  struct Repo {
    /// A blob was linked once (Distribution's `_layers` folder, which stays
    /// when blobs are deleted): only such repositories are in the catalog.
    bool had_blobs = false;
    std::set<std::string> blobs;                ///< linked blob digests
    std::map<std::string, Manifest> manifests;  ///< by digest
    std::map<std::string, std::string> tags;    ///< tag → digest
  };
  struct Upload {
    std::string repository;
    std::string data;
  };

  std::optional<http::Response> CheckAuth(const http::Request& request,
                                          std::string_view repository) const;
  http::Response IssueToken(const http::Request& request);
  http::Response Route(http::Request& request);
  http::Response Uploads(http::Request& request, const std::string& name, const std::string& uuid);
  http::Response Blobs(http::Request& request, const std::string& name, const std::string& digest);
  http::Response Manifests(http::Request& request, const std::string& name,
                           const std::string& reference);
  http::Response PutManifest(http::Request& request, const std::string& name,
                             const std::string& reference);
  http::Response DeleteManifest(const std::string& name, const std::string& reference);
  http::Response Tags(const http::Request& request, const std::string& name);
  http::Response Catalog(const http::Request& request);
  std::string UploadLocation(const std::string& name, const std::string& uuid) const;

  const RegistryEmulatorOptions options_;
  mutable std::mutex mutex_;
  std::string base_url_;
  std::map<std::string, std::string> blobs_;  ///< digest → bytes, shared by every repository
  std::map<std::string, Repo, std::less<>> repos_;
  std::map<std::string, Upload> uploads_;  ///< by UUID
  std::set<std::string> tokens_;
};

/// A Distribution error response: {"errors":[{"code","message","detail"?}]}.
http::Response RegistryErrorResponse(int status, std::string_view code, std::string_view message,
                                     const boost::json::value& detail = nullptr);

}  // namespace slipway::sandbox::registry
