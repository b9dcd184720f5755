#include "http/handlers/release_views.hpp"

#include <boost/json.hpp>

#include "core/environments/env_spec_json.hpp"
#include "http/api_support.hpp"
#include "http/handlers/config_change_views.hpp"

namespace slipway::http {

namespace json = boost::json;

namespace {

json::value Opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value OptTime(const std::optional<std::int64_t>& v) {
  return v ? TimeJson(*v) : json::value(nullptr);
}

json::value ParsedOr(const std::string& text, json::value fallback) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  return ec ? fallback : v;
}

}  // namespace

json::object ReleaseJson(const services::ReleaseView& v) {
  const auto& r = v.release;
  json::array steps;
  for (const auto& s : v.steps) {
    steps.push_back({{"index", s.idx},
                     {"name", s.name},
                     {"state", s.state},
                     {"message", s.message},
                     {"started_at", OptTime(s.started_at)},
                     {"finished_at", OptTime(s.finished_at)}});
  }
  json::array operations;
  for (const auto& op : v.operations) {
    operations.push_back({{"id", op.id},
                          {"kind", op.kind},
                          {"actor", op.actor},
                          {"detail", ParsedOr(op.detail, json::object{})},
                          {"created_at", TimeJson(op.created_at)}});
  }
  json::array actions;
  for (const auto& a : v.actions) actions.emplace_back(a);
  json::array config_restores;
  for (const auto& f : v.config_restores) {
    config_restores.push_back({{"file", f.file_name},
                               {"expected_version", f.expected_version},
                               {"target_hash", f.target_hash},
                               {"outcome", f.outcome},
                               {"version_after", f.version_after}});
  }
  return {{"id", r.id},
          {"kind", r.kind},
          {"rollback_of", Opt(r.rollback_of)},
          {"app_id", r.app_id},
          {"app", v.app},
          {"env_id", r.env_id},
          {"env_type", v.env_type},
          {"change",
           {{"id", v.change.id},
            {"type", core::ChangeTypeName(v.change.type)},
            {"state", core::ChangeStateName(v.change.state)},
            {"title", v.change.title}}},
          {"strategy", core::ReleaseStrategyName(r.strategy)},
          {"state", core::ReleaseStateName(r.state)},
          {"image", r.image},
          {"image_digest", r.image_digest},
          {"image_before", r.image_before},
          {"digest_before", r.digest_before},
          {"baseline_before", r.baseline_before},
          {"workflow_id", r.workflow_id},
          {"spec", ParsedOr(r.spec, json::object{})},
          {"plan", ParsedOr(r.plan, json::array{})},
          {"auto_rollback", r.auto_rollback},
          {"error", r.error},
          {"steps", std::move(steps)},
          {"operations", std::move(operations)},
          {"actions", std::move(actions)},
          {"config_restores", std::move(config_restores)},
          {"started_by", r.started_by},
          {"created_at", TimeJson(r.created_at)},
          {"finished_at", OptTime(r.finished_at)},
          {"updated_at", TimeJson(r.updated_at)},
          {"version", r.version}};
}

json::object BaselineJson(const core::Baseline& b) {
  return {{"env_id", b.env_id},
          {"version", b.version},
          {"image", b.image},
          {"image_digest", b.image_digest},
          {"resources", core::EnvSpecToJson(b.spec)},
          {"release_id", b.release_id},
          {"created_by", b.created_by},
          {"created_at", TimeJson(b.created_at)},
          {"config_recorded", b.config_recorded}};
}

json::object RollbackPlanJson(const services::RollbackPlan& p) {
  json::array config;
  for (const auto& f : p.config) {
    json::object o{
        {"file", f.name},
        {"action", f.action},
        {"live_version", f.live ? json::value(f.live->version) : json::value(nullptr)},
        {"live_hash", f.live ? json::value(f.live->hash) : json::value(nullptr)},
        {"target_version", f.target ? json::value(f.target->version) : json::value(nullptr)},
        {"target_hash", f.target ? json::value(f.target->hash) : json::value(nullptr)}};
    o["diff"] =
        f.action == "unchanged" ? json::value(nullptr) : json::value(ConfigChangeJson(f.diff));
    config.push_back(std::move(o));
  }
  return {{"image", p.image},
          {"image_digest", p.image_digest},
          {"baseline_version", p.baseline_version},
          {"resources", core::EnvSpecToJson(p.spec)},
          {"diff", core::DiffJson(p.diff)},
          {"scope", services::RollbackScopeName(p.scope)},
          {"config_included", p.config_included},
          {"config_note", p.config_note},
          {"config", std::move(config)},
          {"plan_token", p.plan_token}};
}

json::object BaselineDiffJson(std::int64_t from, std::int64_t to, const services::BaselineDiff& d) {
  return {{"from", from},
          {"to", to},
          {"diff", core::DiffJson(d.fields)},
          {"config_compared", d.config_compared},
          {"config", ConfigChangesJson(d.config)}};
}

json::object ConfigDriftJson(const services::ConfigDrift& d) {
  return {{"baseline_version", d.baseline_version},
          {"config_recorded", d.config_recorded},
          {"changed", !d.files.empty()},
          {"files", ConfigChangesJson(d.files)}};
}

boost::json::object EnvironmentEditJson(const services::EnvironmentEdit& edit) {
  boost::json::object o{{"diff", core::DiffJson(edit.diff)},
                        {"warning", edit.warning},
                        {"confirmed", edit.confirmed}};
  if (edit.confirmed) {
    o["change_id"] = edit.change_id;
    o["release_id"] = edit.release_id;
  }
  return o;
}

}  // namespace slipway::http
