#include "connectors/apollo/client.hpp"

#include <boost/json.hpp>

#include "connectors/apollo/dto.hpp"
#include "connectors/webhook/hmac.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::apollo {

namespace {

std::string ClusterPath(std::string_view env, std::string_view app_id, std::string_view cluster) {
  return "/openapi/v1/envs/" + UrlEncode(env) + "/apps/" + UrlEncode(app_id) + "/clusters/" +
         UrlEncode(cluster);
}

std::string NamespacePath(const ApolloNamespaceRef& ns) {
  return ClusterPath(ns.env, ns.app_id, ns.cluster) + "/namespaces/" + UrlEncode(ns.name);
}

std::string What(const ApolloNamespaceRef& ns) {
  return ns.env + "/" + ns.app_id + "/" + ns.cluster + "/" + ns.name;
}

core::Result<boost::json::object> ParseObject(const std::string& body) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object())
    return core::Error{
        core::Code::kTransient, "apollo: unexpected reply: " + body.substr(0, 200), {}};
  return std::move(v.as_object());
}

}  // namespace

std::string ItemSegment(std::string_view key) {
  bool plain = !key.empty();
  for (unsigned char c : key) {
    plain = plain && (std::isalnum(c) || c == '.' || c == '_' || c == '-');
  }
  if (plain) return "items/" + std::string(key);
  std::string b64 = Base64Encode(key);  // URL-safe alphabet, which the portal also accepts
  for (auto& c : b64) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return "encodedItems/" + b64;
}

core::Error ApolloError(const TransportResponse& response, std::string_view what) {
  std::string message;
  boost::system::error_code ec;
  auto v = boost::json::parse(response.body, ec);
  if (!ec && v.is_object()) {
    message = core::StringAt(v.as_object(), {"message"});
    if (message.empty()) message = core::StringAt(v.as_object(), {"error"});
  }
  if (message.empty())
    message = response.body.empty() ? "HTTP " + std::to_string(response.status) : response.body;
  auto error = ErrorFromResponse("apollo", response, std::string(what) + ": " + message);
  if (response.status == 400 && message.find("already exists") != std::string::npos) {
    error.code = core::Code::kConflict;
  }
  return error;
}

ApolloClient::ApolloClient(ApolloSettings settings)
    : transport_([&] {
        auto t = settings.transport;
        t.default_headers.emplace_back("Authorization", settings.token);  // raw, no "Bearer"
        t.default_headers.emplace_back("Content-Type", "application/json;charset=UTF-8");
        return t;
      }()) {}

core::Result<TransportResponse> ApolloClient::Call(const std::string& method,
                                                   const std::string& path,
                                                   std::optional<std::string> body,
                                                   std::string_view what) {
  TransportRequest request;
  request.method = method;
  request.path = path;
  request.body = std::move(body);
  auto response = transport_.Send(request);
  if (!response.ok()) return response.error();
  if (response->status < 200 || response->status >= 300) return ApolloError(*response, what);
  return response;
}

core::Result<ApolloCluster> ApolloClient::GetCluster(std::string_view env, std::string_view app_id,
                                                     std::string_view cluster) {
  auto r = Call("GET", ClusterPath(env, app_id, cluster), std::nullopt,
                "getting cluster " + std::string(cluster));
  if (!r.ok()) return r.error();
  auto o = ParseObject(r->body);
  if (!o.ok()) return o.error();
  return ClusterFromJson(*o);
}

core::Result<ApolloCluster> ApolloClient::CreateCluster(std::string_view env,
                                                        std::string_view app_id,
                                                        std::string_view cluster,
                                                        std::string_view operator_name) {
  boost::json::object body{
      {"name", cluster}, {"appId", app_id}, {"dataChangeCreatedBy", operator_name}};
  auto r = Call("POST",
                "/openapi/v1/envs/" + UrlEncode(env) + "/apps/" + UrlEncode(app_id) + "/clusters",
                boost::json::serialize(body), "creating cluster " + std::string(cluster));
  if (!r.ok()) return r.error();
  auto o = ParseObject(r->body);
  if (!o.ok()) return o.error();
  return ClusterFromJson(*o);
}

core::Status ApolloClient::DeleteCluster(std::string_view env, std::string_view app_id,
                                         std::string_view cluster, std::string_view operator_user) {
  auto r =
      Call("DELETE", ClusterPath(env, app_id, cluster) + "?operator=" + UrlEncode(operator_user),
           std::nullopt, "deleting cluster " + std::string(cluster));
  if (!r.ok()) return r.error();
  return core::Ok{};
}

core::Result<std::string> ApolloClient::CreateAppNamespace(std::string_view app_id,
                                                           std::string_view name,
                                                           std::string_view format,
                                                           std::string_view operator_name) {
  boost::json::object body{{"name", name},     {"appId", app_id},
                           {"format", format}, {"isPublic", false},
                           {"comment", ""},    {"dataChangeCreatedBy", operator_name}};
  auto r = Call("POST", "/openapi/v1/apps/" + UrlEncode(app_id) + "/appnamespaces",
                boost::json::serialize(body), "creating namespace " + std::string(name));
  if (!r.ok()) return r.error();
  auto o = ParseObject(r->body);
  if (!o.ok()) return o.error();
  auto full = core::StringAt(*o, {"name"});
  if (full.empty())
    return core::Error{core::Code::kTransient, "apollo: namespace reply without a name", {}};
  return full;
}

core::Result<std::vector<ApolloNamespace>> ApolloClient::ListNamespaces(std::string_view env,
                                                                        std::string_view app_id,
                                                                        std::string_view cluster) {
  auto r = Call("GET", ClusterPath(env, app_id, cluster) + "/namespaces?fillItemDetail=true",
                std::nullopt, "listing namespaces of " + std::string(cluster));
  if (!r.ok()) return r.error();
  boost::system::error_code ec;
  auto v = boost::json::parse(r->body, ec);
  if (ec || !v.is_array())
    return core::Error{core::Code::kTransient, "apollo: unexpected namespace list", {}};
  std::vector<ApolloNamespace> out;
  for (const auto& n : v.as_array()) {
    if (n.is_object()) out.push_back(NamespaceFromJson(n.as_object()));
  }
  return out;
}

core::Result<ApolloNamespace> ApolloClient::GetNamespace(const ApolloNamespaceRef& ns) {
  auto r = Call("GET", NamespacePath(ns), std::nullopt, "getting namespace " + What(ns));
  if (!r.ok()) return r.error();
  auto o = ParseObject(r->body);
  if (!o.ok()) return o.error();
  return NamespaceFromJson(*o);
}

core::Result<ApolloItem> ApolloClient::CreateItem(const ApolloNamespaceRef& ns,
                                                  const ApolloItem& item,
                                                  std::string_view operator_name) {
  boost::json::object body{{"key", item.key},
                           {"value", item.value},
                           {"comment", item.comment},
                           {"dataChangeCreatedBy", operator_name}};
  auto r = Call("POST", NamespacePath(ns) + "/items", boost::json::serialize(body),
                "creating item " + item.key + " in " + What(ns));
  if (!r.ok()) return r.error();
  auto o = ParseObject(r->body);
  if (!o.ok()) return o.error();
  return ItemFromJson(*o);
}

core::Status ApolloClient::UpdateItem(const ApolloNamespaceRef& ns, const ApolloItem& item,
                                      std::string_view operator_name, bool create_if_missing) {
  boost::json::object body{{"key", item.key},
                           {"value", item.value},
                           {"comment", item.comment},
                           {"dataChangeLastModifiedBy", operator_name},
                           {"dataChangeCreatedBy", operator_name}};
  std::string path = NamespacePath(ns) + "/" + ItemSegment(item.key);
  if (create_if_missing) path += "?createIfNotExists=true";
  auto r = Call("PUT", path, boost::json::serialize(body),
                "updating item " + item.key + " in " + What(ns));
  if (!r.ok()) return r.error();
  return core::Ok{};
}

core::Status ApolloClient::DeleteItem(const ApolloNamespaceRef& ns, std::string_view key,
                                      std::string_view operator_name) {
  auto r =
      Call("DELETE",
           NamespacePath(ns) + "/" + ItemSegment(key) + "?operator=" + UrlEncode(operator_name),
           std::nullopt, "deleting item " + std::string(key) + " in " + What(ns));
  if (!r.ok()) return r.error();
  return core::Ok{};
}

core::Result<ApolloRelease> ApolloClient::Publish(const ApolloNamespaceRef& ns,
                                                  std::string_view title, std::string_view comment,
                                                  std::string_view released_by) {
  boost::json::object body{{"releaseTitle", title},
                           {"releaseComment", comment},
                           {"releasedBy", released_by},
                           {"isEmergencyPublish", false}};
  auto r = Call("POST", NamespacePath(ns) + "/releases", boost::json::serialize(body),
                "publishing " + What(ns));
  if (!r.ok()) return r.error();
  auto o = ParseObject(r->body);
  if (!o.ok()) return o.error();
  return ReleaseFromJson(*o);
}

core::Result<std::optional<ApolloRelease>> ApolloClient::LatestRelease(
    const ApolloNamespaceRef& ns) {
  auto r = Call("GET", NamespacePath(ns) + "/releases/latest", std::nullopt,
                "reading the latest release of " + What(ns));
  if (!r.ok()) return r.error();
  // The portal answers 200 with an empty body when nothing was released yet.
  if (r->body.find_first_not_of(" \r\n\t") == std::string::npos)
    return std::optional<ApolloRelease>{};
  auto o = ParseObject(r->body);
  if (!o.ok()) return o.error();
  return std::optional<ApolloRelease>{ReleaseFromJson(*o)};
}

}  // namespace slipway::connectors::apollo
