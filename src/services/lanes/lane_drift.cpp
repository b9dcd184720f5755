// LaneService::Drift: every artefact the lane should have, looked up in its
// system now — what someone deleted shows as missing, and sync remakes it.
#include <boost/json.hpp>

#include "core/common/repo_path.hpp"
#include "core/lane/lane_names.hpp"
#include "core/lane/lane_render.hpp"
#include "services/environments/cluster_service.hpp"
#include "services/lanes/lane_artefacts.hpp"
#include "services/lanes/lane_resolve.hpp"
#include "services/lanes/lane_service.hpp"

namespace slipway::services {

using core::Result;

namespace {

// present: true / false, or the error that kept it from being looked at.
struct Check {
  std::optional<bool> present;
  std::string error;
};

template <class T>
Check Found(const core::Result<T>& r) {
  if (r.ok()) return {true, ""};
  if (r.error().code == core::Code::kNotFound) return {false, ""};
  return {std::nullopt, r.error().message};
}

}  // namespace

Result<std::vector<LaneArtefactState>> LaneService::Drift(const RequestContext&,
                                                          const std::string& ref) {
  core::Lane lane;
  std::vector<std::pair<std::string, std::string>> fallbacks;
  auto apps = store::InTx(db_, store::TxMode::kRead,
                          [&](store::Tx& tx) -> Result<std::vector<lanes::ResolvedApp>> {
                            auto loaded = Load(tx, ref);
                            if (!loaded.ok()) return loaded.error();
                            lane = std::move(*loaded);
                            auto resolved = lanes::LoadApps(tx, lane);
                            if (!resolved.ok()) return resolved.error();
                            std::vector<std::int64_t> ids;
                            for (const auto& a : *resolved) ids.push_back(a.app.id);
                            fallbacks = lanes::Fallbacks(tx, lane.base_env_type, ids);
                            return resolved;
                          });
  if (!apps.ok()) return apps.error();
  if (lane.state == core::LaneState::kDeleted) return std::vector<LaneArtefactState>{};
  auto kube = clusters_.Client(lane.cluster_id);
  if (!kube.ok()) return kube.error();
  const auto ns = lane.namespace_name;
  std::vector<LaneArtefactState> out;
  auto add = [&](std::string system, std::string kind, std::string name, std::string app,
                 Check check) {
    out.push_back({{std::move(system), std::move(kind), std::move(name), std::move(app), ""},
                   check.present,
                   std::move(check.error)});
  };
  add("kubernetes", "namespace", ns, "", Found((*kube)->NamespacePhase(ns)));
  if (Configured(connections_.jenkins)) {
    add("jenkins", "folder", core::LaneJenkinsFolder(lane.name), "",
        Found(connections_.jenkins->GetItem(core::LaneJenkinsFolder(lane.name))));
  }
  const auto hook_url = lanes::LaneHookUrl(settings_, address_, lane);
  for (const auto& app : *apps) {
    const auto& name = app.app.name;
    const auto project = core::RepoProjectPath(app.app.repo_url);
    if (Configured(connections_.gitlab)) {
      add("gitlab", "branch", project + "@" + core::LaneBranch(lane.name), name,
          Found(connections_.gitlab->GetBranch(project, core::LaneBranch(lane.name))));
      auto hooks = connections_.gitlab->ListHooks(project);
      Check hook = Found(hooks);
      if (hooks.ok()) {
        hook.present = std::any_of(hooks->begin(), hooks->end(),
                                   [&](const auto& h) { return h.url == hook_url; });
      }
      add("gitlab", "hook", project, name, hook);
    }
    if (Configured(connections_.jenkins)) {
      const auto job = core::LaneJobPath(lane.name, name);
      add("jenkins", "job", job, name, Found(connections_.jenkins->GetItem(job)));
    }
    auto copy = OpenConfigFiles(connections_, config_settings_, lanes::LaneConfigTarget(lane, app));
    auto base = OpenConfigFiles(connections_, config_settings_, lanes::BaseConfigTarget(app));
    if (copy.ok() && base.ok()) {
      auto base_files = (*base)->List();
      auto copied = (*copy)->List();
      Check config = !base_files.ok() ? Found(base_files) : Found(copied);
      if (base_files.ok() && copied.ok()) {
        config.present =
            std::all_of(base_files->begin(), base_files->end(), [&](const LiveFile& f) {
              return std::any_of(copied->begin(), copied->end(),
                                 [&](const LiveFile& c) { return c.name == f.name; });
            });
      }
      // The copy's name: the Apollo cluster, or the Consul env-type segment.
      const auto target = lanes::LaneConfigTarget(lane, app);
      add(std::string(core::ConfigBackendName(app.backend)), "config",
          app.backend == core::ConfigBackend::kApollo ? target.cluster : target.env_type, name,
          config);
    }
    add("kubernetes", "deployment", ns + "/" + name, name,
        Found((*kube)->Get(connectors::kube::kDeployments, ns, name)));
    for (const auto& service : lanes::ServiceNames(app.base, name)) {
      add("kubernetes", "service", ns + "/" + service, name,
          Found((*kube)->Get(connectors::kube::kServices, ns, service)));
    }
    for (const auto& domain : app.spec.domains) {
      const auto host = core::LaneExternalDomain(domain, lane.name, settings_.domain_suffix);
      add("kubernetes", "ingress", ns + "/" + core::LaneIngressName(name, domain), name,
          Found(
              (*kube)->Get(connectors::kube::kIngresses, ns, core::LaneIngressName(name, domain))));
      if (Configured(connections_.dns)) {
        auto records = connections_.dns->Query(host, connectors::DnsType::kA);
        Check record = Found(records);
        if (records.ok()) record.present = !records->empty();
        add("dns", "record", host, name, record);
      }
    }
  }
  for (const auto& [service, target] : fallbacks) {
    add("kubernetes", "fallback-service", ns + "/" + service, "",
        Found((*kube)->Get(connectors::kube::kServices, ns, service)));
  }
  return out;
}

}  // namespace slipway::services
