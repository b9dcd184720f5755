#include "services/environments/env_json.hpp"

#include <boost/json.hpp>

namespace slipway::services {

namespace json = boost::json;

json::object PodJson(const PodView& v) {
  const auto& p = v.pod;
  return {{"name", p.name},
          {"phase", p.phase},
          {"ready", p.ready},
          {"restarts", p.restarts},
          {"image", p.image},
          {"pod_ip", p.pod_ip},
          {"node", p.node},
          {"start_time", p.start_time},
          {"age_seconds", v.age_seconds},
          {"waiting_reason", p.waiting_reason},
          {"waiting_message", p.waiting_message},
          {"terminated_reason", p.terminated_reason},
          {"terminating", p.terminating},
          {"revision", p.pod_template_hash}};
}

namespace {

json::object RolloutJson(const connectors::RolloutStatus& r) {
  return {{"desired", r.replicas}, {"updated", r.updated}, {"ready", r.ready}, {"available", r.available},
          {"total", r.total},      {"done", r.done},       {"failed", r.failed}, {"message", r.message}};
}

}  // namespace

json::object LiveStateJson(const LiveState& live) {
  json::array conditions;
  for (const auto& c : live.conditions) {
    conditions.push_back({{"type", c.type}, {"status", c.status}, {"reason", c.reason}, {"message", c.message}});
  }
  json::array notes;
  for (const auto& n : live.notes) notes.emplace_back(n);
  return {{"reachable", live.reachable},
          {"error", live.error},
          {"deployment_found", live.deployment_found},
          {"replicas", RolloutJson(live.rollout)},
          {"conditions", std::move(conditions)},
          {"pods", live.pods},
          {"notes", std::move(notes)}};
}

json::object DeploymentStatusJson(const connectors::Deployment& deployment) {
  json::array conditions;
  if (const auto* status = deployment.if_contains("status"); status && status->is_object()) {
    if (const auto* list = status->as_object().if_contains("conditions"); list && list->is_array()) {
      for (const auto& c : list->as_array()) {
        if (!c.is_object()) continue;
        json::object out;
        for (const char* key : {"type", "status", "reason", "message"}) {
          const auto* v = c.as_object().if_contains(key);
          out[key] = v && v->is_string() ? v->as_string() : json::string();
        }
        conditions.push_back(std::move(out));
      }
    }
  }
  return {{"name", deployment.at("metadata").at("name")},
          {"replicas", RolloutJson(connectors::EvaluateRollout(deployment))},
          {"conditions", std::move(conditions)}};
}

}  // namespace slipway::services
