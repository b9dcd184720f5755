// The fake's controllers: Deployment → ReplicaSet (pod-template-hash) →
// Pods, with statuses and conditions as the real controllers set them once
// a rollout has settled. Pods of a failing image wait with its reason, so
// rollouts never complete — as on a cluster where the image cannot be pulled.

#include <algorithm>
#include <boost/json/array.hpp>

#include "connectors/kubernetes/fake_store.hpp"
#include "connectors/kubernetes/rollout_math.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::fake {

namespace {

using boost::json::array;
using boost::json::object;

std::string ControllerUid(const KubeObject& o) {
  const auto* refs = core::Find(o, {"metadata", "ownerReferences"});
  if (!refs || !refs->is_array()) return "";
  for (const auto& r : refs->as_array()) {
    if (r.is_object()) return core::StringAt(r.as_object(), {"uid"});
  }
  return "";
}

object OwnerRef(std::string_view kind, std::string_view name, std::string_view uid) {
  return {{"apiVersion", "apps/v1"},
          {"kind", kind},
          {"name", name},
          {"uid", uid},
          {"controller", true},
          {"blockOwnerDeletion", true}};
}

object WithHash(const boost::json::value* labels, const std::string& hash) {
  object out = labels && labels->is_object() ? labels->as_object() : object();
  out["pod-template-hash"] = hash;
  return out;
}

std::int64_t Revision(const KubeObject& rs) {
  const std::string r =
      core::StringAt(rs, {"metadata", "annotations", "deployment.kubernetes.io/revision"});
  return r.empty() ? 0 : std::stoll(r);
}

/// One container's status; false when it keeps the pod from being ready.
bool ContainerStatus(const object& container, const ImageFailures& failures, const std::string& now,
                     object& status, bool& pending) {
  const std::string image = core::StringAt(container, {"image"});
  status = {{"name", core::StringAt(container, {"name"})}, {"image", image}, {"restartCount", 0}};
  auto failure = failures.find(image);
  if (failure == failures.end()) {
    status["ready"] = true;
    status["started"] = true;
    status["imageID"] = "fake.invalid/" + image + "@sha256:0";
    status["state"] = {{"running", {{"startedAt", now}}}};
    return true;
  }
  status["ready"] = false;
  status["started"] = false;
  status["imageID"] = "";
  const std::string& reason = failure->second;
  if (reason == "CrashLoopBackOff") {
    status["restartCount"] = 3;
    status["state"] = {
        {"waiting", {{"reason", reason}, {"message", "back-off 40s restarting failed container"}}}};
    status["lastState"] = {
        {"terminated", {{"exitCode", 1}, {"reason", "Error"}, {"finishedAt", now}}}};
  } else {
    pending = true;  // the image never arrived: the container never ran
    status["state"] = {
        {"waiting", {{"reason", reason}, {"message", "Back-off pulling image \"" + image + "\""}}}};
  }
  return false;
}

object NewPod(Store& store, std::string_view ns, const KubeObject& rs,
              const ImageFailures& failures) {
  const std::string now = store.Now();
  const auto serial = store.NextSerial();
  static constexpr std::string_view kChars = "bcdfghjklmnpqrstvwxz2456789";
  std::string suffix;
  for (auto n = serial * 7919; suffix.size() < 5; n /= 27)
    suffix += kChars[static_cast<size_t>(n % 27)];
  const auto* tmpl = core::Find(rs, {"spec", "template"});
  object spec = tmpl && tmpl->is_object() && tmpl->as_object().contains("spec") &&
                        tmpl->as_object().at("spec").is_object()
                    ? tmpl->as_object().at("spec").as_object()
                    : object();
  spec["nodeName"] = "fake-node-1";
  array statuses;
  bool all_ready = true;
  bool pending = false;
  if (const auto* containers = spec.if_contains("containers");
      containers && containers->is_array()) {
    for (const auto& c : containers->as_array()) {
      object s;
      if (c.is_object() && !ContainerStatus(c.as_object(), failures, now, s, pending))
        all_ready = false;
      statuses.push_back(std::move(s));
    }
  }
  const char* ready = all_ready ? "True" : "False";
  array conditions{object{{"type", "PodScheduled"}, {"status", "True"}},
                   object{{"type", "Initialized"}, {"status", "True"}},
                   object{{"type", "ContainersReady"}, {"status", ready}},
                   object{{"type", "Ready"}, {"status", ready}}};
  const std::string ip = "10.244.0." + std::to_string(serial % 250 + 2);
  return {
      {"metadata",
       {{"name", core::StringAt(rs, {"metadata", "name"}) + "-" + suffix},
        {"namespace", ns},
        {"uid", store.NewUid()},
        {"creationTimestamp", now},
        {"labels", core::Find(rs, {"spec", "template", "metadata", "labels"})
                       ? *core::Find(rs, {"spec", "template", "metadata", "labels"})
                       : object()},
        {"ownerReferences", array{OwnerRef("ReplicaSet", core::StringAt(rs, {"metadata", "name"}),
                                           core::StringAt(rs, {"metadata", "uid"}))}}}},
      {"spec", std::move(spec)},
      {"status",
       {{"phase", pending ? "Pending" : "Running"},
        {"hostIP", "10.0.0.1"},
        {"podIP", ip},
        {"podIPs", array{object{{"ip", ip}}}},
        {"startTime", now},
        {"qosClass", "BestEffort"},
        {"conditions", std::move(conditions)},
        {"containerStatuses", std::move(statuses)}}}};
}

bool PodReady(const KubeObject& pod) {
  const auto* conditions = core::Find(pod, {"status", "conditions"});
  if (!conditions || !conditions->is_array()) return false;
  for (const auto& c : conditions->as_array()) {
    if (c.is_object() && core::StringAt(c.as_object(), {"type"}) == "Ready") {
      return core::StringAt(c.as_object(), {"status"}) == "True";
    }
  }
  return false;
}

/// Scales the ReplicaSet's pods to `replicas`; returns how many are ready.
std::int64_t SyncPods(Store& store, std::string_view ns, const KubeObject& rs,
                      std::int64_t replicas, const ImageFailures& failures) {
  const std::string uid = core::StringAt(rs, {"metadata", "uid"});
  std::vector<std::string> owned;
  for (auto* pod : store.All("pods", ns)) {
    if (ControllerUid(*pod) == uid) owned.push_back(core::StringAt(*pod, {"metadata", "name"}));
  }
  while (static_cast<std::int64_t>(owned.size()) > replicas) {
    store.Erase(kube::kPods, ns, owned.back());
    owned.pop_back();
  }
  for (auto n = static_cast<std::int64_t>(owned.size()); n < replicas; ++n) {
    auto pod = NewPod(store, ns, rs, failures);
    owned.push_back(core::StringAt(pod, {"metadata", "name"}));
    store.Put(kube::kPods, ns, std::move(pod));
  }
  std::int64_t ready = 0;
  for (const auto& name : owned) ready += PodReady(*store.Find("pods", ns, name)) ? 1 : 0;
  return ready;
}

object Condition(const char* type, const char* status, const char* reason, std::string message,
                 const std::string& now) {
  return {{"type", type},          {"status", status},
          {"reason", reason},      {"message", std::move(message)},
          {"lastUpdateTime", now}, {"lastTransitionTime", now}};
}

}  // namespace

void ReconcileDeployment(Store& store, std::string_view ns, std::string_view name,
                         const ImageFailures& failures) {
  const KubeObject* found = store.Find("deployments", ns, name);
  if (!found) return;
  KubeObject deployment = *found;
  const std::string uid = core::StringAt(deployment, {"metadata", "uid"});
  const std::int64_t replicas = core::IntAt(deployment, {"spec", "replicas"}, 1);
  const auto* tmpl = core::Find(deployment, {"spec", "template"});
  // The emulator's hash: patched and replaced templates with the same content
  // belong to the same ReplicaSet. (No collisions among the fake's few objects.)
  const std::string hash = kube::PodTemplateHash(tmpl ? *tmpl : boost::json::value(), 0);
  const std::string rs_name = std::string(name) + "-" + hash;

  std::int64_t newest = 0;
  for (auto* rs : store.All("replicasets", ns)) {
    if (ControllerUid(*rs) != uid) continue;
    newest = std::max(newest, Revision(*rs));
    if (core::StringAt(*rs, {"metadata", "name"}) == rs_name) continue;
    KubeObject old = *rs;  // an older template: scaled to zero, kept for history
    SyncPods(store, ns, old, 0, failures);
    if (core::IntAt(old, {"spec", "replicas"}) != 0 ||
        core::IntAt(old, {"status", "replicas"}) != 0) {
      old["spec"].as_object()["replicas"] = 0;
      old["status"] = {{"replicas", 0},
                       {"observedGeneration", core::IntAt(old, {"metadata", "generation"}, 1)}};
      store.Put(kube::kReplicaSets, ns, std::move(old));
    }
  }

  KubeObject rs;
  if (const auto* existing = store.Find("replicasets", ns, rs_name)) {
    rs = *existing;
    if (Revision(rs) < newest) {  // a rollback to an older template becomes the newest revision
      core::EnsureObject(rs, {"metadata", "annotations"})["deployment.kubernetes.io/revision"] =
          std::to_string(newest + 1);
    }
  } else {
    object tmpl_copy = tmpl && tmpl->is_object() ? tmpl->as_object() : object();
    core::EnsureObject(tmpl_copy, {"metadata"})["labels"] =
        WithHash(core::Find(tmpl_copy, {"metadata", "labels"}), hash);
    rs = {
        {"metadata",
         {{"name", rs_name},
          {"uid", store.NewUid()},
          {"generation", 1},
          {"creationTimestamp", store.Now()},
          {"labels",
           WithHash(tmpl ? core::Find(tmpl->as_object(), {"metadata", "labels"}) : nullptr, hash)},
          {"annotations", {{"deployment.kubernetes.io/revision", std::to_string(newest + 1)}}},
          {"ownerReferences", array{OwnerRef("Deployment", name, uid)}}}},
        {"spec",
         {{"selector",
           {{"matchLabels",
             WithHash(core::Find(deployment, {"spec", "selector", "matchLabels"}), hash)}}},
          {"template", std::move(tmpl_copy)}}}};
  }
  rs["spec"].as_object()["replicas"] = replicas;
  const std::int64_t ready = SyncPods(store, ns, rs, replicas, failures);
  rs["status"] = {{"replicas", replicas},
                  {"fullyLabeledReplicas", replicas},
                  {"readyReplicas", ready},
                  {"availableReplicas", ready},
                  {"observedGeneration", core::IntAt(rs, {"metadata", "generation"}, 1)}};
  const std::string revision =
      core::StringAt(rs, {"metadata", "annotations", "deployment.kubernetes.io/revision"});
  store.Put(kube::kReplicaSets, ns, std::move(rs));

  const std::string now = store.Now();
  const bool complete = ready == replicas;
  array conditions{
      complete ? Condition("Available", "True", "MinimumReplicasAvailable",
                           "Deployment has minimum availability.", now)
               : Condition("Available", "False", "MinimumReplicasUnavailable",
                           "Deployment does not have minimum availability.", now),
      complete ? Condition("Progressing", "True", "NewReplicaSetAvailable",
                           "ReplicaSet \"" + rs_name + "\" has successfully progressed.", now)
               : Condition("Progressing", "True", "ReplicaSetUpdated",
                           "ReplicaSet \"" + rs_name + "\" is progressing.", now)};
  deployment["status"] = {
      {"observedGeneration", core::IntAt(deployment, {"metadata", "generation"}, 1)},
      {"replicas", replicas},
      {"updatedReplicas", replicas},
      {"readyReplicas", ready},
      {"availableReplicas", ready},
      {"unavailableReplicas", replicas - ready},
      {"conditions", std::move(conditions)}};
  core::EnsureObject(deployment, {"metadata", "annotations"})["deployment.kubernetes.io/revision"] =
      revision;
  store.Put(kube::kDeployments, ns, std::move(deployment));
}

void DeleteOwned(Store& store, std::string_view ns, std::string_view owner_uid) {
  for (const auto* resource : {&kube::kReplicaSets, &kube::kPods}) {
    std::vector<std::pair<std::string, std::string>> doomed;  // name, uid
    for (auto* o : store.All(resource->plural, ns)) {
      if (ControllerUid(*o) == owner_uid) {
        doomed.emplace_back(core::StringAt(*o, {"metadata", "name"}),
                            core::StringAt(*o, {"metadata", "uid"}));
      }
    }
    for (const auto& [name, uid] : doomed) {
      DeleteOwned(store, ns, uid);
      store.Erase(*resource, ns, name);
    }
  }
}

}  // namespace slipway::connectors::fake
