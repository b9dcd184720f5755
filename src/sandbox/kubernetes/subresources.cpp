// The scale, status and log subresources.
#include <boost/json.hpp>

#include "connectors/kubernetes/model/admission.hpp"
#include "connectors/kubernetes/selectors.hpp"
#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/document.hpp"
#include "sandbox/kubernetes/handlers.hpp"
#include "sandbox/kubernetes/status_errors.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

const ResourceType& ScaleType() {
  static const ResourceType scale{"scale", "scale", "Scale", "autoscaling", "v1", true, {}, {}};
  return scale;
}

// autoscaling/v1 Scale of a Deployment or ReplicaSet.
json::object ToScale(const json::object& owner) {
  const auto* sel = core::Find(owner, {"spec", "selector"});
  return {
      {"kind", "Scale"},
      {"apiVersion", "autoscaling/v1"},
      {"metadata",
       json::object{
           {"name", core::StringAt(owner, {"metadata", "name"})},
           {"namespace", core::StringAt(owner, {"metadata", "namespace"})},
           {"uid", core::StringAt(owner, {"metadata", "uid"})},
           {"resourceVersion", core::StringAt(owner, {"metadata", "resourceVersion"})},
           {"creationTimestamp", core::StringAt(owner, {"metadata", "creationTimestamp"})}}},
      {"spec", json::object{{"replicas", core::IntAt(owner, {"spec", "replicas"}, 1)}}},
      {"status",
       json::object{
           {"replicas", core::IntAt(owner, {"status", "replicas"}, 0)},
           {"selector", sel ? connectors::kube::LabelSelector::FromObject(*sel).ToString() : ""}}}};
}

http::Response Scale(Cluster& cluster, const ApiPath& path, http::Request& request) {
  json::object owner = MustGet(cluster, *path.type, path.ns, path.name);
  json::object scale = ToScale(owner);
  if (request.method == "GET") return http::Response::Json(200, scale);
  json::value wanted;
  if (request.method == "PUT") {
    wanted = ParseDocument(request.body, std::string(request.Header("content-type")));
  } else if (request.method == "PATCH") {
    wanted = ApplyPatchBody(scale, request);
  } else {
    throw MethodNotAllowed("the server does not allow this method on the requested resource");
  }
  if (const auto* body = wanted.if_object()) {
    if (auto fresh = model::CheckResourceVersion(*path.type, *body, owner); !fresh.ok())
      throw ApiErrorFrom(fresh.error());
  }
  const auto* replicas = core::Find(wanted, {"spec", "replicas"});
  int64_t n = replicas && replicas->is_int64() ? replicas->as_int64() : 0;
  if (n < 0) {
    throw Invalid(
        ScaleType(), path.name,
        {{"FieldValueInvalid", "spec.replicas",
          "Invalid value: " + std::to_string(n) + ": must be greater than or equal to 0"}});
  }
  json::object updated = owner;
  core::EnsureObject(updated, {"spec"})["replicas"] = n;
  bool dry_run = request.Query("dryRun").value_or("") == "All";
  auto stored = CommitUpdate(cluster, *path.type, std::move(updated), owner, false, dry_run);
  return http::Response::Json(200, ToScale(stored));
}

http::Response Status(Cluster& cluster, const ApiPath& path, http::Request& request) {
  json::object obj = MustGet(cluster, *path.type, path.ns, path.name);
  if (request.method == "GET") return http::Response::Json(200, obj);
  json::value updated;
  if (request.method == "PUT") {
    updated = ParseDocument(request.body, std::string(request.Header("content-type")));
  } else if (request.method == "PATCH") {
    updated = ApplyPatchBody(obj, request);
  } else {
    throw MethodNotAllowed("the server does not allow this method on the requested resource");
  }
  if (!updated.is_object()) throw BadRequest("the body must be a JSON object");
  bool dry_run = request.Query("dryRun").value_or("") == "All";
  return http::Response::Json(
      200, CommitUpdate(cluster, *path.type, std::move(updated.as_object()), obj, true, dry_run));
}

// A short synthetic log; 400 while the container is not running, as the
// kubelet answers.
http::Response Log(Cluster& cluster, const ApiPath& path, http::Request& request) {
  if (request.method != "GET") {
    throw MethodNotAllowed("the server does not allow this method on the requested resource");
  }
  const auto& pod = MustGet(cluster, *path.type, path.ns, path.name);
  std::string container = request.Query("container").value_or("");
  const auto* statuses = core::Find(pod, {"status", "containerStatuses"});
  const auto* containers = core::Find(pod, {"spec", "containers"});
  if (container.empty()) {
    if (containers && containers->is_array() && containers->as_array().size() > 1) {
      throw BadRequest("a container name must be specified for pod " + path.name);
    }
    if (containers && containers->is_array() && !containers->as_array().empty()) {
      container = core::StringAt(containers->as_array()[0], {"name"});
    }
  }
  if (statuses && statuses->is_array()) {
    for (const auto& s : statuses->as_array()) {
      if (core::StringAt(s, {"name"}) != container) continue;
      if (const auto* waiting = core::Find(s, {"state", "waiting"})) {
        throw BadRequest("container \"" + container + "\" in pod \"" + path.name +
                         "\" is waiting to start: " + core::StringAt(*waiting, {"reason"}));
      }
    }
  }
  std::string image;
  if (containers && containers->is_array()) {
    for (const auto& c : containers->as_array()) {
      if (core::StringAt(c, {"name"}) == container) image = core::StringAt(c, {"image"});
    }
  }
  return http::Response::Text(200, "sandbox: container " + container + " (" + image +
                                       ") started in pod " + path.name + "\n");
}

}  // namespace

http::Response ServeSubresource(Cluster& cluster, const ApiPath& path, http::Request& request) {
  if (path.sub == "scale") return Scale(cluster, path, request);
  if (path.sub == "status") return Status(cluster, path, request);
  if (path.sub == "log") return Log(cluster, path, request);
  if (path.sub == "finalize" && request.method == "PUT") {
    // Operators use it to drop spec.finalizers; the namespace controller
    // here does not wait for them, so it is a status-like update.
    json::object obj = MustGet(cluster, *path.type, path.ns, path.name);
    auto body = ParseDocument(request.body, std::string(request.Header("content-type")));
    if (const auto* f = core::Find(body, {"spec", "finalizers"}))
      core::EnsureObject(obj, {"spec"})["finalizers"] = *f;
    return http::Response::Json(200, cluster.store.Update(*path.type, std::move(obj)));
  }
  throw MethodNotAllowed("the server does not allow this method on the requested resource");
}

}  // namespace slipway::sandbox::kube
