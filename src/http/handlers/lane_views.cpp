#include "http/handlers/lane_views.hpp"

#include <boost/json.hpp>

#include "core/lane/lane_names.hpp"
#include "core/lane/lane_render.hpp"
#include "http/api_support.hpp"

namespace slipway::http {

namespace json = boost::json;

namespace {

std::string_view StageName(core::LaneExpiryStage stage) {
  switch (stage) {
    case core::LaneExpiryStage::kActive:
      return "active";
    case core::LaneExpiryStage::kPendingDeletion:
      return "pending_deletion";
    case core::LaneExpiryStage::kDue:
      return "due";
  }
  return "active";
}

json::object AppJson(const core::Lane& lane, const core::LaneApp& app,
                     const services::LaneSettings& settings) {
  json::array env;
  for (const auto& v : app.spec.env) env.push_back({{"name", v.name}, {"value", v.value}});
  json::array domains;
  for (const auto& d : app.spec.domains) {
    domains.push_back(
        {{"domain", d}, {"host", core::LaneExternalDomain(d, lane.name, settings.domain_suffix)}});
  }
  bool producer = false;
  for (const auto& p : lane.coloring.producers) producer = producer || p == app.spec.app;
  json::array consumers;
  for (const auto& c : lane.coloring.consumers) {
    if (c.app == app.spec.app) {
      consumers.push_back({{"topic", c.topic},
                           {"group", core::LaneConsumerGroup(c.group, lane.name)},
                           {"variable", core::ConsumerGroupVariable(c.topic)}});
    }
  }
  return {
      {"app", app.spec.app},
      {"app_id", app.spec.app_id},
      {"base_env_id", app.spec.base_env_id},
      {"replicas", app.spec.replicas ? json::value(*app.spec.replicas) : json::value(nullptr)},
      {"env", std::move(env)},
      {"domains", std::move(domains)},
      {"internal_domain", core::LaneInternalDomain(app.spec.app, lane.name)},
      {"coloring", {{"producer", producer}, {"consumers", std::move(consumers)}}},
      {"live",
       {{"branch_head",
         app.live.branch_head.empty() ? json::value(nullptr) : json::value(app.live.branch_head)},
        {"last_build_id",
         app.live.last_build_id ? json::value(app.live.last_build_id) : json::value(nullptr)},
        {"deployed_image", app.live.deployed_image.empty() ? json::value(nullptr)
                                                           : json::value(app.live.deployed_image)},
        {"hook_id", app.live.hook_id ? json::value(app.live.hook_id) : json::value(nullptr)},
        {"updated_at", TimeJson(app.live.updated_at)}}}};
}

}  // namespace

json::object LaneJson(const services::LaneView& v, const services::LaneSettings& settings) {
  const auto& l = v.lane;
  json::array apps;
  for (const auto& a : l.apps) apps.push_back(AppJson(l, a, settings));
  json::array consumers;
  for (const auto& c : l.coloring.consumers)
    consumers.push_back({{"app", c.app}, {"topic", c.topic}, {"group", c.group}});
  return {
      {"id", l.id == 0 ? json::value(nullptr) : json::value(l.id)},
      {"name", l.name},
      {"namespace", l.namespace_name},
      {"branch", core::LaneBranch(l.name)},
      {"jenkins_folder", core::LaneJenkinsFolder(l.name)},
      {"config_branch", core::LaneConfigBranch(l.name)},
      {"story", {{"workspace_id", l.story_workspace}, {"id", l.story_id}, {"url", l.story_url}}},
      {"description", l.description},
      {"owner", l.owner},
      {"members", json::value_from(l.members)},
      {"base_env_type", l.base_env_type},
      {"cluster", v.cluster},
      {"state", core::LaneStateName(v.state)},
      {"workflow_id", l.workflow_id.empty() ? json::value(nullptr) : json::value(l.workflow_id)},
      {"workflow_state",
       v.workflow_state.empty() ? json::value(nullptr) : json::value(v.workflow_state)},
      {"error", v.error ? json::value(*v.error) : json::value(nullptr)},
      {"apps", std::move(apps)},
      {"coloring",
       {{"producers", json::value_from(l.coloring.producers)},
        {"consumers", std::move(consumers)}}},
      {"notify", !l.notify_sealed.empty()},
      {"expiry",
       {{"stage", StageName(v.expiry.stage)},
        {"last_activity_at", TimeJson(l.last_activity_at)},
        {"pending_at", TimeJson(v.expiry.pending_at)},
        {"delete_at", TimeJson(v.expiry.delete_at)},
        {"listed_at", TimeJson(l.pending_deletion_at.value_or(0))}}},
      {"created_by", l.created_by},
      {"created_at", TimeJson(l.created_at)},
      {"updated_at", TimeJson(l.updated_at)},
      {"version", l.version},
      {"actions", json::value_from(v.actions)}};
}

json::array PlanJson(const std::vector<core::PlannedArtefact>& plan) {
  json::array out;
  for (const auto& a : plan) {
    out.push_back({{"system", a.system},
                   {"kind", a.kind},
                   {"name", a.name},
                   {"app", a.app.empty() ? json::value(nullptr) : json::value(a.app)},
                   {"detail", a.detail}});
  }
  return out;
}

json::object LaneEventJson(const store::LaneEvent& e) {
  return {{"id", e.id},       {"app", e.app.empty() ? json::value(nullptr) : json::value(e.app)},
          {"kind", e.kind},   {"detail", e.detail},
          {"actor", e.actor}, {"created_at", TimeJson(e.created_at)}};
}

}  // namespace slipway::http
