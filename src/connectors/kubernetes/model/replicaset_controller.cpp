// The replicaset controller (pkg/controller/replicaset): keeps
// spec.replicas pods and reports how many are ready and available.
#include <algorithm>
#include <boost/json.hpp>

#include "connectors/kubernetes/model/controllers.hpp"
#include "connectors/kubernetes/model/defaults.hpp"
#include "connectors/kubernetes/model/generated_ids.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

namespace {

constexpr const char* kNodeName = "sandbox-node-1";  // the one node

json::object NewPod(const json::object& rs) {
  json::object tmpl = rs.at("spec").at("template").as_object();
  json::object meta = tmpl.contains("metadata") ? tmpl.at("metadata").as_object() : json::object();
  std::string rs_name = core::StringAt(rs, {"metadata", "name"});
  meta["name"] = rs_name + "-" + RandomSuffix(5);
  meta["generateName"] = rs_name + "-";
  meta["namespace"] = core::StringAt(rs, {"metadata", "namespace"});
  meta["ownerReferences"] =
      json::array{json::object{{"apiVersion", "apps/v1"},
                               {"kind", "ReplicaSet"},
                               {"name", rs_name},
                               {"uid", core::StringAt(rs, {"metadata", "uid"})},
                               {"controller", true},
                               {"blockOwnerDeletion", true}}};
  json::object spec = tmpl.contains("spec") ? tmpl.at("spec").as_object() : json::object();
  DefaultPodSpec(spec);
  spec["nodeName"] = kNodeName;  // the scheduler binds at once: one node
  spec["enableServiceLinks"] = true;
  spec["preemptionPolicy"] = "PreemptLowerPriority";
  spec["priority"] = 0;
  spec["serviceAccountName"] = "default";
  spec["serviceAccount"] = "default";
  return {{"metadata", std::move(meta)},
          {"spec", std::move(spec)},
          {"status", json::object{{"phase", "Pending"}, {"qosClass", "BestEffort"}}}};
}

bool IsReady(const json::object& pod) { return ReadySince(pod) > 0; }

void Sync(Cluster& cluster, const json::object& rs, core::Millis now) {
  const auto& pod_type = *ResourceByPlural("pods");
  const auto& rs_type = *ResourceByPlural("replicasets");
  std::string ns = core::StringAt(rs, {"metadata", "namespace"});
  auto pods = OwnedBy(cluster, pod_type, ns, core::StringAt(rs, {"metadata", "uid"}));
  int64_t want = core::IntAt(rs, {"spec", "replicas"}, 1);
  int64_t have = static_cast<int64_t>(pods.size());
  for (int64_t i = have; i < want; ++i) {
    auto pod = cluster.store.Create(pod_type, NewPod(rs));
    auto& rt = cluster.pods[core::StringAt(pod, {"metadata", "uid"})];
    rt.ns = ns;
    rt.name = core::StringAt(pod, {"metadata", "name"});
    rt.created = now;
    rt.next = now + cluster.settings.pod_ready_delay;
    pods.push_back(std::move(pod));
  }
  if (have > want) {
    // Unready pods go first, then the newest (ActivePods ordering, simplified).
    std::stable_sort(pods.begin(), pods.end(), [](const auto& a, const auto& b) {
      if (IsReady(a) != IsReady(b)) return !IsReady(a);
      return core::StringAt(a, {"metadata", "creationTimestamp"}) >
             core::StringAt(b, {"metadata", "creationTimestamp"});
    });
    for (int64_t i = 0; i < have - want; ++i) {
      cluster.store.Remove(pod_type, ns, core::StringAt(pods[i], {"metadata", "name"}));
      cluster.pods.erase(core::StringAt(pods[i], {"metadata", "uid"}));
    }
    pods.erase(pods.begin(), pods.begin() + (have - want));
  }
  int64_t min_ready = core::IntAt(rs, {"spec", "minReadySeconds"}, 0);
  int64_t ready = 0, available = 0;
  const int64_t t = now / 1000;
  core::Millis next_available = kNever;
  for (const auto& p : pods) {
    int64_t since = ReadySince(p);
    if (since == 0) continue;
    ++ready;
    if (min_ready == 0 || t - since >= min_ready) {
      ++available;
    } else {
      next_available = std::min(next_available, (since + min_ready) * 1000);
    }
  }
  // A ready pod turns available with time alone: look again then.
  if (next_available != kNever) {
    cluster.work.AddAfter(rs_type, {ns, core::StringAt(rs, {"metadata", "name"})}, next_available);
  }
  json::object next = rs;
  auto& status = core::EnsureObject(next, {"status"});
  status["replicas"] = static_cast<int64_t>(pods.size());
  status["fullyLabeledReplicas"] = static_cast<int64_t>(pods.size());
  status["readyReplicas"] = ready;
  status["availableReplicas"] = available;
  status["observedGeneration"] = core::IntAt(rs, {"metadata", "generation"}, 1);
  for (const char* zero : {"fullyLabeledReplicas", "readyReplicas", "availableReplicas"}) {
    if (core::IntAt(status, {zero}) == 0) status.erase(zero);
  }
  UpdateIfChanged(cluster, rs_type, rs, std::move(next));
}

}  // namespace

void RunReplicaSetController(Cluster& cluster, core::Millis now, bool everything) {
  auto keys = cluster.work.TakeReplicaSets();
  for (const auto& rs : ToSync(cluster, *ResourceByPlural("replicasets"), everything, keys))
    Sync(cluster, rs, now);
}

}  // namespace slipway::connectors::kube::model
