#include "core/lane/lane_render.hpp"

#include <boost/json.hpp>
#include <cctype>

#include "core/lane/lane_names.hpp"

namespace slipway::core {

namespace json = boost::json;

namespace {

void SetVar(std::vector<EnvVar>& vars, const EnvVar& var) {
  for (auto& v : vars) {
    if (v.name == var.name) {
      v.value = var.value;
      return;
    }
  }
  vars.push_back(var);
}

json::object Metadata(const Lane& lane, const std::string& name, json::object labels) {
  labels[kManagedByLabel] = "slipway";
  labels[kLaneLabel] = lane.namespace_name;
  return {{"name", name}, {"namespace", lane.namespace_name}, {"labels", std::move(labels)}};
}

}  // namespace

std::string ConsumerGroupVariable(const std::string& topic) {
  std::string out = kConsumerGroupVariablePrefix;
  for (char c : topic) {
    out.push_back(std::isalnum(static_cast<unsigned char>(c))
                      ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                      : '_');
  }
  return out;
}

std::vector<EnvVar> LaneVariables(const Lane& lane, const std::string& app,
                                  const std::string& config_variable,
                                  const std::string& config_location) {
  std::vector<EnvVar> vars{{kLaneVariable, lane.namespace_name}};
  if (!config_variable.empty()) vars.push_back({config_variable, config_location});
  for (const auto& producer : lane.coloring.producers) {
    if (producer == app) vars.push_back({kLaneColorVariable, lane.namespace_name});
  }
  for (const auto& consumer : lane.coloring.consumers) {
    if (consumer.app == app) {
      vars.push_back(
          {ConsumerGroupVariable(consumer.topic), LaneConsumerGroup(consumer.group, lane.name)});
    }
  }
  return vars;
}

EnvSpec LaneSpec(const EnvSpec& base, const LaneAppSpec& overrides,
                 const std::vector<EnvVar>& injected) {
  EnvSpec spec = base;
  if (overrides.replicas) spec.replicas = *overrides.replicas;
  for (const auto& v : overrides.env) SetVar(spec.env, v);
  for (const auto& v : injected) SetVar(spec.env, v);
  return spec;
}

RenderInput LaneRenderInput(const Lane& lane, const LaneAppSpec& app, const std::string& image,
                            EnvSpec spec) {
  RenderInput in;
  in.app = app.app;
  in.env_id = app.base_env_id;
  in.env_type = lane.namespace_name;
  in.namespace_name = lane.namespace_name;
  in.image = image;
  in.spec = std::move(spec);
  return in;
}

std::string LaneIngressName(const std::string& app, const std::string& domain) {
  return app + "-" + domain;
}

json::object RenderLaneIngress(const Lane& lane, const std::string& app, const std::string& domain,
                               const std::string& host, const std::string& service, int port) {
  json::object backend{{"service", {{"name", service}, {"port", {{"number", port}}}}}};
  json::object path{{"path", "/"}, {"pathType", "Prefix"}, {"backend", std::move(backend)}};
  json::object rule{{"host", host}, {"http", {{"paths", json::array{std::move(path)}}}}};
  return {{"apiVersion", "networking.k8s.io/v1"},
          {"kind", "Ingress"},
          {"metadata", Metadata(lane, LaneIngressName(app, domain), {{"app", app}})},
          {"spec", {{"rules", json::array{std::move(rule)}}}}};
}

json::object RenderFallbackService(const Lane& lane, const std::string& service,
                                   const std::string& target) {
  return {{"apiVersion", "v1"},
          {"kind", "Service"},
          {"metadata", Metadata(lane, service, {{kLaneFallbackLabel, "true"}})},
          {"spec", {{"type", "ExternalName"}, {"externalName", target}}}};
}

std::string ClusterServiceHost(const std::string& service, const std::string& namespace_name) {
  return service + "." + namespace_name + ".svc.cluster.local";
}

}  // namespace slipway::core
