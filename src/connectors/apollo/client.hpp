#pragma once
#include <string>

#include "connectors/apollo.hpp"
#include "connectors/http_transport.hpp"

namespace slipway::connectors::apollo {

struct ApolloSettings {
  TransportSettings transport;  ///< base_url: the portal, e.g. http://apollo-portal:8070
  std::string token;            ///< Open Platform token, sent raw in Authorization
};

/// ApolloPortal over the Portal Open API (/openapi/v1). Keys outside
/// [A-Za-z0-9._-] go through `encodedItems/{base64url(key)}`.
class ApolloClient final : public ApolloPortal {
 public:
  explicit ApolloClient(ApolloSettings settings);

  core::Result<ApolloCluster> GetCluster(std::string_view env, std::string_view app_id,
                                         std::string_view cluster) override;
  core::Result<ApolloCluster> CreateCluster(std::string_view env, std::string_view app_id,
                                            std::string_view cluster,
                                            std::string_view operator_name) override;
  core::Status DeleteCluster(std::string_view env, std::string_view app_id,
                             std::string_view cluster, std::string_view operator_user) override;
  core::Result<std::string> CreateAppNamespace(std::string_view app_id, std::string_view name,
                                               std::string_view format,
                                               std::string_view operator_name) override;
  core::Result<std::vector<ApolloNamespace>> ListNamespaces(std::string_view env,
                                                            std::string_view app_id,
                                                            std::string_view cluster) override;
  core::Result<ApolloNamespace> GetNamespace(const ApolloNamespaceRef& ns) override;
  core::Result<ApolloItem> CreateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                                      std::string_view operator_name) override;
  core::Status UpdateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                          std::string_view operator_name, bool create_if_missing = false) override;
  core::Status DeleteItem(const ApolloNamespaceRef& ns, std::string_view key,
                          std::string_view operator_name) override;
  core::Result<ApolloRelease> Publish(const ApolloNamespaceRef& ns, std::string_view title,
                                      std::string_view comment,
                                      std::string_view released_by) override;
  core::Result<std::optional<ApolloRelease>> LatestRelease(const ApolloNamespaceRef& ns) override;

 private:
  /// Sends and maps failures; on success returns the response.
  core::Result<TransportResponse> Call(const std::string& method, const std::string& path,
                                       std::optional<std::string> body, std::string_view what);
  HttpTransport transport_;
};

/// Maps a failed Open API response: 400 "… already exists …" → conflict, the
/// rest by status; keeps the portal's `message` (or the container's `error`).
core::Error ApolloError(const TransportResponse& response, std::string_view what);

/// The item path segment for `key`: "items/<key>" or "encodedItems/<b64url>".
std::string ItemSegment(std::string_view key);

}  // namespace slipway::connectors::apollo
