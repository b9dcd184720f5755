#include "services/lanes/lane_artefacts.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "core/common/repo_path.hpp"
#include "core/config/config_file.hpp"
#include "core/lane/lane_names.hpp"
#include "core/lane/lane_render.hpp"
#include "core/lane/lane_rewrite.hpp"
#include "services/builds/build_addresses.hpp"
#include "services/environments/env_objects.hpp"
#include "services/lanes/lane_parallel.hpp"
#include "store/app_repository.hpp"
#include "store/cluster_repository.hpp"

namespace slipway::services::lanes {

namespace json = boost::json;

namespace {

bool IsFallback(const connectors::KubeObject& object) {
  const auto* labels = object.at("metadata").as_object().if_contains("labels");
  return labels && labels->is_object() && labels->as_object().contains(core::kLaneFallbackLabel);
}

core::Status DeleteIfPresent(connectors::Kubernetes& kube, const connectors::KubeResource& resource,
                             const std::string& ns, const std::string& name) {
  auto deleted = kube.Delete(resource, ns, name, connectors::PropagationPolicy::kBackground);
  if (!deleted.ok() && deleted.error().code != core::Code::kNotFound) return deleted.error();
  return core::Ok{};
}

core::RenderInput RenderInputOf(const LaneWorkflowDeps& deps, const core::Lane& lane,
                                const ResolvedApp& app, const std::string& image) {
  auto [variable, location] = ConfigVariable(lane, app, deps.config);
  auto injected = core::LaneVariables(lane, app.app.name, variable, location);
  return core::LaneRenderInput(lane, app.spec, image,
                               core::LaneSpec(app.base.spec, app.spec, injected));
}

std::pair<std::string, std::string> StrPair(const json::value& v) {
  const auto& a = v.as_array();
  return {std::string(a.at(0).as_string()), std::string(a.at(1).as_string())};
}

}  // namespace

std::string LaneHookUrl(const LaneSettings& settings, const ServerAddress& address,
                        const core::Lane& lane) {
  const std::string base =
      settings.hook_url.empty() ? address.url() + "/hooks/gitlab" : settings.hook_url;
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "lane=" + lane.namespace_name;
}

std::string LaneManualImage(const LaneWorkflowDeps& deps, const core::Lane& lane,
                            const ResolvedApp& app) {
  return BuildImageAddress(deps.connections.registry_host.get(), app.app,
                           core::LaneManualImageTag(lane.name), deps.builds);
}

std::string LaneBaseImage(const ResolvedApp& app) {
  return app.base.image.empty() ? core::PlaceholderImage(app.base_registry, app.app.name)
                                : app.base.image;
}

core::Result<int> CopyConfig(const LaneWorkflowDeps& deps, const core::Lane& lane,
                             const ResolvedApp& app) {
  auto base = OpenConfigFiles(deps.connections, deps.config, BaseConfigTarget(app));
  if (!base.ok()) return base.error();
  const auto target = LaneConfigTarget(lane, app);
  if (app.backend == core::ConfigBackend::kApollo) {
    // The lane's Apollo cluster must exist before files can be written to it.
    const auto env = ApolloEnvFor(deps.config, target.env_type);
    auto cluster = deps.connections.apollo->GetCluster(env, target.app, target.cluster);
    if (!cluster.ok()) {
      if (cluster.error().code != core::Code::kNotFound) return cluster.error();
      auto made = deps.connections.apollo->CreateCluster(env, target.app, target.cluster,
                                                         LaneConfigActor(deps.config, lane.owner));
      if (!made.ok() && made.error().code != core::Code::kConflict) return made.error();
    }
  }
  auto copy = OpenConfigFiles(deps.connections, deps.config, target);
  if (!copy.ok()) return copy.error();
  auto files = (*base)->List();
  if (!files.ok()) return files.error();
  const core::RewriteContext rewrite{lane.namespace_name, deps.lanes.domain_suffix};
  int copied = 0;
  for (const auto& file : *files) {
    auto existing = (*copy)->Read(file.name);
    if (!existing.ok()) return existing.error();
    if (existing->exists) continue;
    const bool properties = core::ConfigFormatOf(file.name) == core::ConfigFormat::kProperties;
    std::string content = core::RewriteFile(file.name, file.content, properties,
                                            deps.lanes.rewrite_rules, rewrite, nullptr);
    auto written =
        (*copy)->Write(file.name, content, 0,
                       {.actor = LaneConfigActor(deps.config, lane.owner),
                        .comment = "lane " + lane.name + ": copied from " + app.base.env_type,
                        .title = "lane " + lane.name});
    // A lost answer to an earlier run's write: the file is there now.
    if (!written.ok() && written.error().code != core::Code::kConflict) return written.error();
    ++copied;
  }
  return copied;
}

core::Status DeployLaneApp(const LaneWorkflowDeps& deps, connectors::Kubernetes& kube,
                           const core::Lane& lane, const ResolvedApp& app,
                           const std::string& image) {
  auto input = RenderInputOf(deps, lane, app, image);
  for (const auto& name : ServiceNames(app.base, app.app.name)) {
    auto existing = kube.Get(connectors::kube::kServices, lane.namespace_name, name);
    if (existing.ok() && IsFallback(*existing)) {
      auto status = DeleteIfPresent(kube, connectors::kube::kServices, lane.namespace_name, name);
      if (!status.ok()) return status;
    }
  }
  return ApplyEnvironmentObjects(kube, input);
}

core::Status ExposeLaneApp(const LaneWorkflowDeps& deps, connectors::Kubernetes& kube,
                           const core::Lane& lane, const ResolvedApp& app) {
  if (app.spec.domains.empty()) return core::Ok{};
  if (!Configured(deps.connections.dns)) return NotConfigured("dns");
  auto services = core::RenderServices(RenderInputOf(deps, lane, app, LaneBaseImage(app)));
  if (services.empty())
    return core::Conflict(app.app.name + " has no Service for its external domains");
  const auto& service = services.front();
  const auto& ports = service.at("spec").at("ports").as_array();
  if (ports.empty())
    return core::Conflict(app.app.name + "'s Service has no port for its external domains");
  const std::string service_name(service.at("metadata").at("name").as_string());
  const int port = static_cast<int>(ports.front().at("port").to_number<std::int64_t>());
  for (const auto& domain : app.spec.domains) {
    const auto host = core::LaneExternalDomain(domain, lane.name, deps.lanes.domain_suffix);
    auto ingress =
        kube.Apply(lane.namespace_name,
                   core::RenderLaneIngress(lane, app.app.name, domain, host, service_name, port));
    if (!ingress.ok()) return ingress.error();
    auto record = deps.connections.dns->Replace(
        {host, connectors::DnsType::kA, deps.lanes.ingress_address, 60});
    if (!record.ok()) return record.error();
  }
  return core::Ok{};
}

core::Result<int> ApplyFallbacks(
    connectors::Kubernetes& kube, const core::Lane& lane,
    const std::vector<std::pair<std::string, std::string>>& fallbacks) {
  if (fallbacks.empty()) return 0;
  // One list of the namespace's Services instead of a read per fallback,
  // then the writes side by side: 2 round trips on the way instead of 3 per
  // fallback (Get, then Apply's own Get and write).
  auto listed = kube.List(connectors::kube::kServices, lane.namespace_name, {});
  if (!listed.ok()) return listed.error();
  std::map<std::string, const connectors::KubeObject*> present;
  for (const auto& item : listed->items) {
    const auto* name = item.at("metadata").as_object().if_contains("name");
    if (name && name->is_string()) present[std::string(name->as_string())] = &item;
  }
  struct Write {
    const std::string* service;
    const std::string* target;
    bool exists;
  };
  std::vector<Write> writes;
  for (const auto& [service, target] : fallbacks) {
    auto it = present.find(service);
    if (it != present.end()) {
      if (!IsFallback(*it->second)) continue;  // a lane app provides it
      const auto* name = it->second->at("spec").as_object().if_contains("externalName");
      if (name && name->is_string() && name->as_string() == target) continue;
    }
    writes.push_back({&service, &target, it != present.end()});
  }
  std::vector<core::Status> results(writes.size(), core::Status(core::Ok{}));
  ParallelFor(writes.size(), [&](std::size_t i) {
    const auto& w = writes[i];
    auto object = core::RenderFallbackService(lane, *w.service, *w.target);
    if (!w.exists) {
      auto made = kube.Create(connectors::kube::kServices, lane.namespace_name, object);
      if (made.ok()) return;
      // Made meanwhile (an earlier run's lost answer, a lane app): as before.
      if (made.error().code != core::Code::kConflict) {
        results[i] = made.error();
        return;
      }
      auto existing = kube.Get(connectors::kube::kServices, lane.namespace_name, *w.service);
      if (!existing.ok()) {
        results[i] = existing.error();
        return;
      }
      if (!IsFallback(*existing)) return;  // a lane app provides it
    }
    auto applied = kube.Apply(lane.namespace_name, std::move(object));
    if (!applied.ok()) results[i] = applied.error();
  });
  int created = 0;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    if (!results[i].ok()) return results[i].error();
    if (!writes[i].exists) ++created;
  }
  return created;
}

json::object TeardownToJson(const AppTeardown& t) {
  json::array restore;
  for (const auto& [svc, target] : t.restore)
    restore.push_back(json::array{json::string(svc), json::string(target)});
  return {{"lane_id", t.lane_id},
          {"lane_owner", t.lane_owner},
          {"app_id", t.app_id},
          {"app", t.app},
          {"project", t.project},
          {"repo_url", t.repo_url},
          {"domains", json::value_from(t.domains)},
          {"config",
           {{"app", t.lane_config.app},
            {"env_type", t.lane_config.env_type},
            {"cluster", t.lane_config.cluster},
            {"backend", std::string(core::ConfigBackendName(t.lane_config.backend))}}},
          {"services", json::value_from(t.services)},
          {"restore", std::move(restore)}};
}

AppTeardown TeardownFromJson(const json::value& input) {
  const auto& o = input.as_object();
  AppTeardown t;
  t.lane_id = o.at("lane_id").as_int64();
  // Absent from teardowns written before it was recorded.
  if (const auto* owner = o.if_contains("lane_owner"))
    t.lane_owner = json::value_to<std::string>(*owner);
  t.app_id = o.at("app_id").as_int64();
  t.app = json::value_to<std::string>(o.at("app"));
  t.project = json::value_to<std::string>(o.at("project"));
  t.repo_url = json::value_to<std::string>(o.at("repo_url"));
  t.domains = json::value_to<std::vector<std::string>>(o.at("domains"));
  const auto& c = o.at("config").as_object();
  t.lane_config = {json::value_to<std::string>(c.at("app")),
                   json::value_to<std::string>(c.at("env_type")),
                   json::value_to<std::string>(c.at("cluster")),
                   core::ParseConfigBackend(json::value_to<std::string>(c.at("backend")))
                       .value_or(core::ConfigBackend::kConsul)};
  t.services = json::value_to<std::vector<std::string>>(o.at("services"));
  for (const auto& r : o.at("restore").as_array()) t.restore.push_back(StrPair(r));
  return t;
}

AppTeardown TeardownOf(const core::Lane& lane, const ResolvedApp& app,
                       std::vector<std::pair<std::string, std::string>> restore) {
  AppTeardown t;
  t.lane_id = lane.id;
  t.lane_owner = lane.owner;
  t.app_id = app.app.id;
  t.app = app.app.name;
  t.project = core::RepoProjectPath(app.app.repo_url);
  t.repo_url = app.app.repo_url;
  t.domains = app.spec.domains;
  t.lane_config = LaneConfigTarget(lane, app);
  t.services = ServiceNames(app.base, app.app.name);
  for (auto& [svc, target] : restore) {
    if (std::find(t.services.begin(), t.services.end(), svc) != t.services.end())
      t.restore.emplace_back(svc, target);
  }
  return t;
}

std::vector<AppTeardown> LoadTeardownApps(store::Tx& tx, const core::Lane& lane) {
  std::vector<AppTeardown> out;
  for (const auto& la : lane.apps) {
    core::Lane one = lane;
    std::erase_if(one.apps,
                  [&](const core::LaneApp& a) { return a.spec.app_id != la.spec.app_id; });
    auto apps = LoadApps(tx, one);
    if (apps.ok()) {
      out.push_back(TeardownOf(lane, apps->front(), {}));
      continue;
    }
    auto app = store::apps::Get(tx, la.spec.app_id);
    auto cluster = store::clusters::Get(tx, lane.cluster_id);
    if (!app) continue;
    ResolvedApp minimal;
    minimal.app = std::move(*app);
    minimal.spec = la.spec;
    minimal.base_cluster = cluster ? cluster->cluster.name : "";
    out.push_back(TeardownOf(lane, minimal, {}));
  }
  return out;
}

}  // namespace slipway::services::lanes
