#include "connectors/kubernetes/model/admission.hpp"

#include "connectors/kubernetes/model/defaults.hpp"
#include "connectors/kubernetes/model/generated_ids.hpp"
#include "connectors/kubernetes/model/status_errors.hpp"
#include "connectors/kubernetes/model/validation.hpp"
#include "core/common/canonical_json.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

namespace {

// Types whose status only their controllers (and the kubelet) write: a
// created object's status is theirs to fill.
bool StatusOwnedByServer(const ResourceType& type) {
  return type.plural == "deployments" || type.plural == "replicasets" || type.plural == "pods" ||
         type.plural == "namespaces";
}

core::Status CheckValid(const ResourceType& type, const json::object& object,
                        const json::object* old) {
  auto causes = Validate(type, object, old);
  if (causes.empty()) return core::Ok{};
  return InvalidError(type, core::StringAt(object, {"metadata", "name"}), causes);
}

// Namespaced writes need a live namespace: 404 if absent, 403 if terminating
// (the NamespaceLifecycle admission plugin).
core::Status CheckNamespaceWritable(const Cluster& cluster, const ResourceType& type,
                                    const std::string& ns, const std::string& name) {
  if (!type.namespaced) return core::Ok{};
  const auto& namespaces = *ResourceByPlural("namespaces");
  const auto* found = cluster.store.Get(namespaces, "", ns);
  if (!found) return NotFoundError(namespaces, ns);
  if (core::Find(*found, {"metadata", "deletionTimestamp"}))
    return NamespaceTerminatingError(type, name, ns);
  return core::Ok{};
}

// The update's identity metadata is the stored object's, whatever the body says.
void KeepIdentity(json::object& next, const json::object& old) {
  auto& meta = core::EnsureObject(next, {"metadata"});
  const auto& old_meta = old.at("metadata").as_object();
  for (const char* keep : {"name", "namespace", "uid", "creationTimestamp", "generation",
                           "deletionTimestamp", "resourceVersion"}) {
    if (old_meta.contains(keep)) {
      meta[keep] = old_meta.at(keep);
    } else {
      meta.erase(keep);
    }
  }
}

// An update that leaves the cluster IP out keeps the allocated one, as
// modern apiservers do (rather than allocating a new one, then refusing it
// as a change of an immutable field).
void KeepClusterIp(json::object& next, const json::object& old) {
  if (!core::StringAt(next, {"spec", "clusterIP"}).empty() ||
      core::StringAt(old, {"spec", "clusterIP"}).empty()) {
    return;
  }
  auto& spec = core::EnsureObject(next, {"spec"});
  spec["clusterIP"] = old.at("spec").at("clusterIP");
  if (const auto* ips = core::Find(old, {"spec", "clusterIPs"})) spec["clusterIPs"] = *ips;
}

}  // namespace

core::Status CheckKind(const ResourceType& type, const json::object& object) {
  std::string kind = core::StringAt(object, {"kind"});
  std::string api_version = core::StringAt(object, {"apiVersion"});
  if (!kind.empty() && kind != type.kind) {
    return BadRequestError("the object provided is unrecognized (kind " + kind +
                           " does not match " + std::string(type.kind) + ")");
  }
  if (!api_version.empty() && api_version != type.ApiVersion()) {
    return BadRequestError("the API version in the data (" + api_version +
                           ") does not match the expected API version (" + type.ApiVersion() + ")");
  }
  return core::Ok{};
}

core::Result<json::object> AdmitCreate(Cluster& cluster, const ResourceType& type,
                                       const std::string& ns, json::object object) {
  if (auto kind = CheckKind(type, object); !kind.ok()) return kind.error();
  auto& meta = core::EnsureObject(object, {"metadata"});
  if (type.namespaced) {
    std::string given = core::StringAt(object, {"metadata", "namespace"});
    if (!given.empty() && given != ns) {
      return BadRequestError(
          "the namespace of the provided object does not match the namespace sent on the "
          "request");
    }
    meta["namespace"] = ns;
  } else {
    meta.erase("namespace");
  }
  if (core::StringAt(object, {"metadata", "name"}).empty() &&
      !core::StringAt(object, {"metadata", "generateName"}).empty()) {
    meta["name"] = core::StringAt(object, {"metadata", "generateName"}) + RandomSuffix(5);
  }
  for (const char* server_owned : {"uid", "resourceVersion", "creationTimestamp",
                                   "deletionTimestamp", "generation", "selfLink"}) {
    meta.erase(server_owned);
  }
  if (StatusOwnedByServer(type)) object.erase("status");
  const std::string name = core::StringAt(object, {"metadata", "name"});
  ApplyDefaults(type, object, [&] { return cluster.AllocateServiceIp(); });
  if (auto valid = CheckValid(type, object, nullptr); !valid.ok()) return valid.error();
  if (auto live = CheckNamespaceWritable(cluster, type, ns, name); !live.ok()) return live.error();
  if (cluster.store.Get(type, type.namespaced ? ns : "", name)) {
    return AlreadyExistsError(type, name);
  }
  object["apiVersion"] = type.ApiVersion();
  object["kind"] = type.kind;
  return object;
}

core::Status CheckResourceVersion(const ResourceType& type, const json::object& updated,
                                  const json::object& old) {
  std::string given = core::StringAt(updated, {"metadata", "resourceVersion"});
  if (given.empty() || given == core::StringAt(old, {"metadata", "resourceVersion"}))
    return core::Ok{};
  return ConflictError(type, core::StringAt(old, {"metadata", "name"}));
}

core::Result<json::object> AdmitUpdate(Cluster& cluster, const ResourceType& type,
                                       json::object updated, const json::object& old) {
  if (auto fresh = CheckResourceVersion(type, updated, old); !fresh.ok()) return fresh.error();
  if (auto kind = CheckKind(type, updated); !kind.ok()) return kind.error();
  const std::string name = core::StringAt(old, {"metadata", "name"});
  const std::string body_name = core::StringAt(updated, {"metadata", "name"});
  if (!body_name.empty() && body_name != name) {
    return BadRequestError("the name of the object (" + body_name +
                           ") does not match the name on the URL (" + name + ")");
  }
  json::object next = std::move(updated);
  KeepIdentity(next, old);
  // A PUT does not write the status (that is the /status subresource's).
  if (old.contains("status")) {
    next["status"] = old.at("status");
  } else if (type.plural != "configmaps") {
    next.erase("status");
  }
  if (type.plural == "services") KeepClusterIp(next, old);
  ApplyDefaults(type, next, [&] { return cluster.AllocateServiceIp(); });
  if (auto valid = CheckValid(type, next, &old); !valid.ok()) return valid.error();
  const auto* old_spec = old.if_contains("spec");
  const auto* new_spec = next.if_contains("spec");
  if (Store::TracksGeneration(type) &&
      core::CanonicalJson(old_spec ? *old_spec : json::value()) !=
          core::CanonicalJson(new_spec ? *new_spec : json::value())) {
    // Re-fetched: inserting into `next` may have moved the metadata object.
    core::EnsureObject(next, {"metadata"})["generation"] =
        core::IntAt(old, {"metadata", "generation"}, 1) + 1;
  }
  next["apiVersion"] = type.ApiVersion();
  next["kind"] = type.kind;
  return next;
}

json::object StoreUpdate(Cluster& cluster, const ResourceType& type, json::object next,
                         const json::object& old) {
  if (core::CanonicalJson(next) == core::CanonicalJson(old)) return next;
  return cluster.store.Update(type, std::move(next));
}

}  // namespace slipway::connectors::kube::model
