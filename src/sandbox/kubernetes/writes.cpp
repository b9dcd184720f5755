// Create, replace, patch and delete: the write verbs of every emulated type.
#include <boost/json.hpp>

#include "connectors/kubernetes/model/admission.hpp"
#include "connectors/kubernetes/model/controllers.hpp"
#include "connectors/kubernetes/model/generated_ids.hpp"
#include "connectors/kubernetes/patch.hpp"
#include "core/common/json_path.hpp"
#include "core/common/rfc3339.hpp"
#include "sandbox/kubernetes/document.hpp"
#include "sandbox/kubernetes/field_validation.hpp"
#include "sandbox/kubernetes/handlers.hpp"
#include "sandbox/kubernetes/protobuf.hpp"
#include "sandbox/kubernetes/status_errors.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

bool DryRun(const http::Request& request) { return request.Query("dryRun").value_or("") == "All"; }

// Unknown fields and wrong types, as the apiserver's decoder sees them.
void CheckRequestFields(Cluster& cluster, const ResourceType& type, json::object& object,
                        const http::Request& request) {
  CheckFields(cluster.schemas ? cluster.schemas() : nullptr, type, object,
              request.Query("fieldValidation").value_or("Warn"));
}

std::string MediaType(const http::Request& request) {
  std::string ct(request.Header("content-type"));
  auto semi = ct.find(';');
  if (semi != std::string::npos) ct.resize(semi);
  while (!ct.empty() && ct.back() == ' ') ct.pop_back();
  return ct;
}

json::object BodyObject(const http::Request& request) {
  if (MediaType(request) == kProtobufMediaType) return DecodeProtobufObject(request.body);
  auto v = ParseDocument(request.body, MediaType(request));
  if (!v.is_object()) throw BadRequest("the body of the request must be a JSON object");
  return std::move(v.as_object());
}

// The decoder's check, before the schema's: a body of another kind is refused as such.
void CheckDecodedKind(const ResourceType& type, const json::object& obj) {
  if (auto ok = model::CheckKind(type, obj); !ok.ok()) throw ApiErrorFrom(ok.error());
}

http::Response Create(Cluster& cluster, const ApiPath& path, json::object obj,
                      const http::Request& request) {
  const auto& type = *path.type;
  bool dry_run = DryRun(request);
  CheckDecodedKind(type, obj);
  CheckRequestFields(cluster, type, obj, request);
  auto admitted = model::AdmitCreate(cluster, type, path.ns, std::move(obj));
  if (!admitted.ok()) throw ApiErrorFrom(admitted.error());
  obj = std::move(*admitted);
  if (dry_run) {
    auto& meta = core::EnsureObject(obj, {"metadata"});
    meta["uid"] = model::NewUid();
    meta["creationTimestamp"] = core::Rfc3339Seconds(cluster.clock.Now());
    return http::Response::Json(201, obj);
  }
  return http::Response::Json(201, cluster.store.Create(type, std::move(obj)));
}

}  // namespace

json::value ApplyPatchBody(const json::value& target, const http::Request& request) {
  std::string media = MediaType(request);
  try {
    if (media == "application/json-patch+json") {
      return connectors::kube::JsonPatch(target, ParseDocument(request.body, media));
    }
    if (media == "application/merge-patch+json") {
      return connectors::kube::MergePatch(target, ParseDocument(request.body, media));
    }
    if (media == "application/strategic-merge-patch+json" ||
        media == "application/apply-patch+yaml") {
      return connectors::kube::StrategicMergePatch(target, ParseDocument(request.body, media));
    }
  } catch (const connectors::kube::PatchError& e) {
    if (e.code == 422) throw ApiError(422, "Invalid", e.message);
    throw BadRequest(e.message);
  }
  throw UnsupportedMediaType(media);
}

json::object CommitUpdate(Cluster& cluster, const ResourceType& type, json::object updated,
                          const json::object& old, bool status_only, bool dry_run) {
  json::object next;
  if (status_only) {
    if (auto fresh = model::CheckResourceVersion(type, updated, old); !fresh.ok())
      throw ApiErrorFrom(fresh.error());
    next = old;
    if (updated.contains("status")) {
      next["status"] = updated["status"];
    } else {
      next.erase("status");
    }
    next["apiVersion"] = type.ApiVersion();
    next["kind"] = type.kind;
  } else {
    auto admitted = model::AdmitUpdate(cluster, type, std::move(updated), old);
    if (!admitted.ok()) throw ApiErrorFrom(admitted.error());
    next = std::move(*admitted);
  }
  if (dry_run) return next;
  return model::StoreUpdate(cluster, type, std::move(next), old);
}

http::Response CreateObject(Cluster& cluster, const ApiPath& path, http::Request& request) {
  return Create(cluster, path, BodyObject(request), request);
}

http::Response ReplaceObject(Cluster& cluster, const ApiPath& path, http::Request& request) {
  const auto& old = MustGet(cluster, *path.type, path.ns, path.name);
  json::object old_copy = old;
  json::object body = BodyObject(request);
  CheckDecodedKind(*path.type, body);
  CheckRequestFields(cluster, *path.type, body, request);
  return http::Response::Json(
      200, CommitUpdate(cluster, *path.type, std::move(body), old_copy, false, DryRun(request)));
}

http::Response PatchObject(Cluster& cluster, const ApiPath& path, http::Request& request) {
  const auto* existing = cluster.store.Get(*path.type, path.ns, path.name);
  if (!existing) {
    if (MediaType(request) != "application/apply-patch+yaml") throw NotFound(*path.type, path.name);
    json::object applied = BodyObject(request);
    std::string body_name = core::StringAt(applied, {"metadata", "name"});
    if (body_name != path.name) {
      throw BadRequest("the name of the object (" + body_name +
                       ") does not match the name on the URL (" + path.name + ")");
    }
    auto created = Create(cluster, path, std::move(applied), request);
    created.status = 201;
    return created;
  }
  json::object old = *existing;
  auto patched = ApplyPatchBody(old, request);
  if (!patched.is_object()) throw BadRequest("the patched object must be a JSON object");
  CheckRequestFields(cluster, *path.type, patched.as_object(), request);
  return http::Response::Json(200, CommitUpdate(cluster, *path.type, std::move(patched.as_object()),
                                                old, false, DryRun(request)));
}

http::Response DeleteObject(Cluster& cluster, const ApiPath& path, http::Request& request) {
  const auto& type = *path.type;
  json::object obj = MustGet(cluster, type, path.ns, path.name);
  json::object options;
  if (!request.body.empty()) {
    boost::system::error_code ec;
    auto v = json::parse(request.body, ec);
    if (ec || !v.is_object()) throw BadRequest("the body of a DELETE must be DeleteOptions");
    options = std::move(v.as_object());
  }
  std::string policy = core::StringAt(options, {"propagationPolicy"},
                                      request.Query("propagationPolicy").value_or(""));
  if (const auto* o = options.if_contains("orphanDependents"); o && *o == true) policy = "Orphan";
  if (request.Query("orphanDependents").value_or("") == "true") policy = "Orphan";
  std::string uid = core::StringAt(obj, {"metadata", "uid"});
  if (auto want = core::StringAt(options, {"preconditions", "uid"}); !want.empty() && want != uid) {
    throw Conflict(
        type, path.name,
        "Precondition failed: UID in precondition: " + want + ", UID in object meta: " + uid);
  }
  std::string rv = core::StringAt(obj, {"metadata", "resourceVersion"});
  if (auto want = core::StringAt(options, {"preconditions", "resourceVersion"});
      !want.empty() && want != rv) {
    throw Conflict(type, path.name,
                   "Precondition failed: ResourceVersion in precondition: " + want +
                       ", ResourceVersion in object meta: " + rv);
  }
  bool dry_run = DryRun(request) || core::StringAt(options, {"dryRun"}) == "All" ||
                 (core::Find(options, {"dryRun"}) && core::Find(options, {"dryRun"})->is_array() &&
                  !core::Find(options, {"dryRun"})->as_array().empty());
  if (type.plural == "namespaces") {
    if (path.name == "default" || path.name == "kube-system" || path.name == "kube-public") {
      throw ApiError(
          403, "Forbidden",
          "namespaces \"" + path.name + "\" is forbidden: this namespace may not be deleted",
          Details(type, path.name));
    }
  }
  bool graceful =
      type.plural == "namespaces" ||
      (policy == "Foreground" && (type.plural == "deployments" || type.plural == "replicasets"));
  if (graceful) {
    // The object survives until its content/dependents are gone (controllers.cpp).
    if (dry_run || core::Find(obj, {"metadata", "deletionTimestamp"}))
      return http::Response::Json(200, obj);
    auto& meta = core::EnsureObject(obj, {"metadata"});
    meta["deletionTimestamp"] = core::Rfc3339Seconds(cluster.clock.Now());
    meta["deletionGracePeriodSeconds"] = 0;
    if (type.plural == "namespaces") {
      core::EnsureObject(obj, {"status"})["phase"] = "Terminating";
    } else {
      core::EnsureArray(meta, "finalizers").push_back("foregroundDeletion");
    }
    return http::Response::Json(200, cluster.store.Update(type, std::move(obj)));
  }
  json::object details = Details(type, path.name);
  details["uid"] = uid;
  json::object status{{"kind", "Status"},
                      {"apiVersion", "v1"},
                      {"metadata", json::object()},
                      {"status", "Success"},
                      {"details", details}};
  if (dry_run) return http::Response::Json(200, status);
  if (policy == "Orphan") model::OrphanDependents(cluster, type, obj);
  cluster.store.Remove(type, path.ns, path.name);
  cluster.pods.erase(uid);
  return http::Response::Json(200, status);
}

}  // namespace slipway::sandbox::kube
