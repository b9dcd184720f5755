#pragma once
// The HTTP side of the API server's REST conventions, shared by the client and
// its watchers: URLs of collections and objects, one call, a paginated list.

#include <optional>
#include <string>
#include <string_view>

#include "connectors/http_transport.hpp"
#include "connectors/kubernetes.hpp"

namespace slipway::connectors::kube {

/// "/api/v1/namespaces/{ns}/pods" or "/apis/apps/v1/deployments" (all
/// namespaces when `ns` is empty; cluster-scoped resources ignore it).
std::string CollectionPath(const KubeResource& resource, std::string_view ns);
/// CollectionPath + "/{name}" [+ "/{subresource}"].
std::string ObjectPath(const KubeResource& resource, std::string_view ns, std::string_view name,
                       std::string_view subresource = "");
/// "?a=b&c=d" from pairs, values percent-encoded, empty values skipped.
std::string Query(std::initializer_list<std::pair<std::string_view, std::string_view>> params);

/// One call answered with a JSON object; non-2xx become ErrorFromStatus.
core::Result<KubeObject> Call(HttpTransport& transport, std::string method, std::string path,
                              std::optional<std::string> body = std::nullopt,
                              std::string content_type = "application/json",
                              std::optional<bool> idempotent = std::nullopt);

/// GET every page of a collection (limit/continue). An expired continue
/// token (410) restarts the list once, as client-go's pager does.
core::Result<ObjectList> ListAll(HttpTransport& transport, const KubeResource& resource,
                                 std::string_view ns, const ListOptions& options);

}  // namespace slipway::connectors::kube
