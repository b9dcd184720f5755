#include "http/handlers/env_live_views.hpp"

#include <boost/json.hpp>

namespace slipway::http {

namespace json = boost::json;

namespace {

json::object RolloutJson(const connectors::RolloutStatus& r) {
  return {{"desired", r.replicas},    {"updated", r.updated}, {"ready", r.ready},
          {"available", r.available}, {"total", r.total},     {"done", r.done},
          {"failed", r.failed},       {"message", r.message}};
}

json::array ConditionsJson(const std::vector<services::DeploymentCondition>& conditions) {
  json::array out;
  for (const auto& c : conditions) {
    out.push_back(
        {{"type", c.type}, {"status", c.status}, {"reason", c.reason}, {"message", c.message}});
  }
  return out;
}

// Visits each kind of event.
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};

}  // namespace

json::object PodJson(const services::PodView& v) {
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

json::object LiveStateJson(const services::LiveState& live) {
  json::array notes;
  for (const auto& n : live.notes) notes.emplace_back(n);
  return {{"reachable", live.reachable},
          {"error", live.error},
          {"deployment_found", live.deployment_found},
          {"replicas", RolloutJson(live.rollout)},
          {"conditions", ConditionsJson(live.conditions)},
          {"pods", live.pods},
          {"notes", std::move(notes)}};
}

json::object DeploymentStatusJson(const services::DeploymentStatus& status) {
  return {{"name", status.name},
          {"replicas", RolloutJson(status.rollout)},
          {"conditions", ConditionsJson(status.conditions)}};
}

std::pair<std::string, json::object> EnvEventJson(const services::EnvEvent& event) {
  return std::visit(
      Overloaded{
          [](const services::EnvPodsEvent& e) {
            json::array items;
            for (const auto& p : e.pods) items.push_back(PodJson(p));
            return std::pair<std::string, json::object>("pods", {{"items", std::move(items)}});
          },
          [](const services::EnvPodEvent& e) {
            return std::pair<std::string, json::object>(
                "pod", {{"type", e.change}, {"pod", PodJson(e.pod)}});
          },
          [](const services::EnvDeploymentEvent& e) {
            return std::pair<std::string, json::object>("deployment",
                                                        DeploymentStatusJson(e.status));
          },
          [](const services::EnvWatchError& e) {
            return std::pair<std::string, json::object>("error", {{"message", e.message}});
          }},
      event);
}

}  // namespace slipway::http
