#include "core/lane/lane_plan.hpp"

#include "core/lane/lane_names.hpp"

namespace slipway::core {

std::vector<PlannedArtefact> PlanLane(const LanePlanInput& in) {
  std::vector<PlannedArtefact> plan;
  const std::string ns = LaneNamespace(in.lane);
  const std::string branch = LaneBranch(in.lane);
  plan.push_back({"kubernetes", "namespace", ns, "", ""});
  plan.push_back({"jenkins", "folder", LaneJenkinsFolder(in.lane), "", ""});
  for (const auto& app : in.apps) {
    plan.push_back({"gitlab", "branch", app.project + "@" + branch, app.app,
                    "from " + app.default_branch + " (kept if it exists)"});
    if (app.config_backend == "apollo") {
      plan.push_back({"apollo", "config-cluster", LaneConfigBranch(in.lane), app.app,
                      "copied from " + app.base_config});
    } else {
      plan.push_back({"consul", "config-branch", LaneConfigBranch(in.lane), app.app,
                      "copied from " + app.base_config});
    }
    for (const auto& line : app.rewrites) {
      plan.push_back({app.config_backend, "config-rewrite", line.file + ": " + line.where, app.app,
                      line.before + " → " + line.after});
    }
    plan.push_back({"jenkins", "job", LaneJobPath(in.lane, app.app), app.app,
                    "copy of " + app.base_job + " building " + branch});
    plan.push_back(
        {"gitlab", "hook", app.project, app.app, "push events of " + branch + " → " + in.hook_url});
    plan.push_back({"kubernetes", "deployment", ns + "/" + app.app, app.app, ""});
    for (const auto& svc : app.services) {
      plan.push_back(
          {"kubernetes", "service", ns + "/" + svc, app.app, LaneInternalDomain(svc, in.lane)});
    }
    for (const auto& domain : app.domains) {
      std::string host = LaneExternalDomain(domain, in.lane, in.suffix);
      plan.push_back({"kubernetes", "ingress", ns + "/" + app.app + "-" + domain, app.app, host});
      plan.push_back({"dns", "record", host, app.app, ""});
    }
  }
  for (const auto& [svc, target] : in.fallbacks) {
    plan.push_back(
        {"kubernetes", "fallback-service", ns + "/" + svc, "", "ExternalName → " + target});
  }
  return plan;
}

}  // namespace slipway::core
