#include "http/handlers/env_input.hpp"

#include <algorithm>

#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"
#include "core/environments/env_spec_json.hpp"

namespace slipway::http {

namespace json = boost::json;

namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// The one reading of a release policy, at creation and on replacement;
// `prefix` is where it sits in the body ("release_policy." or "").
core::Result<core::ReleasePolicy> ReleasePolicyAt(const json::object& policy,
                                                  const std::string& prefix) {
  auto parsed = core::ParseReleasePolicy(policy);
  if (!parsed.ok()) {
    auto e = parsed.error();
    e.details["field"] = prefix + std::string(e.details.at("field").as_string());
    return e;
  }
  return parsed;
}

}  // namespace

core::Result<services::CreateEnvironmentCommand> ParseCreateEnvironment(
    const json::object& body, const std::vector<std::string>& env_types) {
  services::CreateEnvironmentCommand c;
  core::FieldReader in(body);
  c.env_type = in.String("env_type", 20, true).value_or("");
  c.cluster = in.String("cluster", 63, true).value_or("");
  c.image = in.String("image", 512).value_or("");
  auto backend = in.String("config_backend", 10);
  if (!in.ok()) return in.error();
  if (std::find(env_types.begin(), env_types.end(), c.env_type) == env_types.end()) {
    return core::Invalid("env_type must be one of: " + Joined(env_types),
                         {{"field", "env_type"}, {"rule", "must be a configured env type"}});
  }
  if (!c.image.empty()) {
    if (auto rule = core::CheckImageAddress(c.image))
      return core::Invalid("image " + *rule, {{"field", "image"}, {"rule", *rule}});
  }
  if (backend) {
    c.config_backend = core::ParseConfigBackend(*backend);
    if (!c.config_backend)
      return core::Invalid("config_backend must be consul or apollo",
                           {{"field", "config_backend"}});
  }
  if (const auto* policy = body.if_contains("release_policy"); policy && !policy->is_null()) {
    if (!policy->is_object())
      return core::Invalid("release_policy must be an object", {{"field", "release_policy"}});
    auto parsed = ReleasePolicyAt(policy->as_object(), "release_policy.");
    if (!parsed.ok()) return parsed.error();
    c.release_policy = *parsed;
  }
  // The rest are the resources; their rules do not depend on what the
  // application declares, which only fills in what the body leaves out.
  json::object resources = body;
  for (const char* key : {"env_type", "cluster", "image", "config_backend", "release_policy"})
    resources.erase(key);
  auto spec = core::ParseEnvSpec(resources);
  if (!spec.ok()) return spec.error();
  c.spec = std::move(*spec);
  const auto* ports = body.if_contains("ports");
  c.ports_given = ports && !ports->is_null();
  c.readiness_given = body.contains("readiness");
  return c;
}

core::Result<services::SetReleasePolicyCommand> ParseSetReleasePolicy(const json::object& body) {
  services::SetReleasePolicyCommand c;
  core::FieldReader in(body);
  c.version = in.Int("version", 1, INT64_MAX);
  if (!in.ok()) return in.error();
  json::object policy = body;
  policy.erase("version");
  auto parsed = ReleasePolicyAt(policy, "");
  if (!parsed.ok()) return parsed.error();
  c.release_policy = *parsed;
  return c;
}

}  // namespace slipway::http
