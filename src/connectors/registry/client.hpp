#pragma once
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/http_transport.hpp"
#include "connectors/registry.hpp"

namespace slipway::connectors::registry {

/// The Registry port over HTTP (OCI Distribution / Docker Registry v2).
///
/// Authentication: with `basic_user` set, requests carry basic credentials;
/// when the registry answers 401 with a `WWW-Authenticate: Bearer
/// realm=…,service=…,scope=…` challenge, the client fetches a token from the
/// realm (with the basic credentials, if any), keeps it and repeats the call
/// once. Upload `Location`s are followed as given (absolute or relative).
/// Thread-safe.
class RegistryClient final : public Registry {
 public:
  /// `settings.base_url` is the registry root ("https://registry.example.com:5000").
  explicit RegistryClient(TransportSettings settings);

  core::Status Ping() override;
  core::Result<ManifestInfo> HeadManifest(std::string_view repository,
                                          std::string_view reference) override;
  core::Result<ManifestInfo> GetManifest(std::string_view repository,
                                         std::string_view reference) override;
  core::Result<std::vector<std::string>> ListTags(std::string_view repository,
                                                  int page_size) override;
  core::Status DeleteManifest(std::string_view repository, std::string_view digest) override;
  core::Result<ManifestInfo> PushImage(std::string_view repository, std::string_view tag) override;

 private:
  /// Sends with the current credentials, answering one bearer challenge.
  core::Result<TransportResponse> Call(TransportRequest request);
  core::Result<std::string> FetchToken(std::string_view challenge);
  core::Status UploadBlob(std::string_view repository, const std::string& bytes,
                          const std::string& digest);
  std::string PathOf(std::string_view location) const;

  TransportSettings token_settings_;  ///< TLS and proxy for the token realm
  std::string user_;
  std::string password_;
  HttpTransport transport_;
  std::mutex mutex_;
  std::string bearer_;  ///< the last token obtained, reused until refused
};

/// The registry's error for a failed response: its `errors[0]` code and
/// message kept ("MANIFEST_UNKNOWN: manifest unknown").
core::Error RegistryError(const TransportResponse& response, std::string_view what);

}  // namespace slipway::connectors::registry
