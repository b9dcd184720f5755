// SummarizePod: the instance-list row of one pod, read the way `kubectl get
// pods` reads it (ready from the Ready condition, restarts summed, the first
// waiting container's reason shown, OOMKilled visible through lastState).

#include <boost/json/array.hpp>

#include "connectors/kubernetes.hpp"
#include "connectors/kubernetes/json_access.hpp"

namespace slipway::connectors {

namespace {

const boost::json::array* ArrayAt(const KubeObject& o,
                                  std::initializer_list<std::string_view> path) {
  const auto* v = kube::Find(o, path);
  return v ? v->if_array() : nullptr;
}

bool ReadyCondition(const KubeObject& pod, bool& ready) {
  const auto* conditions = ArrayAt(pod, {"status", "conditions"});
  if (!conditions) return false;
  for (const auto& c : *conditions) {
    if (c.is_object() && kube::StringAt(c.as_object(), {"type"}) == "Ready") {
      ready = kube::StringAt(c.as_object(), {"status"}) == "True";
      return true;
    }
  }
  return false;
}

}  // namespace

PodSummary SummarizePod(const KubeObject& pod) {
  PodSummary s;
  s.name = kube::StringAt(pod, {"metadata", "name"});
  s.phase = kube::StringAt(pod, {"status", "phase"});
  s.pod_ip = kube::StringAt(pod, {"status", "podIP"});
  s.node = kube::StringAt(pod, {"spec", "nodeName"});
  s.start_time = kube::StringAt(pod, {"status", "startTime"});
  s.terminating = kube::Find(pod, {"metadata", "deletionTimestamp"}) != nullptr;
  s.pod_template_hash = kube::StringAt(pod, {"metadata", "labels", "pod-template-hash"});
  if (const auto* containers = ArrayAt(pod, {"spec", "containers"});
      containers && !containers->empty() && containers->front().is_object()) {
    s.image = kube::StringAt(containers->front().as_object(), {"image"});
  }

  bool all_ready = true;
  bool any_status = false;
  std::string last_terminated;
  if (const auto* statuses = ArrayAt(pod, {"status", "containerStatuses"})) {
    for (const auto& v : *statuses) {
      if (!v.is_object()) continue;
      const auto& cs = v.as_object();
      any_status = true;
      s.restarts += static_cast<int>(kube::IntAt(cs, {"restartCount"}));
      if (const auto* ready = cs.if_contains("ready");
          !ready || !ready->is_bool() || !ready->as_bool()) {
        all_ready = false;
      }
      if (s.waiting_reason.empty()) {
        s.waiting_reason = kube::StringAt(cs, {"state", "waiting", "reason"});
        s.waiting_message = kube::StringAt(cs, {"state", "waiting", "message"});
      }
      if (s.terminated_reason.empty()) {
        s.terminated_reason = kube::StringAt(cs, {"state", "terminated", "reason"});
      }
      if (last_terminated.empty()) {
        last_terminated = kube::StringAt(cs, {"lastState", "terminated", "reason"});
      }
    }
  }
  // A crash-looping container waits with CrashLoopBackOff; why it died
  // (OOMKilled, Error) is only in its last state.
  if (s.terminated_reason.empty()) s.terminated_reason = last_terminated;
  if (!ReadyCondition(pod, s.ready)) s.ready = any_status && all_ready;
  return s;
}

}  // namespace slipway::connectors
