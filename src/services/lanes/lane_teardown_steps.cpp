// The steps of lane.app.delete: one application's artefacts removed from
// every system. What is already gone is fine, so a repeated delete finishes
// what an earlier one could not.
#include <boost/json.hpp>

#include "connectors/dns.hpp"
#include "connectors/registry/image_reference.hpp"
#include "core/lane/lane_names.hpp"
#include "core/lane/lane_render.hpp"
#include "services/builds/build_addresses.hpp"
#include "services/builds/build_references.hpp"
#include "services/environments/env_objects.hpp"
#include "services/lanes/lane_artefacts.hpp"
#include "services/lanes/lane_steps.hpp"
#include "store/app_repository.hpp"
#include "store/build_repository.hpp"

namespace slipway::services::lanes {

namespace {

bool Gone(const core::Status& status) {
  return status.ok() || status.error().code == core::Code::kNotFound;
}

// The lane (kept as a row after deletion) and the teardown input; the
// outcome to return at once when the lane row is missing.
struct Teardown {
  core::Lane lane;
  AppTeardown app;
};

std::optional<Teardown> LoadTeardown(const engine::StepContext& ctx) {
  auto lane = LoadLane(ctx);
  if (!lane) return std::nullopt;
  return Teardown{std::move(*lane), TeardownFromJson(ctx.input)};
}

engine::StepOutcome NoLane() {
  return engine::Succeeded(boost::json::object{{"skipped", "the lane is gone"}});
}

}  // namespace

engine::StepOutcome TeardownDomainsStep(engine::StepContext& ctx, const Deps& deps) {
  auto t = LoadTeardown(ctx);
  if (!t) return NoLane();
  if (t->app.domains.empty()) return Done("domains", false);
  if (!Configured(deps->connections.dns)) return Failed(NotConfigured("dns"), "DNS records");
  auto kube = LaneCluster(*deps, t->lane);
  if (!kube.ok()) return Failed(kube.error(), "the lane's cluster");
  for (const auto& domain : t->app.domains) {
    const auto host = core::LaneExternalDomain(domain, t->lane.name, deps->lanes.domain_suffix);
    if (auto removed = deps->connections.dns->Delete(host, connectors::DnsType::kA);
        !Gone(removed)) {
      return Failed(removed.error(), "DNS record " + host);
    }
    auto ingress = (*kube)->Delete(connectors::kube::kIngresses, t->lane.namespace_name,
                                   core::LaneIngressName(t->app.app, domain),
                                   connectors::PropagationPolicy::kBackground);
    if (!ingress.ok() && ingress.error().code != core::Code::kNotFound) {
      return Failed(ingress.error(), "Ingress of " + host);
    }
  }
  return Done("domains", true);
}

engine::StepOutcome TeardownHookStep(engine::StepContext& ctx, const Deps& deps) {
  auto t = LoadTeardown(ctx);
  if (!t) return NoLane();
  if (!Configured(deps->connections.gitlab)) return Failed(NotConfigured("gitlab"), "hook");
  auto hooks = deps->connections.gitlab->ListHooks(t->app.project);
  if (!hooks.ok()) {
    if (hooks.error().code == core::Code::kNotFound)
      return Done("hook", false);  // the project is gone
    return Failed(hooks.error(), "hooks of " + t->app.project);
  }
  const auto url = LaneHookUrl(deps->lanes, deps->address, t->lane);
  int removed = 0;
  for (const auto& h : *hooks) {
    if (h.url != url) continue;
    if (auto status = deps->connections.gitlab->DeleteHook(t->app.project, h.id); !Gone(status)) {
      return Failed(status.error(), "hook " + std::to_string(h.id) + " of " + t->app.project);
    }
    ++removed;
  }
  return Done("hook", removed > 0);
}

engine::StepOutcome TeardownJobStep(engine::StepContext& ctx, const Deps& deps) {
  auto t = LoadTeardown(ctx);
  if (!t) return NoLane();
  if (!Configured(deps->connections.jenkins)) return Failed(NotConfigured("jenkins"), "job");
  const auto job = core::LaneJobPath(t->lane.name, t->app.app);
  if (auto status = deps->connections.jenkins->DeleteItem(job); !Gone(status)) {
    return Failed(status.error(), "Jenkins job " + job);
  }
  return Done("job", true);
}

engine::StepOutcome TeardownConfigStep(engine::StepContext& ctx, const Deps& deps) {
  auto t = LoadTeardown(ctx);
  if (!t) return NoLane();
  const auto& target = t->app.lane_config;
  if (target.backend == core::ConfigBackend::kApollo) {
    if (!Configured(deps->connections.apollo)) return Failed(NotConfigured("apollo"), "config");
    auto status = deps->connections.apollo->DeleteCluster(
        ApolloEnvFor(deps->config, target.env_type), target.app, target.cluster,
        LaneConfigActor(deps->config, t->app.lane_owner));
    if (!Gone(status)) return Failed(status.error(), "Apollo cluster " + target.cluster);
    return Done("config", true);
  }
  if (!Configured(deps->connections.consul)) return Failed(NotConfigured("consul"), "config");
  std::string prefix = deps->config.consul_prefix;
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  const auto dir = (prefix.empty() ? "" : prefix + "/") + target.app + "/" + target.env_type + "/" +
                   target.cluster + "/";
  if (auto status = deps->connections.consul->DeleteTree(dir); !Gone(status)) {
    return Failed(status.error(), "Consul keys " + dir);
  }
  return Done("config", true);
}

engine::StepOutcome TeardownObjectsStep(engine::StepContext& ctx, const Deps& deps) {
  auto t = LoadTeardown(ctx);
  if (!t) return NoLane();
  auto kube = LaneCluster(*deps, t->lane);
  if (!kube.ok()) return Failed(kube.error(), "the lane's cluster");
  core::RenderInput input;
  input.app = t->app.app;
  input.env_type = t->lane.namespace_name;
  input.namespace_name = t->lane.namespace_name;
  if (auto status = DeleteEnvironmentObjects(**kube, input); !status.ok()) {
    return Failed(status.error(), "objects of " + t->app.app);
  }
  if (!t->app.restore.empty()) {
    auto restored = ApplyFallbacks(**kube, t->lane, t->app.restore);
    if (!restored.ok()) return Failed(restored.error(), "fallbacks of " + t->app.app);
  }
  return Done("deployment", true);
}

engine::StepOutcome TeardownImagesStep(engine::StepContext& ctx, const Deps& deps) {
  auto t = LoadTeardown(ctx);
  if (!t) return NoLane();
  if (!deps->lanes.delete_images)
    return Done("images", false, {{"kept", "lanes.delete_images is off"}});
  if (!Configured(deps->connections.registry)) return Failed(NotConfigured("registry"), "images");
  const std::string tag_prefix = t->lane.namespace_name + "-";
  auto builds = store::InTx(*ctx.db, store::TxMode::kRead, [&](store::Tx& tx) {
    std::vector<core::Build> out;
    for (auto& b : store::builds::List(tx, {.app_id = t->app.app_id,
                                           .state = std::nullopt,
                                           .limit = 1000,
                                           .before_id = std::nullopt})) {
      if (b.version.starts_with(tag_prefix) && b.state != core::BuildState::kQueued &&
          b.state != core::BuildState::kRunning && BuildReferences(tx, b.digest).empty()) {
        out.push_back(std::move(b));
      }
    }
    return out;
  });
  int removed = 0;
  for (const auto& build : builds) {
    if (!build.digest.empty()) {
      auto ref = connectors::registry::ParseImageReference(build.image);
      if (!ref.ok()) continue;
      if (auto status = deps->connections.registry->DeleteManifest(ref->repository, build.digest);
          !Gone(status)) {
        return Failed(status.error(), "image " + build.image);
      }
    }
    store::InTx(*ctx.db, store::TxMode::kWrite,
                [&](store::Tx& tx) { return store::builds::Delete(tx, build.id); });
    ++removed;
  }
  // What builds started by hand in Jenkins pushed (no build record): the manual tag.
  auto app = store::InTx(*ctx.db, store::TxMode::kRead,
                         [&](store::Tx& tx) { return store::apps::Get(tx, t->app.app_id); });
  if (app) {
    auto manual = connectors::registry::ParseImageReference(
        BuildImageAddress(deps->connections.registry_host.get(), *app,
                          core::LaneManualImageTag(t->lane.name), deps->builds));
    auto head = manual.ok()
                    ? deps->connections.registry->HeadManifest(manual->repository, manual->tag)
                    : core::Result<connectors::ManifestInfo>(manual.error());
    const bool referenced =
        head.ok() && store::InTx(*ctx.db, store::TxMode::kRead, [&](store::Tx& tx) {
          return !BuildReferences(tx, head->digest).empty();
        });
    if (head.ok() && !referenced) {
      if (auto status =
              deps->connections.registry->DeleteManifest(manual->repository, head->digest);
          !Gone(status)) {
        return Failed(status.error(), "image " + manual->repository + ":" + manual->tag);
      }
      ++removed;
    } else if (!head.ok() && head.error().code != core::Code::kNotFound) {
      return Failed(head.error(), "the lane's manual image");
    }
  }
  return Done("images", removed > 0, {{"removed", removed}});
}

engine::StepOutcome TeardownBranchStep(engine::StepContext& ctx, const Deps& deps) {
  auto t = LoadTeardown(ctx);
  if (!t) return NoLane();
  if (deps->lanes.keep_branches)
    return Done("branch", false, {{"kept", core::LaneBranch(t->lane.name)}});
  if (!Configured(deps->connections.gitlab)) return Failed(NotConfigured("gitlab"), "branch");
  const auto branch = core::LaneBranch(t->lane.name);
  if (auto status = deps->connections.gitlab->DeleteBranch(t->app.project, branch); !Gone(status)) {
    return Failed(status.error(), "branch " + branch + " of " + t->app.project);
  }
  return Done("branch", true);
}

}  // namespace slipway::services::lanes
