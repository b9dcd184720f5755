#include "core/environments/render.hpp"

#include <boost/json.hpp>

namespace slipway::core {

namespace json = boost::json;

namespace {

json::object Labels(const RenderInput& in, bool with_track) {
  json::object labels{{"app", in.app}, {"env", in.env_type}};
  if (with_track) labels["track"] = in.track;
  labels[kManagedByLabel] = "slipway";
  return labels;
}

json::object ProbeJson(const Probe& p) {
  json::object o;
  if (p.type == "http") {
    o["httpGet"] = {{"path", p.path}, {"port", p.port}};
  } else if (p.type == "tcp") {
    o["tcpSocket"] = {{"port", p.port}};
  } else {
    json::array cmd;
    for (const auto& c : p.command) cmd.emplace_back(c);
    o["exec"] = {{"command", std::move(cmd)}};
  }
  o["initialDelaySeconds"] = p.initial_delay_seconds;
  o["periodSeconds"] = p.period_seconds;
  o["timeoutSeconds"] = p.timeout_seconds;
  o["failureThreshold"] = p.failure_threshold;
  return o;
}

json::object Container(const RenderInput& in) {
  json::object c{{"name", in.app}, {"image", in.image}, {"imagePullPolicy", "IfNotPresent"}};
  if (!in.spec.ports.empty()) {
    json::array ports;
    for (const auto& p : in.spec.ports) {
      json::object port{{"containerPort", p.container_port}, {"protocol", p.protocol}};
      if (!p.name.empty()) port["name"] = p.name;
      ports.push_back(std::move(port));
    }
    c["ports"] = std::move(ports);
  }
  if (!in.spec.env.empty()) {
    json::array env;
    for (const auto& v : in.spec.env) env.push_back({{"name", v.name}, {"value", v.value}});
    c["env"] = std::move(env);
  }
  const auto& r = in.spec.resources;
  c["resources"] = {{"requests", {{"cpu", r.cpu_request}, {"memory", r.memory_request}}},
                    {"limits", {{"cpu", r.cpu_limit}, {"memory", r.memory_limit}}}};
  if (in.spec.readiness) c["readinessProbe"] = ProbeJson(*in.spec.readiness);
  if (in.spec.liveness) c["livenessProbe"] = ProbeJson(*in.spec.liveness);
  return c;
}

json::object ServiceJson(const RenderInput& in, const std::string& name, const std::string& type,
                         json::array ports) {
  return {{"apiVersion", "v1"},
          {"kind", "Service"},
          {"metadata",
           {{"name", name},
            {"namespace", in.namespace_name},
            {"labels", Labels(in, false)},
            {"annotations", {{kEnvironmentIdAnnotation, std::to_string(in.env_id)}}}}},
          {"spec",
           {{"type", type},
            {"selector", {{"app", in.app}, {"env", in.env_type}}},
            {"ports", std::move(ports)}}}};
}

}  // namespace

std::string DeploymentName(const std::string& app, const std::string& track) {
  return track == kTrackStable ? app : app + "-" + track;
}

std::string PodSelector(const std::string& app, const std::string& env_type,
                        const std::string& track) {
  std::string s = "app=" + app + ",env=" + env_type;
  if (!track.empty()) s += ",track=" + track;
  return s;
}

std::string PlaceholderImage(const std::string& registry, const std::string& app) {
  return (registry.empty() ? std::string("registry.invalid") : registry) + "/slipway-unbuilt/" +
         app + ":no-image-yet";
}

json::object RenderDeployment(const RenderInput& in) {
  json::object selector{{"app", in.app}, {"env", in.env_type}, {"track", in.track}};
  json::object pod_labels = Labels(in, true);
  int replicas = in.replicas >= 0 ? in.replicas : in.spec.replicas;
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata",
           {{"name", DeploymentName(in.app, in.track)},
            {"namespace", in.namespace_name},
            {"labels", Labels(in, true)},
            {"annotations", {{kEnvironmentIdAnnotation, std::to_string(in.env_id)}}}}},
          {"spec",
           {{"replicas", replicas},
            {"selector", {{"matchLabels", std::move(selector)}}},
            // Never below the desired count while rolling: a new pod must be
            // ready before an old one goes.
            {"strategy",
             {{"type", "RollingUpdate"},
              {"rollingUpdate", {{"maxSurge", "25%"}, {"maxUnavailable", 0}}}}},
            {"revisionHistoryLimit", 10},
            {"progressDeadlineSeconds", 600},
            {"template",
             {{"metadata", {{"labels", std::move(pod_labels)}}},
              {"spec",
               {{"containers", json::array{Container(in)}},
                {"terminationGracePeriodSeconds", 30}}}}}}}};
}

std::vector<json::object> RenderServices(const RenderInput& in) {
  std::vector<json::object> out;
  if (in.spec.services.empty()) {
    if (in.spec.ports.empty()) return out;  // nothing to expose
    json::array ports;
    for (const auto& p : in.spec.ports) {
      json::object port{
          {"port", p.service_port}, {"targetPort", p.container_port}, {"protocol", p.protocol}};
      if (!p.name.empty()) port["name"] = p.name;
      ports.push_back(std::move(port));
    }
    out.push_back(ServiceJson(in, in.app, "ClusterIP", std::move(ports)));
    return out;
  }
  for (const auto& s : in.spec.services) {
    json::array ports;
    for (const auto& p : s.ports) {
      json::object port{{"port", p.port}, {"targetPort", p.target_port}, {"protocol", p.protocol}};
      if (!p.name.empty()) port["name"] = p.name;
      if (p.node_port) port["nodePort"] = p.node_port;
      ports.push_back(std::move(port));
    }
    out.push_back(ServiceJson(in, s.name, s.type, std::move(ports)));
  }
  return out;
}

}  // namespace slipway::core
