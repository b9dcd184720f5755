#include "http/handlers/change_json.hpp"

#include <boost/json.hpp>

#include "http/api_support.hpp"
#include "http/handlers/json_views.hpp"

namespace slipway::http {

namespace json = boost::json;

namespace {

// Details are stored as JSON text; a row that does not parse shows as text.
json::value Parsed(const std::string& text) {
  if (text.empty()) return nullptr;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  return ec ? json::value(text) : v;
}

json::array Strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

json::object EventJson(const core::ChangeEventRecord& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"actor", e.actor},
          {"comment", e.comment},
          {"detail", Parsed(e.detail)},
          {"created_at", TimeJson(e.created_at)}};
}

json::object TargetJson(const store::NotificationTarget& t, bool full) {
  json::object o{{"name", t.name}, {"type", t.type}, {"kinds", Strings(t.kinds)}};
  if (!full) return o;
  o["url"] = t.url_shown;
  o["has_secret"] = !t.secret_sealed.empty();
  o["updated_by"] = t.updated_by;
  o["updated_at"] = TimeJson(t.updated_at);
  return o;
}

json::object DeliveryJson(const store::NotificationDelivery& d) {
  return {{"id", d.id},
          {"app_id", d.app_id},
          {"kind", d.kind},
          {"title", d.title},
          {"target", d.target_name},
          {"target_scope", d.target_scope},
          {"state", d.state},
          {"error", d.error},
          {"attempts", d.attempts},
          {"workflow_id", d.workflow_id},
          {"created_at", TimeJson(d.created_at)},
          {"updated_at", TimeJson(d.updated_at)}};
}

}  // namespace

json::object ChangeJson(const services::ChangeView& view, bool with_events) {
  const auto& c = view.change;
  json::object o{{"id", c.id},
                 {"app_id", c.app_id},
                 {"app", view.app},
                 {"env_id", c.env_id},
                 {"env_type", view.env_type},
                 {"type", core::ChangeTypeName(c.type)},
                 {"state", core::ChangeStateName(c.state)},
                 {"title", c.title},
                 {"description", c.description},
                 {"build_id", OrNull(c.build_id)},
                 {"image", c.image},
                 {"image_digest", c.image_digest},
                 {"replicas", OrNull(c.replicas)},
                 {"spec", Parsed(c.spec)},
                 {"needs_approval", c.needs_approval},
                 {"release_id", OrNull(c.release_id)},
                 {"close_reason", OrNull(c.close_reason)},
                 {"created_by", c.created_by},
                 {"created_at", TimeJson(c.created_at)},
                 {"updated_at", TimeJson(c.updated_at)},
                 {"version", c.version},
                 {"actions", Strings(view.actions)}};
  if (with_events) {
    json::array events;
    for (const auto& e : view.events) events.push_back(EventJson(e));
    o["events"] = std::move(events);
  }
  return o;
}

json::object NotificationSettingsJson(const services::NotificationSettingsView& view) {
  json::array targets, team_targets, deliveries;
  for (const auto& t : view.targets) targets.push_back(TargetJson(t, true));
  for (const auto& t : view.team_targets) team_targets.push_back(TargetJson(t, false));
  for (const auto& d : view.deliveries) deliveries.push_back(DeliveryJson(d));
  json::object o{{"scope", view.scope}, {"team", view.team}, {"targets", std::move(targets)}};
  if (view.scope == "app") {
    o["app_id"] = std::stoll(view.key);
    o["app"] = view.app;
    o["team_targets"] = std::move(team_targets);
  }
  o["deliveries"] = std::move(deliveries);
  return o;
}

}  // namespace slipway::http
