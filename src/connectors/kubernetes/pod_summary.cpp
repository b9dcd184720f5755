// SummarizePod: the instance-list row of one pod, read the way `kubectl get
// pods` reads it (ready from the Ready condition, restarts summed, the first
// waiting container's reason shown, OOMKilled visible through lastState).

#include <boost/json/array.hpp>

#include "connectors/kubernetes.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {

namespace {

const boost::json::array* ArrayAt(const KubeObject& o, core::JsonPath path) {
  const auto* v = core::Find(o, path);
  return v ? v->if_array() : nullptr;
}

bool ReadyCondition(const KubeObject& pod, bool& ready) {
  const auto* conditions = ArrayAt(pod, {"status", "conditions"});
  if (!conditions) return false;
  for (const auto& c : *conditions) {
    if (c.is_object() && core::StringAt(c.as_object(), {"type"}) == "Ready") {
      ready = core::StringAt(c.as_object(), {"status"}) == "True";
      return true;
    }
  }
  return false;
}

}  // namespace

PodSummary SummarizePod(const KubeObject& pod) {
  PodSummary s;
  s.name = core::StringAt(pod, {"metadata", "name"});
  s.phase = core::StringAt(pod, {"status", "phase"});
  s.pod_ip = core::StringAt(pod, {"status", "podIP"});
  s.node = core::StringAt(pod, {"spec", "nodeName"});
  s.start_time = core::StringAt(pod, {"status", "startTime"});
  s.terminating = core::Find(pod, {"metadata", "deletionTimestamp"}) != nullptr;
  s.pod_template_hash = core::StringAt(pod, {"metadata", "labels", "pod-template-hash"});
  if (const auto* containers = ArrayAt(pod, {"spec", "containers"});
      containers && !containers->empty() && containers->front().is_object()) {
    s.image = core::StringAt(containers->front().as_object(), {"image"});
  }

  bool all_ready = true;
  bool any_status = false;
  std::string last_terminated;
  if (const auto* statuses = ArrayAt(pod, {"status", "containerStatuses"})) {
    for (const auto& v : *statuses) {
      if (!v.is_object()) continue;
      const auto& cs = v.as_object();
      any_status = true;
      s.restarts += static_cast<int>(core::IntAt(cs, {"restartCount"}));
      if (const auto* ready = cs.if_contains("ready");
          !ready || !ready->is_bool() || !ready->as_bool()) {
        all_ready = false;
      }
      if (s.waiting_reason.empty()) {
        s.waiting_reason = core::StringAt(cs, {"state", "waiting", "reason"});
        s.waiting_message = core::StringAt(cs, {"state", "waiting", "message"});
      }
      if (s.terminated_reason.empty()) {
        s.terminated_reason = core::StringAt(cs, {"state", "terminated", "reason"});
      }
      if (last_terminated.empty()) {
        last_terminated = core::StringAt(cs, {"lastState", "terminated", "reason"});
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
