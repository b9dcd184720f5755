#include "connectors/kubernetes/rest.hpp"

#include <boost/json/parse.hpp>

#include "connectors/kubernetes/errors.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::kube {

namespace {
constexpr int kPageSize = 500;
}

std::string CollectionPath(const KubeResource& resource, std::string_view ns) {
  std::string path =
      resource.api_version == "v1" ? "/api/v1" : "/apis/" + std::string(resource.api_version);
  if (resource.namespaced && !ns.empty()) path += "/namespaces/" + UrlEncode(ns);
  path += "/";
  path += resource.plural;
  return path;
}

std::string ObjectPath(const KubeResource& resource, std::string_view ns, std::string_view name,
                       std::string_view subresource) {
  std::string path = CollectionPath(resource, ns) + "/" + UrlEncode(name);
  if (!subresource.empty()) path += "/" + std::string(subresource);
  return path;
}

std::string Query(std::initializer_list<std::pair<std::string_view, std::string_view>> params) {
  std::string query;
  for (const auto& [key, value] : params) {
    if (value.empty()) continue;
    query += query.empty() ? '?' : '&';
    query += std::string(key) + "=" + UrlEncode(value);
  }
  return query;
}

core::Result<KubeObject> Call(HttpTransport& transport, std::string method, std::string path,
                              std::optional<std::string> body, std::string content_type,
                              std::optional<bool> idempotent) {
  TransportRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  request.headers = {{"Accept", "application/json"}};
  if (body) request.headers.emplace_back("Content-Type", std::move(content_type));
  request.body = std::move(body);
  request.idempotent = idempotent;
  auto response = transport.Send(request);
  if (!response.ok()) return response.error();
  if (response->status < 200 || response->status >= 300) {
    return ErrorFromStatus(response->status, response->body);
  }
  boost::system::error_code ec;
  auto parsed = boost::json::parse(response->body, ec);
  if (ec || !parsed.is_object()) {
    return core::Error{core::Code::kTransient,
                       "kubernetes: " + request.method + " " + request.path + " answered " +
                           std::to_string(response->status) +
                           " with a body that is not a JSON object",
                       {{"system", "kubernetes"}, {"status", response->status}}};
  }
  return std::move(parsed.as_object());
}

core::Result<ObjectList> ListAll(HttpTransport& transport, const KubeResource& resource,
                                 std::string_view ns, const ListOptions& options) {
  const std::string limit = std::to_string(kPageSize);
  for (int attempt = 0;; ++attempt) {
    ObjectList list;
    std::string next;
    core::Error failure;
    bool failed = false;
    do {
      auto page =
          Call(transport, "GET",
               CollectionPath(resource, ns) + Query({{"labelSelector", options.label_selector},
                                                     {"fieldSelector", options.field_selector},
                                                     {"limit", limit},
                                                     {"continue", next}}));
      if (!page.ok()) {
        failure = page.error();
        failed = true;
        break;
      }
      if (const auto* items = page->if_contains("items"); items && items->is_array()) {
        for (auto& item : items->as_array()) {
          if (item.is_object()) list.items.push_back(std::move(item.as_object()));
        }
      }
      // Every page carries the list's resourceVersion; the first one counts.
      if (list.resource_version.empty()) {
        list.resource_version = core::StringAt(*page, {"metadata", "resourceVersion"});
      }
      next = core::StringAt(*page, {"metadata", "continue"});
    } while (!next.empty());
    if (!failed) return list;
    if (attempt == 0 && IsExpired(failure)) continue;
    return failure;
  }
}

}  // namespace slipway::connectors::kube
