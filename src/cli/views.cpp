#include "cli/views.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <utility>
#include <vector>

#include "cli/details_notation.hpp"
#include "cli/table.hpp"

namespace slipway::cli {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

const boost::json::object& ObjectOf(const boost::json::value& value) {
  static const boost::json::object kEmpty;
  return value.is_object() ? value.as_object() : kEmpty;
}

// Lists come wrapped in the contract's envelope; a bare array is accepted
// for sub-collections a server may answer unwrapped.
const boost::json::array& ItemsOf(const boost::json::value& list) {
  static const boost::json::array kEmpty;
  if (list.is_array()) return list.as_array();
  const auto* items = ObjectOf(list).if_contains("items");
  return items && items->is_array() ? items->as_array() : kEmpty;
}

std::string Text(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  return value ? CellText(*value) : "-";
}

std::string Table(const boost::json::value& list, const Row& headers,
                  const std::vector<const char*>& keys) {
  std::vector<Row> rows;
  for (const auto& item : ItemsOf(list)) {
    Row row;
    for (const char* key : keys) row.push_back(Text(ObjectOf(item), key));
    rows.push_back(std::move(row));
  }
  return RenderTable(headers, rows);
}

std::string Joined(const boost::json::value* values,
                   std::string (*format)(const boost::json::value&)) {
  if (values == nullptr || !values->is_array() || values->as_array().empty()) return "-";
  std::string out;
  for (const auto& value : values->as_array()) {
    if (!out.empty()) out += ", ";
    out += format(value);
  }
  return out;
}

std::string FormatMember(const boost::json::value& member) {
  const auto& object = ObjectOf(member);
  return Text(object, "username") + " (" + Text(object, "role") + ")";
}

}  // namespace

std::string RenderAppList(const boost::json::value& list) {
  return Table(list, {"id", "name", "team", "owner", "type", "level", "status", "updated"},
               {"id", "name", "team", "owner", "type", "level", "status", "updated_at"});
}

std::string RenderApp(const boost::json::value& app) {
  const auto& object = ObjectOf(app);
  Fields fields;
  for (const char* key : {"id", "name", "team", "owner", "type", "level", "status"}) {
    fields.emplace_back(key, Text(object, key));
  }
  // The contract names the rejection reason reject_reason; servers that
  // generalise it to any status change send status_reason.
  for (const char* key : {"reject_reason", "status_reason"}) {
    if (const auto* reason = object.if_contains(key); reason && !reason->is_null()) {
      fields.emplace_back("reason", CellText(*reason));
    }
  }
  fields.emplace_back("description", Text(object, "description"));
  fields.emplace_back("repository", Text(object, "repo_url"));
  const auto* details_value = object.if_contains("details");
  const auto& details = details_value ? ObjectOf(*details_value) : ObjectOf(nullptr);
  fields.emplace_back("build job", Text(details, "build_job"));
  fields.emplace_back("ports", Joined(details.if_contains("ports"), FormatPort));
  const auto* check = details.if_contains("health_check");
  fields.emplace_back("health check", check ? FormatHealthCheck(*check) : "-");
  fields.emplace_back("approvers", Text(details, "approvers"));
  fields.emplace_back("vendor image", Text(details, "vendor_image"));
  fields.emplace_back("domains", Text(details, "business_domains"));
  fields.emplace_back("missing fields", Text(object, "missing_fields"));
  fields.emplace_back("members", Joined(object.if_contains("members"), FormatMember));
  fields.emplace_back("actions", Text(object, "actions"));
  fields.emplace_back("version", Text(object, "version"));
  fields.emplace_back("created", Text(object, "created_at"));
  fields.emplace_back("updated", Text(object, "updated_at"));
  std::string out = RenderFields(fields);
  if (const auto* refusals = object.if_contains("refusals");
      refusals && refusals->is_object() && !refusals->as_object().empty()) {
    Fields reasons;
    for (const auto& [action, reason] : refusals->as_object()) {
      reasons.emplace_back("  " + std::string(action), CellText(reason));
    }
    out += "refused:\n" + RenderFields(reasons);
  }
  return out;
}

std::string RenderMembers(const boost::json::value& list) {
  return Table(list, {"username", "role"}, {"username", "role"});
}

std::string RenderTokenList(const boost::json::value& list) {
  return Table(list, {"id", "name", "created", "last used", "expires"},
               {"id", "name", "created_at", "last_used_at", "expires_at"});
}

std::string RenderNewToken(const boost::json::value& token) {
  const auto& object = ObjectOf(token);
  Fields fields;
  for (const char* key : {"id", "name", "created_at", "expires_at", "token"}) {
    fields.emplace_back(key, Text(object, key));
  }
  return RenderFields(fields) + "The token is shown only now: store it safely.\n";
}

std::string RenderUserList(const boost::json::value& list) {
  return Table(list, {"id", "username", "display name", "role", "disabled", "updated"},
               {"id", "username", "display_name", "role", "disabled", "updated_at"});
}

std::string RenderUser(const boost::json::value& user) {
  const auto& object = ObjectOf(user);
  Fields fields;
  for (const char* key : {"id", "username", "display_name", "role", "disabled", "version",
                          "created_at", "updated_at"}) {
    fields.emplace_back(key, Text(object, key));
  }
  return RenderFields(fields);
}

std::string RenderAuditList(const boost::json::value& list) {
  std::vector<Row> rows;
  for (const auto& item : ItemsOf(list)) {
    const auto& r = ObjectOf(item);
    rows.push_back({Text(r, "id"), Text(r, "time"), Text(r, "actor"), Text(r, "action"),
                    Text(r, "object_type") + ":" + Text(r, "object_id"), Text(r, "result"),
                    Text(r, "summary")});
  }
  return RenderTable({"id", "time", "actor", "action", "object", "result", "summary"}, rows);
}

}  // namespace slipway::cli
