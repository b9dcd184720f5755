#include "http/handlers/json_views.hpp"

#include <boost/json.hpp>

#include "core/apps/app_details_json.hpp"
#include "http/api_support.hpp"

namespace slipway::http {

namespace json = boost::json;

json::object UserJson(const store::UserRecord& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", core::RoleName(u.role)},
          {"disabled", u.disabled},
          {"created_at", TimeJson(u.created_at)},
          {"updated_at", TimeJson(u.updated_at)},
          {"version", u.version}};
}

json::object TokenJson(const store::TokenRecord& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"created_at", TimeJson(t.created_at)},
          {"last_used_at", TimeJson(t.last_used_at.value_or(0))},
          {"expires_at", TimeJson(t.expires_at.value_or(0))}};
}

json::object AuditJson(const store::AuditRecord& r) {
  return {{"id", r.id},           {"time", TimeJson(r.time)},     {"actor", r.actor},
          {"action", r.action},   {"object_type", r.object_type}, {"object_id", r.object_id},
          {"summary", r.summary}, {"result", r.result},           {"request_id", r.request_id}};
}

json::array MembersJson(const std::vector<store::Member>& members) {
  json::array out;
  for (const auto& m : members) {
    out.push_back(json::object{{"username", m.username}, {"role", core::MemberRoleName(m.role)}});
  }
  return out;
}

json::object AppJson(const services::AppView& v) {
  const auto& a = v.app;
  auto details = core::DetailsToJson(a.details);
  json::array approvers;
  for (const auto& name : a.approvers) approvers.emplace_back(name);
  details["approvers"] = std::move(approvers);
  json::array missing;
  for (const auto& f : v.missing_fields) missing.emplace_back(f);
  json::array actions;
  for (const auto& name : v.actions.allowed) actions.emplace_back(name);
  json::object refusals;
  for (const auto& [name, reason] : v.actions.refused) refusals[name] = reason;
  return {{"id", a.id},
          {"name", a.name},
          {"team", a.team},
          {"owner", a.owner},
          {"type", core::AppTypeName(a.type)},
          {"level", core::AppLevelName(a.level)},
          {"description", a.description},
          {"repo_url", OrNull(a.repo_url)},
          {"status", core::AppStatusName(a.status)},
          {"status_reason", OrNull(a.status_reason)},
          {"details", std::move(details)},
          {"missing_fields", std::move(missing)},
          {"members", MembersJson(v.members)},
          {"actions", std::move(actions)},
          {"refusals", std::move(refusals)},
          {"version", a.version},
          {"created_at", TimeJson(a.created_at)},
          {"updated_at", TimeJson(a.updated_at)}};
}

}  // namespace slipway::http
