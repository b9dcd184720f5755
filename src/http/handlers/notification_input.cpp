#include "http/handlers/notification_input.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"
#include "services/notifications/notices.hpp"
#include "services/notifications/notification_targets.hpp"

namespace slipway::http {

namespace json = boost::json;

namespace {

std::optional<std::vector<std::string>> ReadKinds(const json::value* v, core::FieldReader& in) {
  std::vector<std::string> kinds;
  if (!v || v->is_null()) {
    for (auto k : services::AllNoticeKinds()) kinds.emplace_back(services::NoticeKindName(k));
    return kinds;
  }
  if (!v->is_array() || v->as_array().empty()) {
    in.Fail("kinds", "must be a non-empty array of notice kinds");
    return std::nullopt;
  }
  for (const auto& k : v->as_array()) {
    if (!k.is_string() || !services::ParseNoticeKind(k.as_string())) {
      in.Fail(
          "kinds",
          "must name approval_requested, release_completed, release_failed or release_rolled_back");
      return std::nullopt;
    }
    std::string name(k.as_string());
    if (std::find(kinds.begin(), kinds.end(), name) == kinds.end()) kinds.push_back(name);
  }
  return kinds;
}

core::Result<services::TargetSpec> ReadTarget(const json::object& o, const std::string& prefix) {
  core::FieldReader in(o, prefix);
  in.RejectUnknown({"name", "type", "url", "secret", "kinds"});
  services::TargetSpec t;
  t.name = in.String("name", 63, true).value_or("");
  t.type = in.String("type", 16, true).value_or("");
  t.url = in.String("url", 2048);
  if (o.contains("secret") && o.at("secret").is_null()) {
    t.secret = "";
  } else {
    t.secret = in.String("secret", 512);
  }
  auto kinds = ReadKinds(o.if_contains("kinds"), in);
  if (!in.ok()) return in.error();
  auto fail = [&](const std::string& field, const std::string& rule) {
    return core::Invalid(prefix + field + " " + rule, {{"field", prefix + field}, {"rule", rule}});
  };
  if (auto rule = core::CheckDns1123Label(t.name)) return fail("name", *rule);
  if (t.type != "dingtalk" && t.type != "webhook")
    return fail("type", "must be dingtalk or webhook");
  if (t.url) {
    if (auto rule = services::CheckTargetUrl(t.type, *t.url)) return fail("url", *rule);
  }
  t.kinds = std::move(*kinds);
  return t;
}

}  // namespace

core::Result<services::ReplaceTargetsCommand> ParseReplaceTargets(const json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"targets"});
  if (!in.ok()) return in.error();
  const auto* list = body.if_contains("targets");
  if (!list || !list->is_array()) {
    return core::Invalid("targets must be an array (empty to remove every target)",
                         {{"field", "targets"}, {"rule", "must be an array"}});
  }
  if (list->as_array().size() > services::kMaxNotificationTargets) {
    return core::Invalid("targets may hold at most 20 targets",
                         {{"field", "targets"}, {"rule", "at most 20"}});
  }
  services::ReplaceTargetsCommand out;
  std::set<std::string> names;
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    const std::string prefix = "targets[" + std::to_string(i) + "].";
    const auto& item = list->as_array()[i];
    if (!item.is_object()) {
      return core::Invalid(
          prefix.substr(0, prefix.size() - 1) + " must be an object",
          {{"field", prefix.substr(0, prefix.size() - 1)}, {"rule", "must be an object"}});
    }
    auto target = ReadTarget(item.as_object(), prefix);
    if (!target.ok()) return target.error();
    if (!names.insert(target->name).second) {
      return core::Invalid(prefix + "name repeats " + target->name,
                           {{"field", prefix + "name"}, {"rule", "must be unique"}});
    }
    out.targets.push_back(std::move(*target));
  }
  return out;
}

}  // namespace slipway::http
