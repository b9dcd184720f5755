#include "http/handlers/app_input.hpp"

#include "core/apps/app_repository_rule.hpp"
#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"

namespace slipway::http {

namespace json = boost::json;
using core::FieldReader;

namespace {

std::optional<core::AppLevel> ReadLevel(FieldReader& in, bool required) {
  auto s = in.String("level", 16, required);
  if (!s) return std::nullopt;
  auto level = core::ParseAppLevel(*s);
  if (!level) in.Fail("level", "must be core, non_core or edge");
  return level;
}

std::optional<std::string> ReadOwner(FieldReader& in) {
  auto owner = in.String("owner", 64);
  if (owner) {
    if (auto rule = core::CheckUsername(*owner)) in.Fail("owner", *rule);
  }
  return owner;
}

core::Result<std::optional<std::vector<std::string>>> ReadApprovers(const json::object& body) {
  const auto* v = body.if_contains("approvers");
  if (!v || v->is_null()) return std::optional<std::vector<std::string>>();
  if (!v->is_array())
    return core::Invalid("approvers must be a list of usernames", {{"field", "approvers"}});
  std::vector<std::string> names;
  for (const auto& item : v->as_array()) {
    if (!item.is_string() || core::CheckUsername(item.as_string())) {
      return core::Invalid("approvers must be a list of usernames", {{"field", "approvers"}});
    }
    names.emplace_back(item.as_string());
  }
  return std::optional<std::vector<std::string>>(std::move(names));
}

}  // namespace

core::Result<services::RegisterAppCommand> ParseRegisterApp(const json::object& body) {
  FieldReader in(body);
  in.RejectUnknown({"name", "team", "owner", "type", "level", "description", "repo_url"});
  auto name = in.String("name", 63, true);
  auto team = in.String("team", 64, true);
  auto owner = ReadOwner(in);
  std::optional<core::AppType> type;
  if (auto s = in.String("type", 16, true)) {
    type = core::ParseAppType(*s);
    if (!type) in.Fail("type", "must be self_developed, commercial or empty");
  }
  auto level = ReadLevel(in, true);
  auto description = in.Text("description", 2000);
  auto repo = in.String("repo_url", 512);
  if (!in.ok()) return in.error();
  auto rule = core::CheckDns1123Label(*name);
  if (!rule) rule = core::CheckNotAnId(*name);
  if (rule) return core::Invalid("name " + *rule, {{"field", "name"}, {"rule", *rule}});
  if (auto e = core::CheckRepoUrlFor(*type, repo.value_or(""))) return *e;
  return services::RegisterAppCommand{
      *name, *team, owner, *type, *level, description.value_or(""), repo.value_or("")};
}

core::Result<services::EditAppCommand> ParseEditApp(const json::object& body) {
  FieldReader in(body);
  // name and type are known so that they get "cannot be changed".
  in.RejectUnknown(
      {"version", "team", "level", "description", "repo_url", "owner", "name", "type"});
  services::EditAppCommand command;
  command.version = in.Int("version", 1, INT64_MAX, true).value_or(0);
  command.owner = ReadOwner(in);
  command.team = in.String("team", 64);
  command.level = ReadLevel(in, false);
  command.description = in.Text("description", 2000);
  command.repo_url = in.String("repo_url", 512);
  if (body.contains("name")) in.Fail("name", "cannot be changed");
  if (body.contains("type")) in.Fail("type", "cannot be changed");
  if (command.team && command.team->empty()) in.Fail("team", "must not be empty");
  if (!in.ok()) return in.error();
  return command;
}

core::Result<services::CompleteDetailsCommand> ParseCompleteDetails(const json::object& body) {
  FieldReader in(body);
  in.RejectUnknown({"version", "build_job", "ports", "health_check", "approvers", "vendor_image",
                    "business_domains"});
  auto version = in.Int("version", 1, INT64_MAX, true);
  if (!in.ok()) return in.error();
  auto approvers = ReadApprovers(body);
  if (!approvers.ok()) return approvers.error();
  auto details = core::ParseDetailsPatch(body);
  if (!details.ok()) return details.error();
  return services::CompleteDetailsCommand{*version, std::move(*details), std::move(*approvers)};
}

core::Result<services::AppTransitionCommand> ParseAppTransition(core::AppEvent event,
                                                                const json::object& body) {
  const bool commented = event == core::AppEvent::kApprove;
  const bool reasoned =
      event == core::AppEvent::kReject || event == core::AppEvent::kRequestOffline;
  FieldReader in(body);
  if (commented) {
    in.RejectUnknown({"version", "comment"});
  } else if (reasoned) {
    in.RejectUnknown({"version", "reason"});
  } else {
    in.RejectUnknown({"version"});
  }
  services::AppTransitionCommand command;
  command.version = in.Int("version", 1, INT64_MAX);
  if (commented || reasoned) {
    command.note =
        in.Text(commented ? "comment" : "reason", 1000, event == core::AppEvent::kReject);
  }
  if (!in.ok()) return in.error();
  return command;
}

core::Result<services::PutMemberCommand> ParsePutMember(const json::object& body) {
  FieldReader in(body);
  in.RejectUnknown({"role"});
  auto role_name = in.String("role", 16, true);
  if (!in.ok()) return in.error();
  auto role = core::ParseMemberRole(*role_name);
  if (!role) {
    return core::Invalid("role must be owner, developer or approver",
                         {{"field", "role"}, {"rule", "must be owner, developer or approver"}});
  }
  return services::PutMemberCommand{*role};
}

}  // namespace slipway::http
