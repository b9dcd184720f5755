#include "services/notifications/notification_targets.hpp"

#include <boost/json.hpp>
#include <set>

#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"
#include "services/notifications/notices.hpp"

namespace slipway::services {

namespace {

namespace json = boost::json;

// A value keeps its last four characters when long enough that they give
// nothing away, so people can tell two tokens apart.
std::string Masked(std::string_view value) {
  if (value.size() < 12) return value.empty() ? "" : "…";
  return "…" + std::string(value.substr(value.size() - 4));
}

std::string MaskQuery(std::string_view query) {
  std::string out;
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    auto eq = pair.find('=');
    out += (out.empty() ? "" : "&") + std::string(pair.substr(0, eq));
    if (eq != std::string_view::npos) out += "=" + Masked(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

std::string MaskPath(std::string_view path) {
  std::string out;
  while (!path.empty()) {
    auto slash = path.find('/', 1);
    auto segment = path.substr(0, slash);  // with its leading '/'
    out += segment.size() > 16 ? "/" + Masked(segment.substr(1)) : std::string(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return out;
}

std::optional<std::vector<std::string>> ReadKinds(const json::value* v, core::FieldReader& in) {
  std::vector<std::string> kinds;
  if (!v || v->is_null()) {
    for (auto k : AllNoticeKinds()) kinds.emplace_back(NoticeKindName(k));
    return kinds;
  }
  if (!v->is_array() || v->as_array().empty()) {
    in.Fail("kinds", "must be a non-empty array of notice kinds");
    return std::nullopt;
  }
  for (const auto& k : v->as_array()) {
    if (!k.is_string() || !ParseNoticeKind(k.as_string())) {
      in.Fail("kinds", "must name approval_requested, release_completed, release_failed or release_rolled_back");
      return std::nullopt;
    }
    std::string name(k.as_string());
    if (std::find(kinds.begin(), kinds.end(), name) == kinds.end()) kinds.push_back(name);
  }
  return kinds;
}

core::Result<TargetSpec> ReadTarget(const json::object& o, const std::string& prefix) {
  core::FieldReader in(o, prefix);
  in.RejectUnknown({"name", "type", "url", "secret", "kinds"});
  TargetSpec t;
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
  if (t.type != "dingtalk" && t.type != "webhook") return fail("type", "must be dingtalk or webhook");
  if (t.url) {
    if (auto rule = CheckTargetUrl(t.type, *t.url)) return fail("url", *rule);
  }
  t.kinds = std::move(*kinds);
  return t;
}

}  // namespace

core::Result<std::vector<TargetSpec>> ParseTargetSpecs(const json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"targets"});
  if (!in.ok()) return in.error();
  const auto* list = body.if_contains("targets");
  if (!list || !list->is_array()) {
    return core::Invalid("targets must be an array (empty to remove every target)",
                         {{"field", "targets"}, {"rule", "must be an array"}});
  }
  if (list->as_array().size() > kMaxNotificationTargets) {
    return core::Invalid("targets may hold at most 20 targets", {{"field", "targets"}, {"rule", "at most 20"}});
  }
  std::vector<TargetSpec> out;
  std::set<std::string> names;
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    const std::string prefix = "targets[" + std::to_string(i) + "].";
    const auto& item = list->as_array()[i];
    if (!item.is_object()) {
      return core::Invalid(prefix.substr(0, prefix.size() - 1) + " must be an object",
                           {{"field", prefix.substr(0, prefix.size() - 1)}, {"rule", "must be an object"}});
    }
    auto target = ReadTarget(item.as_object(), prefix);
    if (!target.ok()) return target.error();
    if (!names.insert(target->name).second) {
      return core::Invalid(prefix + "name repeats " + target->name,
                           {{"field", prefix + "name"}, {"rule", "must be unique"}});
    }
    out.push_back(std::move(*target));
  }
  return out;
}

std::optional<std::string> CheckTargetUrl(std::string_view type, std::string_view url) {
  std::size_t rest = url.rfind("https://", 0) == 0 ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
  if (rest == 0) return "must start with http:// or https://";
  if (url.size() > 2048) return "must be at most 2048 characters";
  for (unsigned char c : url) {
    if (c <= ' ' || c == 0x7f) return "must not contain blanks or control characters";
  }
  auto host_end = url.find_first_of("/?#", rest);
  if (url.substr(rest, host_end == std::string_view::npos ? url.npos : host_end - rest).empty()) {
    return "must name a host";
  }
  if (type == "dingtalk") {
    auto query = url.find('?');
    if (query == std::string_view::npos || url.find("access_token=", query) == std::string_view::npos) {
      return "must be the robot's webhook URL with its access_token";
    }
  }
  return std::nullopt;
}

std::string MaskUrl(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return "…";
  auto rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('#'));
  auto authority_end = rest.find_first_of("/?");
  auto authority = rest.substr(0, authority_end);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string out = std::string(url.substr(0, scheme_end + 3)) + std::string(authority);
  if (authority_end == std::string_view::npos) return out;
  rest.remove_prefix(authority_end);
  auto q = rest.find('?');
  out += MaskPath(rest.substr(0, q));
  if (q != std::string_view::npos) out += "?" + MaskQuery(rest.substr(q + 1));
  return out;
}

}  // namespace slipway::services
