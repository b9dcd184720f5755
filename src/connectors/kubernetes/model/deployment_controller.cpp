// The deployment controller (pkg/controller/deployment): one ReplicaSet per
// pod template, rolling update or recreate, revision history, status and
// the Progressing/Available conditions.
#include <algorithm>
#include <boost/json.hpp>

#include "connectors/kubernetes/model/controllers.hpp"
#include "connectors/kubernetes/rollout_math.hpp"
#include "core/common/canonical_json.hpp"
#include "core/common/json_path.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

namespace {

constexpr const char* kRevision = "deployment.kubernetes.io/revision";
constexpr const char* kDesired = "deployment.kubernetes.io/desired-replicas";
constexpr const char* kMaxReplicas = "deployment.kubernetes.io/max-replicas";

// The annotation key contains dots, so Find's dotted paths cannot reach it.
int64_t RevisionOf(const json::object& rs) {
  const auto* ann = core::Find(rs, {"metadata", "annotations"});
  if (!ann || !ann->is_object()) return 0;
  const auto* v = ann->as_object().if_contains(kRevision);
  if (!v || !v->is_string()) return 0;
  try {
    return std::stoll(std::string(v->as_string()));
  } catch (const std::exception&) {
    return 0;
  }
}

// The RS template without the pod-template-hash label, to compare with the
// Deployment's template (EqualIgnoreHash).
std::string TemplateKey(json::value tmpl) {
  if (auto* labels = tmpl.is_object() ? tmpl.as_object().if_contains("metadata") : nullptr;
      labels && labels->is_object()) {
    if (auto* l = labels->as_object().if_contains("labels"); l && l->is_object()) {
      l->as_object().erase("pod-template-hash");
      if (l->as_object().empty()) labels->as_object().erase("labels");
    }
  }
  return core::CanonicalJson(tmpl);
}

json::object NewReplicaSet(const json::object& d, const std::string& hash, int64_t revision,
                           int64_t replicas, int max_surge) {
  std::string name = core::StringAt(d, {"metadata", "name"}) + "-" + hash;
  json::object tmpl = d.at("spec").at("template").as_object();
  core::EnsureObject(tmpl, {"metadata", "labels"})["pod-template-hash"] = hash;
  json::object selector = d.at("spec").at("selector").as_object();
  core::EnsureObject(selector, {"matchLabels"})["pod-template-hash"] = hash;
  json::object labels = tmpl.at("metadata").at("labels").as_object();
  int64_t desired = core::IntAt(d, {"spec", "replicas"}, 1);
  json::object spec{{"replicas", replicas}, {"selector", selector}, {"template", tmpl}};
  if (int64_t mrs = core::IntAt(d, {"spec", "minReadySeconds"}, 0); mrs > 0)
    spec["minReadySeconds"] = mrs;
  return {{"metadata",
           json::object{
               {"name", name},
               {"namespace", core::StringAt(d, {"metadata", "namespace"})},
               {"labels", labels},
               {"annotations", json::object{{kDesired, std::to_string(desired)},
                                            {kMaxReplicas, std::to_string(desired + max_surge)},
                                            {kRevision, std::to_string(revision)}}},
               {"ownerReferences",
                json::array{json::object{{"apiVersion", "apps/v1"},
                                         {"kind", "Deployment"},
                                         {"name", core::StringAt(d, {"metadata", "name"})},
                                         {"uid", core::StringAt(d, {"metadata", "uid"})},
                                         {"controller", true},
                                         {"blockOwnerDeletion", true}}}}}},
          {"spec", std::move(spec)},
          {"status", json::object{{"replicas", 0}}}};
}

json::object Condition(const std::string& type, const std::string& status,
                       const std::string& reason, const std::string& message,
                       const json::object* previous, bool touch, core::Millis at) {
  std::string now = core::Rfc3339Seconds(at);
  json::object c{{"type", type},          {"status", status},
                 {"lastUpdateTime", now}, {"lastTransitionTime", now},
                 {"reason", reason},      {"message", message}};
  if (previous && core::StringAt(*previous, {"status"}) == status) {
    c["lastTransitionTime"] = core::StringAt(*previous, {"lastTransitionTime"}, now);
    if (!touch && core::StringAt(*previous, {"reason"}) == reason) return *previous;
  }
  return c;
}

const json::object* FindCondition(const json::object& d, const std::string& type) {
  const auto* conds = core::Find(d, {"status", "conditions"});
  if (!conds || !conds->is_array()) return nullptr;
  for (const auto& c : conds->as_array()) {
    if (core::StringAt(c, {"type"}) == type && c.is_object()) return &c.as_object();
  }
  return nullptr;
}

void Sync(Cluster& cluster, const json::object& d, core::Millis now) {
  const auto& rs_type = *ResourceByPlural("replicasets");
  const auto& deploy_type = *ResourceByPlural("deployments");
  std::string ns = core::StringAt(d, {"metadata", "namespace"});
  int replicas = static_cast<int>(core::IntAt(d, {"spec", "replicas"}, 1));
  bool recreate = core::StringAt(d, {"spec", "strategy", "type"}) == "Recreate";
  auto fence =
      recreate
          ? connectors::kube::Fenceposts{0, 0}
          : connectors::kube::ResolveFenceposts(
                core::Find(d, {"spec", "strategy", "rollingUpdate", "maxSurge"}),
                core::Find(d, {"spec", "strategy", "rollingUpdate", "maxUnavailable"}), replicas);
  auto rses = OwnedBy(cluster, rs_type, ns, core::StringAt(d, {"metadata", "uid"}));
  std::sort(rses.begin(), rses.end(), [](const auto& a, const auto& b) {
    return std::pair(RevisionOf(a), core::StringAt(a, {"metadata", "creationTimestamp"})) <
           std::pair(RevisionOf(b), core::StringAt(b, {"metadata", "creationTimestamp"}));
  });
  std::string want = TemplateKey(d.at("spec").at("template"));
  int64_t max_revision = 0;
  json::object* new_rs = nullptr;
  for (auto& rs : rses) {
    max_revision = std::max(max_revision, RevisionOf(rs));
    if (const auto* t = core::Find(rs, {"spec", "template"}); t && TemplateKey(*t) == want)
      new_rs = &rs;
  }
  bool paused = core::Find(d, {"spec", "paused"}) && *core::Find(d, {"spec", "paused"}) == true;
  std::string progress_reason;
  std::string new_rs_name;
  int64_t total_spec = 0;
  for (const auto& rs : rses) total_spec += core::IntAt(rs, {"spec", "replicas"});
  if (!new_rs && !paused) {
    int64_t collisions = core::IntAt(d, {"status", "collisionCount"}, 0);
    std::string hash = connectors::kube::PodTemplateHash(d.at("spec").at("template"), collisions);
    std::string name = core::StringAt(d, {"metadata", "name"}) + "-" + hash;
    if (cluster.store.Get(rs_type, ns, name)) {  // a foreign RS holds the name: rehash
      json::object next = d;
      core::EnsureObject(next, {"status"})["collisionCount"] = collisions + 1;
      UpdateIfChanged(cluster, deploy_type, d, std::move(next));
      return;
    }
    bool old_active = total_spec > 0;
    int64_t initial = recreate ? (old_active ? 0 : replicas)
                               : connectors::kube::NewReplicasForRollingUpdate(
                                     replicas, fence.max_surge, static_cast<int>(total_spec), 0);
    rses.push_back(cluster.store.Create(
        rs_type, NewReplicaSet(d, hash, max_revision + 1, initial, fence.max_surge)));
    new_rs = &rses.back();
    max_revision += 1;
    progress_reason = "NewReplicaSetCreated";
  }
  std::vector<json::object> next = rses;  // the desired state of every RS
  json::object* next_new = nullptr;
  std::vector<size_t> old_index;
  for (size_t i = 0; i < rses.size(); ++i) {
    if (&rses[i] == new_rs) {
      next_new = &next[i];
    } else {
      old_index.push_back(i);
    }
  }
  if (next_new && !paused) {
    new_rs_name = core::StringAt(*next_new, {"metadata", "name"});
    auto& ann = core::EnsureObject(*next_new, {"metadata", "annotations"});
    if (RevisionOf(*next_new) < max_revision) ann[kRevision] = std::to_string(max_revision + 1);
    ann[kDesired] = std::to_string(replicas);
    ann[kMaxReplicas] = std::to_string(replicas + fence.max_surge);
    int64_t old_spec = 0, old_pods = 0;
    for (size_t i : old_index) {
      old_spec += core::IntAt(next[i], {"spec", "replicas"});
      old_pods += core::IntAt(next[i], {"status", "replicas"});
    }
    int new_spec = static_cast<int>(core::IntAt(*next_new, {"spec", "replicas"}));
    int new_available = static_cast<int>(core::IntAt(*next_new, {"status", "availableReplicas"}));
    if (recreate) {
      for (size_t i : old_index) core::EnsureObject(next[i], {"spec"})["replicas"] = 0;
      if (old_pods == 0) core::EnsureObject(*next_new, {"spec"})["replicas"] = replicas;
    } else if (old_spec == 0) {
      core::EnsureObject(*next_new, {"spec"})["replicas"] =
          replicas;  // steady state or a scaling event
    } else {
      new_spec = connectors::kube::NewReplicasForRollingUpdate(
          replicas, fence.max_surge, static_cast<int>(old_spec) + new_spec, new_spec);
      core::EnsureObject(*next_new, {"spec"})["replicas"] = new_spec;
      std::vector<connectors::kube::RsCounts> old;
      for (size_t i : old_index) {
        old.push_back({static_cast<int>(core::IntAt(next[i], {"spec", "replicas"})),
                       static_cast<int>(core::IntAt(next[i], {"status", "availableReplicas"}))});
      }
      auto scaled = connectors::kube::ScaleDownOldReplicaSets(replicas, fence.max_unavailable, old,
                                                              {new_spec, new_available});
      for (size_t k = 0; k < old_index.size(); ++k) {
        core::EnsureObject(next[old_index[k]], {"spec"})["replicas"] = scaled[k];
      }
    }
  }
  for (size_t i = 0; i < rses.size(); ++i) UpdateIfChanged(cluster, rs_type, rses[i], next[i]);
  // Revision history: drop the oldest fully scaled-down old ReplicaSets.
  int64_t limit = core::IntAt(d, {"spec", "revisionHistoryLimit"}, 10);
  std::vector<std::string> idle;
  for (size_t i : old_index) {
    if (core::IntAt(next[i], {"spec", "replicas"}) == 0 &&
        core::IntAt(next[i], {"status", "replicas"}) == 0) {
      idle.push_back(core::StringAt(next[i], {"metadata", "name"}));
    }
  }
  for (size_t k = 0; k + static_cast<size_t>(std::max<int64_t>(0, limit)) < idle.size(); ++k) {
    cluster.store.Remove(rs_type, ns, idle[k]);
  }
  // Status, from the ReplicaSets' own status.
  int64_t actual = 0, ready = 0, available = 0, spec_total = 0, updated = 0;
  for (const auto& rs : next) {
    actual += core::IntAt(rs, {"status", "replicas"});
    ready += core::IntAt(rs, {"status", "readyReplicas"});
    available += core::IntAt(rs, {"status", "availableReplicas"});
    spec_total += core::IntAt(rs, {"spec", "replicas"});
  }
  if (next_new) updated = core::IntAt(*next_new, {"status", "replicas"});
  json::object out = d;
  if (next_new) {
    core::EnsureObject(out, {"metadata", "annotations"})[kRevision] =
        std::string(next_new->at("metadata").at("annotations").at(kRevision).as_string());
  }
  json::object& status = core::EnsureObject(out, {"status"});
  json::object old_status = status;
  status["observedGeneration"] = core::IntAt(d, {"metadata", "generation"}, 1);
  status["replicas"] = actual;
  status["updatedReplicas"] = updated;
  status["readyReplicas"] = ready;
  status["availableReplicas"] = available;
  status["unavailableReplicas"] = std::max<int64_t>(0, spec_total - available);
  for (const char* zero : {"replicas", "updatedReplicas", "readyReplicas", "availableReplicas",
                           "unavailableReplicas"}) {
    if (core::IntAt(status, {zero}) == 0)
      status.erase(zero);  // omitempty, as the apiserver prints it
  }
  bool min_available = available >= replicas - fence.max_unavailable;
  auto available_cond = min_available
                            ? Condition("Available", "True", "MinimumReplicasAvailable",
                                        "Deployment has minimum availability.",
                                        FindCondition(d, "Available"), false, now)
                            : Condition("Available", "False", "MinimumReplicasUnavailable",
                                        "Deployment does not have minimum availability.",
                                        FindCondition(d, "Available"), false, now);
  const json::object* prev = FindCondition(d, "Progressing");
  bool complete = updated == replicas && actual == replicas && available == replicas;
  bool progressed = updated > core::IntAt(old_status, {"updatedReplicas"}) ||
                    (actual - updated) < (core::IntAt(old_status, {"replicas"}) -
                                          core::IntAt(old_status, {"updatedReplicas"})) ||
                    ready > core::IntAt(old_status, {"readyReplicas"}) ||
                    available > core::IntAt(old_status, {"availableReplicas"});
  std::string rs_ref = "ReplicaSet \"" + new_rs_name + "\"";
  json::object progressing;
  if (paused) {
    progressing = Condition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused",
                            prev, false, now);
  } else if (progress_reason == "NewReplicaSetCreated") {
    progressing = Condition("Progressing", "True", "NewReplicaSetCreated",
                            "Created new replica set \"" + new_rs_name + "\"", prev, true, now);
  } else if (complete) {
    progressing = Condition("Progressing", "True", "NewReplicaSetAvailable",
                            rs_ref + " has successfully progressed.", prev, false, now);
  } else if (progressed) {
    progressing = Condition("Progressing", "True", "ReplicaSetUpdated", rs_ref + " is progressing.",
                            prev, true, now);
  } else if (!prev) {
    progressing = Condition("Progressing", "True", "FoundNewReplicaSet",
                            "Found new replica set \"" + new_rs_name + "\"", prev, true, now);
  } else if (core::StringAt(*prev, {"reason"}) != "NewReplicaSetAvailable" &&
             core::StringAt(*prev, {"status"}) == "True" &&
             now / 1000 >
                 core::ParseRfc3339(core::StringAt(*prev, {"lastUpdateTime"})).value_or(0) / 1000 +
                     core::IntAt(d, {"spec", "progressDeadlineSeconds"}, 600)) {
    progressing = Condition("Progressing", "False", "ProgressDeadlineExceeded",
                            rs_ref + " has timed out progressing.", prev, true, now);
  } else {
    progressing = *prev;
  }
  // A rollout still progressing times out with time alone: look again at
  // its deadline.
  if (core::StringAt(progressing, {"status"}) == "True" &&
      core::StringAt(progressing, {"reason"}) != "NewReplicaSetAvailable") {
    const int64_t last_update =
        core::ParseRfc3339(core::StringAt(progressing, {"lastUpdateTime"})).value_or(0) / 1000;
    cluster.work.AddAfter(
        deploy_type, {ns, core::StringAt(d, {"metadata", "name"})},
        (last_update + core::IntAt(d, {"spec", "progressDeadlineSeconds"}, 600) + 1) * 1000);
  }
  status["conditions"] = json::array{available_cond, progressing};
  UpdateIfChanged(cluster, deploy_type, d, std::move(out));
}

}  // namespace

void RunDeploymentController(Cluster& cluster, core::Millis now, bool everything) {
  auto keys = cluster.work.TakeDeployments();
  for (const auto& d : ToSync(cluster, *ResourceByPlural("deployments"), everything, keys))
    Sync(cluster, d, now);
}

}  // namespace slipway::connectors::kube::model
