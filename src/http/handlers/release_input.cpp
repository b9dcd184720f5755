#include "http/handlers/release_input.hpp"

#include <boost/json.hpp>

#include "core/common/field_reader.hpp"
#include "core/environments/env_spec_json.hpp"

namespace slipway::http {

core::Result<services::StartReleaseCommand> ParseStartRelease(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"strategy"});
  auto strategy = in.String("strategy", 16);
  if (!in.ok()) return in.error();
  services::StartReleaseCommand command;
  if (strategy) {
    command.strategy = core::ParseReleaseStrategy(*strategy);
    if (!command.strategy)
      return core::Invalid("strategy must be one_shot or canary", {{"field", "strategy"}});
  }
  return command;
}

core::Result<services::ScaleCommand> ParseScale(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"replicas"});
  auto replicas = in.Int("replicas", core::kMinReplicas, core::kMaxReplicas, true);
  if (!in.ok()) return in.error();
  return services::ScaleCommand{static_cast<int>(*replicas)};
}

core::Result<services::EditEnvironmentCommand> ParseEditEnvironment(
    const boost::json::object& body) {
  core::FieldReader in(body);
  services::EditEnvironmentCommand command;
  auto version = in.Int("version", 1, INT64_MAX, true);
  command.confirm = in.Bool("confirm").value_or(false);
  if (!in.ok()) return in.error();
  command.version = *version;
  auto resources = body;
  resources.erase("version");
  resources.erase("confirm");
  auto patch = core::ParseEnvSpecPatch(resources);
  if (!patch.ok()) return patch.error();
  command.resources = std::move(*patch);
  return command;
}

core::Result<services::RollbackRequest> ParseRollbackRequest(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"image", "baseline_version", "scope", "plan_token"});
  services::RollbackRequest request;
  request.image = in.String("image", 512);
  request.baseline_version = in.Int("baseline_version", 1, INT64_MAX);
  auto scope = in.String("scope", 16);
  // A token lists a version per file: room for a few hundred files.
  request.plan_token = in.String("plan_token", 64 * 1024);
  if (!in.ok()) return in.error();
  if (scope) {
    auto parsed = services::ParseRollbackScope(*scope);
    if (!parsed) return core::Invalid("scope must be all, image or config", {{"field", "scope"}});
    request.scope = *parsed;
  }
  return request;
}

}  // namespace slipway::http
