#include "services/lanes/lane_resolve.hpp"

#include <algorithm>

#include "core/apps/app_actions.hpp"
#include "core/common/names.hpp"
#include "core/common/repo_path.hpp"
#include "core/lane/lane_names.hpp"
#include "core/lane/lane_render.hpp"
#include "store/app_repository.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services::lanes {

namespace {

core::Error AppError(std::size_t i, const std::string& field, const std::string& rule) {
  std::string path = "apps[" + std::to_string(i) + "]" + (field.empty() ? "" : "." + field);
  return core::Invalid(path + " " + rule, {{"field", path}, {"rule", rule}});
}

// The base environment: `wanted`, else the app's environment of the base env
// type (the first by cluster id when several).
std::optional<core::Environment> BaseEnvironment(store::Tx& tx, const core::App& app,
                                                 const std::string& env_type,
                                                 const std::optional<std::int64_t>& wanted) {
  for (auto& env : store::environments::ListByApp(tx, app.id)) {
    if (wanted ? env.id == *wanted : env.env_type == env_type) return env;
  }
  return std::nullopt;
}

core::Result<ResolvedApp> Complete(store::Tx& tx, core::App app, core::Environment base,
                                   core::LaneAppSpec spec) {
  auto cluster = store::clusters::Get(tx, base.cluster_id);
  if (!cluster) return core::Conflict("the cluster of " + app.name + "'s base environment is gone");
  ResolvedApp out;
  out.backend = base.config_backend.value_or(cluster->cluster.config_backend);
  out.base_cluster = cluster->cluster.name;
  out.base_registry = cluster->cluster.registry;
  spec.app = app.name;
  spec.app_id = app.id;
  spec.base_env_id = base.id;
  out.app = std::move(app);
  out.base = std::move(base);
  out.spec = std::move(spec);
  return out;
}

}  // namespace

core::Result<core::Cluster> ResolveCluster(store::Tx& tx,
                                           const std::optional<std::string>& requested,
                                           const LaneSettings& settings) {
  std::string name = requested.value_or(settings.cluster);
  if (!name.empty()) {
    auto row = store::clusters::GetByRef(tx, name);
    if (!row) {
      return core::Invalid(
          "cluster " + name + " does not exist",
          {{"field", requested ? "cluster" : "lanes.cluster"}, {"rule", "must name a cluster"}});
    }
    return row->cluster;
  }
  auto all = store::clusters::List(tx);
  if (all.size() != 1) {
    return core::Invalid("name the cluster the lane runs on (" + std::to_string(all.size()) +
                             " clusters are registered and lanes.cluster is not set)",
                         {{"field", "cluster"}, {"rule", "is required"}});
  }
  return all.front().cluster;
}

core::Result<std::vector<ResolvedApp>> ResolveApps(store::Tx& tx, const core::Caller& caller,
                                                   const std::vector<LaneAppRequest>& requests,
                                                   const std::string& base_env_type) {
  std::vector<ResolvedApp> out;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto& req = requests[i];
    auto app = store::apps::GetByRef(tx, req.app);
    if (!app) return AppError(i, "app", "names no application (" + req.app + ")");
    if (!core::CanWriteApp(caller, store::apps::MemberRoleOf(tx, app->id, caller.username))) {
      return core::Forbidden("apps[" + std::to_string(i) +
                             "].app: only admins and the owners and developers of " + app->name +
                             " may put it in a lane (ask its owner to add you as a member)");
    }
    for (const auto& seen : out) {
      if (seen.app.id == app->id) return AppError(i, "app", "names " + app->name + " twice");
    }
    if (app->type != core::AppType::kSelfDeveloped) {
      return AppError(i, "app",
                      "is " + std::string(core::AppTypeName(app->type)) +
                          ": only self-developed applications are built in lanes");
    }
    if (app->status != core::AppStatus::kOnline && app->status != core::AppStatus::kPendingOnline) {
      return AppError(i, "app",
                      "is " + std::string(core::AppStatusName(app->status)) +
                          ": only online or pending-online applications join lanes");
    }
    if (core::RepoProjectPath(app->repo_url).empty()) {
      return AppError(i, "app", "has no repository address (repo_url) to branch from");
    }
    auto base = BaseEnvironment(tx, *app, base_env_type, req.base_env_id);
    if (!base) {
      return req.base_env_id
                 ? AppError(i, "base_env_id", "is not an environment of " + app->name)
                 : AppError(i, "app", "has no " + base_env_type + " environment to copy from");
    }
    core::LaneAppSpec spec;
    spec.replicas = req.replicas;
    spec.env = req.env;
    spec.domains = req.domains.value_or(app->details.business_domains);
    for (std::size_t d = 0; d < spec.domains.size(); ++d) {
      const auto& own = app->details.business_domains;
      if (std::find(own.begin(), own.end(), spec.domains[d]) == own.end()) {
        return AppError(
            i, "domains[" + std::to_string(d) + "]",
            "is not one of " + app->name + "'s business domains (details.business_domains)");
      }
    }
    auto resolved = Complete(tx, std::move(*app), std::move(*base), std::move(spec));
    if (!resolved.ok()) return resolved.error();
    out.push_back(std::move(*resolved));
  }
  return out;
}

core::Result<std::vector<ResolvedApp>> LoadApps(store::Tx& tx, const core::Lane& lane) {
  std::vector<ResolvedApp> out;
  for (const auto& la : lane.apps) {
    auto app = store::apps::Get(tx, la.spec.app_id);
    auto base = store::environments::Get(tx, la.spec.base_env_id);
    if (!app || !base) {
      return core::Conflict("the base environment of " + la.spec.app + " in lane " + lane.name +
                            " is gone; edit the lane to choose another");
    }
    auto resolved = Complete(tx, std::move(*app), std::move(*base), la.spec);
    if (!resolved.ok()) return resolved.error();
    out.push_back(std::move(*resolved));
  }
  return out;
}

std::vector<std::string> ServiceNames(const core::Environment& env, const std::string& app) {
  if (env.spec.services.empty()) return {app};
  std::vector<std::string> names;
  for (const auto& s : env.spec.services) names.push_back(s.name);
  return names;
}

std::vector<std::pair<std::string, std::string>> Fallbacks(
    store::Tx& tx, const std::string& base_env_type,
    const std::vector<std::int64_t>& lane_app_ids) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& env : store::environments::ListByEnvType(tx, base_env_type)) {
    if (std::find(lane_app_ids.begin(), lane_app_ids.end(), env.app_id) != lane_app_ids.end())
      continue;
    auto app = store::apps::Get(tx, env.app_id);
    if (!app) continue;
    for (const auto& svc : ServiceNames(env, app->name)) {
      bool seen =
          std::any_of(out.begin(), out.end(), [&](const auto& f) { return f.first == svc; });
      if (!seen) out.emplace_back(svc, core::ClusterServiceHost(svc, env.namespace_name));
    }
  }
  return out;
}

ConfigTarget BaseConfigTarget(const ResolvedApp& app) {
  return {app.app.name, app.base.env_type, app.base_cluster, app.backend};
}

ConfigTarget LaneConfigTarget(const core::Lane& lane, const ResolvedApp& app) {
  if (app.backend == core::ConfigBackend::kApollo) {
    return {app.app.name, app.base.env_type, core::LaneConfigBranch(lane.name), app.backend};
  }
  return {app.app.name, core::LaneConfigBranch(lane.name), app.base_cluster, app.backend};
}

std::string LaneConfigActor(const ConfigFileSettings& settings, const std::string& lane_owner) {
  return settings.apollo_operator.empty() ? lane_owner : settings.apollo_operator;
}

std::pair<std::string, std::string> ConfigVariable(const core::Lane& lane, const ResolvedApp& app,
                                                   const ConfigFileSettings& settings) {
  auto target = LaneConfigTarget(lane, app);
  if (app.backend == core::ConfigBackend::kApollo)
    return {core::kApolloClusterVariable, target.cluster};
  std::string prefix = settings.consul_prefix;
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return {core::kConsulPathVariable, (prefix.empty() ? "" : prefix + "/") + target.app + "/" +
                                         target.env_type + "/" + target.cluster};
}

core::LanePlanApp PlanApp(const ResolvedApp& app, const std::string& base_job) {
  core::LanePlanApp out;
  out.app = app.app.name;
  out.project = core::RepoProjectPath(app.app.repo_url);
  out.default_branch = "the default branch";
  out.base_job = base_job;
  out.config_backend = std::string(core::ConfigBackendName(app.backend));
  auto base = BaseConfigTarget(app);
  out.base_config = base.app + "/" + base.env_type + "/" + base.cluster;
  out.services = ServiceNames(app.base, app.app.name);
  out.domains = app.spec.domains;
  return out;
}

}  // namespace slipway::services::lanes
