#include "http/handlers/release_views.hpp"

#include <boost/json.hpp>

#include "core/environments/env_spec_json.hpp"
#include "http/api_support.hpp"

namespace slipway::http {

namespace json = boost::json;

namespace {

json::value Opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value OptTime(const std::optional<std::int64_t>& v) { return v ? TimeJson(*v) : json::value(nullptr); }

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
    steps.push_back({{"index", s.idx}, {"name", s.name}, {"state", s.state}, {"message", s.message},
                     {"started_at", OptTime(s.started_at)}, {"finished_at", OptTime(s.finished_at)}});
  }
  json::array operations;
  for (const auto& op : v.operations) {
    operations.push_back({{"id", op.id}, {"kind", op.kind}, {"actor", op.actor},
                          {"detail", ParsedOr(op.detail, json::object{})}, {"created_at", TimeJson(op.created_at)}});
  }
  json::array actions;
  for (const auto& a : v.actions) actions.emplace_back(a);
  return {{"id", r.id},
          {"kind", r.kind},
          {"rollback_of", Opt(r.rollback_of)},
          {"app_id", r.app_id},
          {"app", v.app},
          {"env_id", r.env_id},
          {"env_type", v.env_type},
          {"change", {{"id", v.change.id}, {"type", core::ChangeTypeName(v.change.type)},
                      {"state", core::ChangeStateName(v.change.state)}, {"title", v.change.title}}},
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
          {"started_by", r.started_by},
          {"created_at", TimeJson(r.created_at)},
          {"finished_at", OptTime(r.finished_at)},
          {"updated_at", TimeJson(r.updated_at)},
          {"version", r.version}};
}

json::object BaselineJson(const core::Baseline& b) {
  return {{"env_id", b.env_id},       {"version", b.version},       {"image", b.image},
          {"image_digest", b.image_digest}, {"resources", core::EnvSpecToJson(b.spec)},
          {"release_id", b.release_id}, {"created_by", b.created_by}, {"created_at", TimeJson(b.created_at)}};
}

json::object RollbackPlanJson(const services::RollbackPlan& p) {
  return {{"image", p.image},
          {"image_digest", p.image_digest},
          {"baseline_version", p.baseline_version},
          {"resources", core::EnvSpecToJson(p.spec)},
          {"diff", core::DiffJson(p.diff)}};
}

}  // namespace slipway::http
