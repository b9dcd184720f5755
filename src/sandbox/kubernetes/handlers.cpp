#include "sandbox/kubernetes/handlers.hpp"

#include <boost/algorithm/hex.hpp>

#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/status_errors.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

bool Truthy(const std::optional<std::string>& v) { return v && (*v == "1" || *v == "true"); }

// Continue tokens carry the list's resourceVersion and the last key served.
std::string EncodeContinue(int64_t rv, const std::string& ns, const std::string& name) {
  return boost::algorithm::hex(std::to_string(rv) + "\n" + ns + "\n" + name);
}

struct ContinueToken {
  std::string rv;
  std::string ns;
  std::string name;
};

ContinueToken DecodeContinue(const std::string& token) {
  std::string raw;
  try {
    raw = boost::algorithm::unhex(token);
  } catch (const std::exception&) {
    throw BadRequest("continue key is not valid: incorrect encoded start resourceVersion");
  }
  auto a = raw.find('\n');
  auto b = a == std::string::npos ? a : raw.find('\n', a + 1);
  if (b == std::string::npos) throw BadRequest("continue key is not valid");
  return {raw.substr(0, a), raw.substr(a + 1, b - a - 1), raw.substr(b + 1)};
}

json::object PartialMetadata(const json::object& obj) {
  return {{"kind", "PartialObjectMetadata"},
          {"apiVersion", "meta.k8s.io/v1"},
          {"metadata", obj.contains("metadata") ? obj.at("metadata") : json::object()}};
}

template <class Selector>
Selector ParseOrBadRequest(core::Result<Selector> parsed) {
  if (!parsed.ok()) throw BadRequest(parsed.error().message);
  return std::move(parsed).value();
}

http::Response Watch(Cluster& cluster, const ApiPath& path, const http::Request& request,
                     LabelSelector labels, FieldSelector fields) {
  WatchRequest w;
  w.type = path.type;
  w.ns = path.ns;
  w.labels = std::move(labels);
  w.fields = std::move(fields);
  w.bookmarks = Truthy(request.Query("allowWatchBookmarks"));
  w.initial_events_bookmark = Truthy(request.Query("sendInitialEvents"));
  auto timeout = std::chrono::seconds(cluster.emulator.watch_default_timeout);
  if (auto t = request.Query("timeoutSeconds")) {
    try {
      timeout = std::chrono::seconds(std::stoll(*t));
    } catch (const std::exception&) {
      throw BadRequest("invalid timeoutSeconds: " + *t);
    }
  }
  w.deadline = Clock::now() + timeout;
  std::optional<int64_t> from;
  if (auto rv = request.Query("resourceVersion"); rv && !rv->empty()) {
    try {
      from = std::stoll(*rv);
    } catch (const std::exception&) {
      throw BadRequest("invalid resource version: " + *rv);
    }
  }
  http::Response r;
  r.status = 200;
  r.content_type = "application/json";
  r.stream = cluster.watches.Watch(cluster.store, std::move(w), from);
  return r;
}

http::Response List(Cluster& cluster, const ApiPath& path, const http::Request& request) {
  auto labels =
      ParseOrBadRequest(LabelSelector::Parse(request.Query("labelSelector").value_or("")));
  auto fields =
      ParseOrBadRequest(FieldSelector::Parse(request.Query("fieldSelector").value_or("")));
  if (path.legacy_watch || Truthy(request.Query("watch"))) {
    return Watch(cluster, path, request, std::move(labels), std::move(fields));
  }
  std::string list_rv = std::to_string(cluster.store.rv());
  ContinueToken after;
  if (auto c = request.Query("continue"); c && !c->empty()) {
    after = DecodeContinue(*c);
    list_rv = after.rv;
  }
  size_t limit = 0;
  if (auto l = request.Query("limit"); l && !l->empty()) {
    try {
      limit = static_cast<size_t>(std::max<long long>(0, std::stoll(*l)));
    } catch (const std::exception&) {
      throw BadRequest("invalid limit: " + *l);
    }
  }
  std::vector<const json::object*> matched;
  for (const auto* obj : cluster.store.List(*path.type, path.ns)) {
    if (!after.name.empty()) {
      std::pair<std::string, std::string> key{core::StringAt(*obj, {"metadata", "namespace"}),
                                              core::StringAt(*obj, {"metadata", "name"})};
      if (key <= std::pair(after.ns, after.name)) continue;
    }
    const auto* l = core::Find(*obj, {"metadata", "labels"});
    if (labels.Matches(l ? *l : json::value()) && fields.Matches(*obj)) matched.push_back(obj);
  }
  std::string cont;
  size_t remaining = 0;
  if (limit > 0 && matched.size() > limit) {
    remaining = matched.size() - limit;
    matched.resize(limit);
    cont = EncodeContinue(std::stoll(list_rv),
                          core::StringAt(*matched.back(), {"metadata", "namespace"}),
                          core::StringAt(*matched.back(), {"metadata", "name"}));
  }
  if (WantsTable(request)) {
    return http::Response::Json(200, ToTable(*path.type, matched, list_rv, cont));
  }
  json::object meta{{"resourceVersion", list_rv}};
  if (!cont.empty()) {
    meta["continue"] = cont;
    meta["remainingItemCount"] = remaining;
  }
  json::array items;
  bool partial = WantsMetadataOnly(request);
  for (const auto* obj : matched) {
    if (partial) {
      items.push_back(PartialMetadata(*obj));
      continue;
    }
    json::object item = *obj;
    item.erase("kind");
    item.erase("apiVersion");
    items.push_back(std::move(item));
  }
  if (partial) {
    return http::Response::Json(200, json::object{{"kind", "PartialObjectMetadataList"},
                                                  {"apiVersion", "meta.k8s.io/v1"},
                                                  {"metadata", meta},
                                                  {"items", items}});
  }
  return http::Response::Json(200, json::object{{"kind", path.type->ListKind()},
                                                {"apiVersion", path.type->ApiVersion()},
                                                {"metadata", meta},
                                                {"items", items}});
}

http::Response DeleteCollection(Cluster& cluster, const ApiPath& path, http::Request& request) {
  auto labels =
      ParseOrBadRequest(LabelSelector::Parse(request.Query("labelSelector").value_or("")));
  auto fields =
      ParseOrBadRequest(FieldSelector::Parse(request.Query("fieldSelector").value_or("")));
  std::vector<std::string> names;
  std::vector<std::string> namespaces;
  for (const auto* obj : cluster.store.List(*path.type, path.ns)) {
    const auto* l = core::Find(*obj, {"metadata", "labels"});
    if (labels.Matches(l ? *l : json::value()) && fields.Matches(*obj)) {
      names.push_back(core::StringAt(*obj, {"metadata", "name"}));
      namespaces.push_back(core::StringAt(*obj, {"metadata", "namespace"}));
    }
  }
  for (size_t i = 0; i < names.size(); ++i) {
    ApiPath one = path;
    one.ns = namespaces[i];
    one.name = names[i];
    DeleteObject(cluster, one, request);
  }
  return http::Response::Json(200, json::object{{"kind", "Status"},
                                                {"apiVersion", "v1"},
                                                {"metadata", json::object()},
                                                {"status", "Success"}});
}

}  // namespace

bool WantsTable(const http::Request& request) {
  auto accept = request.Header("accept");
  return accept.find("as=Table") != std::string_view::npos;
}

bool WantsMetadataOnly(const http::Request& request) {
  auto accept = request.Header("accept");
  auto first = accept.substr(0, accept.find(','));
  return first.find("as=PartialObjectMetadata") != std::string_view::npos;
}

const json::object& MustGet(Cluster& cluster, const ResourceType& type, const std::string& ns,
                            const std::string& name) {
  const auto* obj = cluster.store.Get(type, ns, name);
  if (!obj) throw NotFound(type, name);
  return *obj;
}

http::Response ServeResource(Cluster& cluster, const ApiPath& path, http::Request& request) {
  if (!path.sub.empty()) return ServeSubresource(cluster, path, request);
  const auto& m = request.method;
  if (path.name.empty()) {
    if (m == "GET") return List(cluster, path, request);
    if (m == "POST") {
      if (path.type->namespaced && path.ns.empty())
        throw MethodNotAllowed("the server does not allow this method on the requested resource");
      return CreateObject(cluster, path, request);
    }
    if (m == "DELETE" && path.type->namespaced) return DeleteCollection(cluster, path, request);
    throw MethodNotAllowed("the server does not allow this method on the requested resource");
  }
  if (path.type->namespaced && path.ns.empty()) throw NoSuchPath();
  if (m == "GET") {
    const auto& obj = MustGet(cluster, *path.type, path.ns, path.name);
    if (WantsTable(request)) {
      return http::Response::Json(
          200,
          ToTable(*path.type, {&obj}, core::StringAt(obj, {"metadata", "resourceVersion"}), ""));
    }
    if (WantsMetadataOnly(request)) return http::Response::Json(200, PartialMetadata(obj));
    return http::Response::Json(200, obj);
  }
  if (m == "PUT") return ReplaceObject(cluster, path, request);
  if (m == "PATCH") return PatchObject(cluster, path, request);
  if (m == "DELETE") return DeleteObject(cluster, path, request);
  throw MethodNotAllowed("the server does not allow this method on the requested resource");
}

}  // namespace slipway::sandbox::kube
