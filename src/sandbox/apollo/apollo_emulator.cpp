#include "sandbox/apollo/apollo_emulator.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "connectors/apollo/dto.hpp"
#include "connectors/webhook/hmac.hpp"
#include "core/common/json_path.hpp"

namespace slipway::sandbox {

namespace {

namespace apollo = connectors::apollo;
using connectors::ApolloItem;
using connectors::ApolloNamespaceRef;

// The portal's ExceptionResponse; duplicates are 400 there, not 409.
http::Response Failure(const core::Error& error) {
  int status = 400;
  std::string exception = "com.ctrip.framework.apollo.common.exception.BadRequestException";
  if (error.code == core::Code::kNotFound) {
    status = 404;
    exception = "com.ctrip.framework.apollo.common.exception.NotFoundException";
  } else if (error.code == core::Code::kForbidden) {
    status = 403;
    exception = "org.springframework.security.access.AccessDeniedException";
  }
  return http::Response::Json(status, boost::json::object{{"status", status},
                                                          {"message", error.message},
                                                          {"timestamp", apollo::ApolloNow()},
                                                          {"exception", exception}});
}

http::Response BadRequest(std::string message) {
  return Failure(core::Invalid(std::move(message)));
}

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    parts.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

std::optional<std::string> DecodeKey(std::string b64) {
  for (auto& c : b64) c = c == '-' ? '+' : c == '_' ? '/' : c;  // URL-safe or standard
  return connectors::Base64Decode(b64);
}

template <class T>
http::Response Reply(const core::Result<T>& result, boost::json::object (*to_json)(const T&)) {
  if (!result.ok()) return Failure(result.error());
  return http::Response::Json(200, to_json(result.value()));
}

}  // namespace

ApolloEmulator::ApolloEmulator(ApolloEmulatorOptions options)
    : options_(std::move(options)), store_(options_.store) {}

http::Response ApolloEmulator::Handle(http::Request& request) {
  auto parts = Split(request.path);
  if (parts.size() < 4 || parts[0] != "openapi" || parts[1] != "v1") {
    return http::Response::Json(
        404, boost::json::object{{"status", 404}, {"error", "Not Found"}, {"path", request.path}});
  }
  std::string token(request.Header("authorization"));
  auto grant = options_.tokens.find(token);
  if (token.empty() || grant == options_.tokens.end()) {
    return http::Response::Json(401, boost::json::object{{"timestamp", apollo::ApolloNow()},
                                                         {"status", 401},
                                                         {"error", "Unauthorized"},
                                                         {"path", request.path}});
  }
  // The app id sits after "apps" in every Open API path.
  auto apps = std::find(parts.begin(), parts.end(), "apps");
  if (apps != parts.end() && apps + 1 != parts.end() && !grant->second.contains("*") &&
      !grant->second.contains(*(apps + 1))) {
    return Failure(core::Forbidden("token is not authorized for appId:" + *(apps + 1)));
  }
  return Route(request, parts);
}

http::Response ApolloEmulator::Route(http::Request& request, const std::vector<std::string>& p) {
  const auto& m = request.method;
  boost::json::object body;
  if (!request.body.empty()) {
    boost::system::error_code ec;
    auto v = boost::json::parse(request.body, ec);
    if (ec || !v.is_object()) return BadRequest("request body is not a JSON object");
    body = std::move(v.as_object());
  }
  // /openapi/v1/apps/{app}/envclusters and /appnamespaces
  if (p[2] == "apps" && p.size() == 5) {
    const std::string& app = p[3];
    if (p[4] == "envclusters" && m == "GET") {
      boost::json::array out;
      for (const auto& env : options_.store.envs) {
        boost::json::array clusters;
        for (const auto& c : {std::string("default")}) {
          if (store_.GetCluster(env, app, c).ok()) clusters.emplace_back(c);
        }
        out.push_back({{"env", env}, {"clusters", std::move(clusters)}});
      }
      return http::Response::Json(200, out);
    }
    if (p[4] == "appnamespaces" && m == "POST") {
      if (core::StringAt(body, {"appId"}) != app) {
        return BadRequest("AppId not equal. AppId in path = " + app +
                          ", AppId in payload = " + core::StringAt(body, {"appId"}));
      }
      for (const char* field : {"name", "format", "dataChangeCreatedBy"}) {
        if (core::StringAt(body, {field}).empty())
          return BadRequest(std::string(field) + " can not be empty");
      }
      auto full = store_.CreateAppNamespace(app, core::StringAt(body, {"name"}),
                                            core::StringAt(body, {"format"}),
                                            core::StringAt(body, {"dataChangeCreatedBy"}));
      if (!full.ok()) return Failure(full.error());
      return http::Response::Json(
          200, boost::json::object{
                   {"name", *full},
                   {"appId", app},
                   {"format", core::StringAt(body, {"format"})},
                   {"isPublic", false},
                   {"dataChangeCreatedBy", core::StringAt(body, {"dataChangeCreatedBy"})}});
    }
  }
  // /openapi/v1/envs/{env}/apps/{app}/clusters[/{cluster}[/namespaces[/{ns}[/…]]]]
  if (p[2] != "envs" || p.size() < 7 || p[4] != "apps" || p[6] != "clusters") {
    return http::Response::Json(404, boost::json::object{{"status", 404}, {"error", "Not Found"}});
  }
  const std::string &env = p[3], &app = p[5];
  if (p.size() == 7) {
    if (m != "POST") return http::Response::Json(405, boost::json::object{{"status", 405}});
    if (core::StringAt(body, {"appId"}) != app) {
      return BadRequest("AppId not equal. AppId in path = " + app +
                        ", AppId in payload = " + core::StringAt(body, {"appId"}));
    }
    return Reply(store_.CreateCluster(env, app, core::StringAt(body, {"name"}),
                                      core::StringAt(body, {"dataChangeCreatedBy"})),
                 &apollo::ClusterToJson);
  }
  const std::string& cluster = p[7];
  if (p.size() == 8 && m == "GET")
    return Reply(store_.GetCluster(env, app, cluster), &apollo::ClusterToJson);
  if (p.size() == 8 && m == "DELETE") {
    auto done = store_.DeleteCluster(env, app, cluster, request.Query("operator").value_or(""));
    return done.ok() ? http::Response::Text(200, "", "application/json") : Failure(done.error());
  }
  if (p.size() == 9 && p[8] == "namespaces" && m == "GET") {
    auto list = store_.ListNamespaces(env, app, cluster);
    if (!list.ok()) return Failure(list.error());
    boost::json::array out;
    for (const auto& n : *list) out.push_back(apollo::NamespaceToJson(n));
    return http::Response::Json(200, out);
  }
  if (p.size() < 10 || p[8] != "namespaces")
    return http::Response::Json(404, boost::json::object{{"status", 404}});
  ApolloNamespaceRef ref{env, app, cluster, p[9]};
  if (p.size() == 10 && m == "GET")
    return Reply(store_.GetNamespace(ref), &apollo::NamespaceToJson);
  const std::string section = p.size() > 10 ? p[10] : "";
  if (section == "items" && p.size() == 11) {
    if (m == "POST") {
      ApolloItem item{core::StringAt(body, {"key"}),
                      core::StringAt(body, {"value"}),
                      core::StringAt(body, {"comment"}),
                      {},
                      {},
                      {},
                      {}};
      return Reply(store_.CreateItem(ref, item, core::StringAt(body, {"dataChangeCreatedBy"})),
                   &apollo::ItemToJson);
    }
    if (m == "GET") {
      auto ns = store_.GetNamespace(ref);
      if (!ns.ok()) return Failure(ns.error());
      std::size_t page = 0, size = 50;
      try {
        page = std::stoul(request.Query("page").value_or("0"));
        size = std::clamp<std::size_t>(std::stoul(request.Query("size").value_or("50")), 1, 500);
      } catch (const std::exception&) {
        return BadRequest("page and size must be numbers");
      }
      boost::json::array content;
      for (std::size_t i = page * size; i < ns->items.size() && i < (page + 1) * size; ++i) {
        content.push_back(apollo::ItemToJson(ns->items[i]));
      }
      return http::Response::Json(200, boost::json::object{{"content", std::move(content)},
                                                           {"page", page},
                                                           {"size", size},
                                                           {"total", ns->items.size()}});
    }
  }
  if ((section == "items" || section == "encodedItems") && p.size() == 12) {
    std::string key = p[11];
    if (section == "encodedItems") {
      auto decoded = DecodeKey(key);
      if (!decoded) return BadRequest("invalid encoded item key");
      key = *decoded;
    }
    if (m == "GET") return Reply(store_.GetItem(ref, key), &apollo::ItemToJson);
    if (m == "PUT") {
      if (core::StringAt(body, {"key"}) != key)
        return BadRequest("Key in path and payload is not consistent");
      ApolloItem item{
          key, core::StringAt(body, {"value"}), core::StringAt(body, {"comment"}), {}, {}, {}, {}};
      auto op = core::StringAt(body, {"dataChangeLastModifiedBy"});
      auto done = store_.UpdateItem(ref, item, op,
                                    request.Query("createIfNotExists").value_or("") == "true");
      return done.ok() ? http::Response::Text(200, "", "application/json") : Failure(done.error());
    }
    if (m == "DELETE") {
      auto done = store_.DeleteItem(ref, key, request.Query("operator").value_or(""));
      return done.ok() ? http::Response::Text(200, "", "application/json") : Failure(done.error());
    }
  }
  if (section == "releases" && p.size() == 11 && m == "POST") {
    return Reply(store_.Publish(ref, core::StringAt(body, {"releaseTitle"}),
                                core::StringAt(body, {"releaseComment"}),
                                core::StringAt(body, {"releasedBy"})),
                 &apollo::ReleaseToJson);
  }
  if (section == "releases" && p.size() == 12 && p[11] == "latest" && m == "GET") {
    auto latest = store_.LatestRelease(ref);
    if (!latest.ok()) return Failure(latest.error());
    if (!*latest) return http::Response::Text(200, "", "application/json");
    return http::Response::Json(200, apollo::ReleaseToJson(**latest));
  }
  return http::Response::Json(
      404, boost::json::object{{"status", 404}, {"error", "Not Found"}, {"path", request.path}});
}

std::unique_ptr<ApolloEmulator> MakeSandboxApollo() {
  ApolloEmulatorOptions options;
  options.tokens[kSandboxApolloToken] = {"*"};
  options.store.auto_create_apps = true;
  return std::make_unique<ApolloEmulator>(options);
}

}  // namespace slipway::sandbox
