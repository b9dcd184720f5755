#include "connectors/kubernetes/model/controllers.hpp"

#include <algorithm>
#include <set>

#include "core/common/json_path.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

void UpdateIfChanged(Cluster& cluster, const ResourceType& type, const json::object& before,
                     json::object after) {
  // boost::json compares objects member by member, in any order.
  if (before != after) cluster.store.Update(type, std::move(after));
}

std::string ControllerUid(const json::object& obj) {
  const auto* refs = core::Find(obj, {"metadata", "ownerReferences"});
  if (!refs || !refs->is_array()) return "";
  for (const auto& r : refs->as_array()) {
    if (const auto* c = core::Find(r, {"controller"}); c && *c == true)
      return core::StringAt(r, {"uid"});
  }
  return "";
}

std::vector<json::object> OwnedBy(Cluster& cluster, const ResourceType& type, const std::string& ns,
                                  const std::string& owner_uid) {
  std::vector<json::object> out;
  for (const auto& [dependent_ns, name] : cluster.owners.Dependents(type, owner_uid)) {
    if (dependent_ns != ns) continue;
    if (const auto* obj = cluster.store.Get(type, dependent_ns, name)) out.push_back(*obj);
  }
  return out;
}

int64_t ReadySince(const json::object& pod) {
  const auto* conds = core::Find(pod, {"status", "conditions"});
  if (!conds || !conds->is_array()) return 0;
  for (const auto& c : conds->as_array()) {
    if (core::StringAt(c, {"type"}) == "Ready" && core::StringAt(c, {"status"}) == "True") {
      return std::max<int64_t>(
          1, core::ParseRfc3339(core::StringAt(c, {"lastTransitionTime"})).value_or(0) / 1000);
    }
  }
  return 0;
}

std::vector<json::object> ToSync(const Cluster& cluster, const ResourceType& type, bool everything,
                                 const std::set<ObjectKey>& keys) {
  std::vector<json::object> out;
  auto wanted = [&](const json::object* obj) {
    if (obj && !core::Find(*obj, {"metadata", "deletionTimestamp"})) out.push_back(*obj);
  };
  if (everything) {
    for (const auto* obj : cluster.store.List(type)) wanted(obj);
  } else {
    for (const auto& [ns, name] : keys) wanted(cluster.store.Get(type, ns, name));
  }
  return out;
}

void OrphanDependents(Cluster& cluster, const ResourceType& type, const json::object& owner) {
  const ResourceType* dependents = type.plural == "deployments"   ? ResourceByPlural("replicasets")
                                   : type.plural == "replicasets" ? ResourceByPlural("pods")
                                                                  : nullptr;
  if (!dependents) return;
  std::string uid = core::StringAt(owner, {"metadata", "uid"});
  std::vector<json::object> changed;
  for (const auto* obj :
       cluster.store.List(*dependents, core::StringAt(owner, {"metadata", "namespace"}))) {
    const auto* refs = core::Find(*obj, {"metadata", "ownerReferences"});
    if (!refs || !refs->is_array()) continue;
    json::array kept;
    for (const auto& r : refs->as_array()) {
      if (core::StringAt(r, {"uid"}) != uid) kept.push_back(r);
    }
    if (kept.size() == refs->as_array().size()) continue;
    json::object copy = *obj;
    auto& meta = core::EnsureObject(copy, {"metadata"});
    if (kept.empty()) {
      meta.erase("ownerReferences");
    } else {
      meta["ownerReferences"] = std::move(kept);
    }
    changed.push_back(std::move(copy));
  }
  for (auto& c : changed) cluster.store.Update(*dependents, std::move(c));
}

void RunGarbageCollector(Cluster& cluster) {
  const auto& deployments = *ResourceByPlural("deployments");
  const auto& replicasets = *ResourceByPlural("replicasets");
  const auto& pods = *ResourceByPlural("pods");
  // Foreground deletion: dependents first, the owner once none remain.
  for (const auto* type : {&deployments, &replicasets}) {
    std::vector<json::object> owners;
    for (const auto* o : cluster.store.List(*type)) {
      if (core::Find(*o, {"metadata", "deletionTimestamp"})) owners.push_back(*o);
    }
    const auto& dependent_type = type == &deployments ? replicasets : pods;
    for (const auto& owner : owners) {
      std::string ns = core::StringAt(owner, {"metadata", "namespace"});
      auto dependents =
          OwnedBy(cluster, dependent_type, ns, core::StringAt(owner, {"metadata", "uid"}));
      for (const auto& d : dependents) {
        cluster.store.Remove(dependent_type, ns, core::StringAt(d, {"metadata", "name"}));
        cluster.pods.erase(core::StringAt(d, {"metadata", "uid"}));
      }
      if (dependents.empty())
        cluster.store.Remove(*type, ns, core::StringAt(owner, {"metadata", "name"}));
    }
  }
  // Background deletion: dependents whose controller is gone.
  for (auto [owner_type, dependent_type] :
       {std::pair{&deployments, &replicasets}, std::pair{&replicasets, &pods}}) {
    std::set<std::string> live;
    for (const auto* o : cluster.store.List(*owner_type))
      live.insert(core::StringAt(*o, {"metadata", "uid"}));
    std::vector<std::pair<std::string, std::string>> doomed;
    for (const auto* d : cluster.store.List(*dependent_type)) {
      std::string owner = ControllerUid(*d);
      if (!owner.empty() && !live.count(owner)) {
        doomed.emplace_back(core::StringAt(*d, {"metadata", "namespace"}),
                            core::StringAt(*d, {"metadata", "name"}));
        cluster.pods.erase(core::StringAt(*d, {"metadata", "uid"}));
      }
    }
    for (const auto& [ns, name] : doomed) cluster.store.Remove(*dependent_type, ns, name);
  }
}

void RunNamespaceController(Cluster& cluster, core::Millis now) {
  const auto& namespaces = *ResourceByPlural("namespaces");
  std::vector<std::string> terminating;
  for (const auto* ns : cluster.store.List(namespaces)) {
    if (core::Find(*ns, {"metadata", "deletionTimestamp"}))
      terminating.push_back(core::StringAt(*ns, {"metadata", "name"}));
  }
  for (const auto& name : terminating) {
    for (const auto& type : AllResources()) {
      if (!type.namespaced) continue;
      std::vector<std::string> names;
      for (const auto* o : cluster.store.List(type, name)) {
        names.push_back(core::StringAt(*o, {"metadata", "name"}));
        cluster.pods.erase(core::StringAt(*o, {"metadata", "uid"}));
      }
      for (const auto& n : names) cluster.store.Remove(type, name, n);
    }
    auto [it, fresh] = cluster.namespace_emptied.emplace(name, now);
    if (!fresh && now - it->second >= cluster.settings.namespace_delete_delay) {
      cluster.store.Remove(namespaces, "", name);
      cluster.namespace_emptied.erase(it);
    }
  }
}

core::Millis NextDue(const Cluster& cluster, core::Millis last_round) {
  if (!cluster.work.empty()) return last_round;
  auto due = cluster.work.NextDelayed();
  for (const auto& [uid, pod] : cluster.pods) {
    // A pod in a pull-error or crash loop with no delay is due again at once,
    // round after round: it waits for the next round instead of spinning.
    if (pod.stage == 0 || pod.next > last_round) due = std::min(due, pod.next);
  }
  for (const auto& [name, emptied] : cluster.namespace_emptied) {
    due = std::min(due, emptied + cluster.settings.namespace_delete_delay);
  }
  return due;
}

void RunControllers(Cluster& cluster, core::Millis now) {
  cluster.work.AddEverything();
  RunQueuedControllers(cluster, now);
}

void RunQueuedControllers(Cluster& cluster, core::Millis now) {
  cluster.work.QueueDue(now);
  const bool everything = cluster.work.TakeEverything();
  if (cluster.work.TakeGarbage() || everything) RunGarbageCollector(cluster);
  RunNamespaceController(cluster, now);
  RunDeploymentController(cluster, now, everything);
  RunReplicaSetController(cluster, now, everything);
  RunKubelet(cluster, now, everything);
  // What the kubelet just changed goes through the ReplicaSet and Deployment
  // controllers until they settle (a pod ready → status → the next step of a
  // rollout → old pods deleted → status), as the real event-driven
  // controllers do within milliseconds, rather than one hop per round. Pods
  // still start only in the kubelet, so a rollout keeps its pace.
  for (int pass = 0; pass < 4 && cluster.work.HasOwners(); ++pass) {
    RunReplicaSetController(cluster, now, false);
    RunDeploymentController(cluster, now, false);
  }
}

void RunUntilSettled(Cluster& cluster, core::Millis now, int max_rounds) {
  for (int round = 0; round < max_rounds; ++round) {
    RunQueuedControllers(cluster, now);
    if (cluster.work.empty()) return;
  }
}

}  // namespace slipway::connectors::kube::model
