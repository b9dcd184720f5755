// Scaling and editing an environment (R-ENV-5, R-ENV-6): the system makes the
// change, submits it and releases it at once, so both show up in the change
// and release lists, linked.
#include <boost/json.hpp>

#include "core/common/names.hpp"
#include "core/environments/env_spec_json.hpp"
#include "core/environments/env_spec_patch.hpp"
#include "engine/engine.hpp"
#include "services/apps/app_access.hpp"
#include "services/changes/change_service.hpp"
#include "services/releases/release_service.hpp"
#include "store/change_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

namespace json = boost::json;
using store::TxMode;

namespace {

constexpr const char* kReplaceWarning =
    "Saving replaces the containers of every pod (a rolling update). Send the same body with "
    "\"confirm\": true to do it.";

}  // namespace

core::Result<ChangeAndRelease> ReleaseService::SystemRelease(const RequestContext& ctx,
                                                             const std::string& env_ref,
                                                             const Parsed<ScaleCommand>* scale,
                                                             const core::EnvSpecPatch* resources) {
  auto done =
      store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Result<ChangeAndRelease> {
        auto env_id = core::ParseId(env_ref);
        auto env = env_id ? store::environments::Get(tx, *env_id) : std::nullopt;
        if (!env) return core::NotFound("no environment " + env_ref);
        auto app = AppForWrite(tx, ctx, std::to_string(env->app_id));
        if (!app.ok()) return app.error();
        // The body's own rules come before the environment's state.
        if (scale && !scale->ok()) return scale->error();
        if (env->image.empty()) {
          return core::Conflict(
              "the environment has no image yet: release a build before changing its resources");
        }
        ReleaseTarget target;
        target.image = env->image;
        target.image_digest = env->image_digest;
        target.spec = env->spec;
        SystemChange input;
        if (scale) {
          const int replicas = (*scale)->replicas;
          input.type = core::ChangeType::kScale;
          if (replicas == env->spec.replicas) {
            return core::Invalid(
                "the environment already runs " + std::to_string(replicas) + " pods",
                {{"field", "replicas"}});
          }
          input.replicas = replicas;
          input.title = "scale from " + std::to_string(env->spec.replicas) + " to " +
                        std::to_string(replicas) + " pods";
          target.spec.replicas = replicas;
        } else {
          input.type = core::ChangeType::kEnvResource;
          auto spec = core::ApplyEnvSpecPatch(env->spec, *resources);
          if (!spec.ok()) return spec.error();
          input.spec = json::serialize(core::EnvSpecToJson(*spec));
          input.title = "edit the resources of the " + env->env_type + " environment";
          target.spec = *spec;
        }
        auto change = changes_.CreateSystemChange(tx, ctx, *env, input);
        if (!change.ok()) return change.error();
        auto release = BeginRelease(tx, clock_, engine_, changes_, ctx, *change, *env, target);
        if (!release.ok()) return release.error();
        return ChangeAndRelease{*store::changes::Get(tx, change->id), *release};
      });
  if (done.ok()) engine_.Wake();
  return done;
}

core::Result<ChangeAndRelease> ReleaseService::Scale(const RequestContext& ctx,
                                                     const std::string& env_ref,
                                                     const Parsed<ScaleCommand>& command) {
  return SystemRelease(ctx, env_ref, &command, nullptr);
}

core::Result<EnvironmentEdit> ReleaseService::EditEnvironment(
    const RequestContext& ctx, const std::string& env_ref,
    const Parsed<EditEnvironmentCommand>& parsed) {
  // The preview: validated against the stored definition, nothing written.
  auto preview =
      store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> core::Result<EnvironmentEdit> {
        auto env_id = core::ParseId(env_ref);
        auto env = env_id ? store::environments::Get(tx, *env_id) : std::nullopt;
        if (!env) return core::NotFound("no environment " + env_ref);
        // Who may act comes first: a caller without the right learns nothing about the body.
        auto app = AppForWrite(tx, ctx, std::to_string(env->app_id));
        if (!app.ok()) return app.error();
        if (!parsed.ok()) return parsed.error();
        if (parsed->version != env->version) {
          return core::Conflict("the environment was changed by someone else; reload and retry",
                                {{"current_version", env->version}});
        }
        auto spec = core::ApplyEnvSpecPatch(env->spec, parsed->resources);
        if (!spec.ok()) return spec.error();
        EnvironmentEdit edit;
        edit.diff =
            core::DiffBaselines(core::BaselineContent(env->image, env->image_digest, env->spec),
                                core::BaselineContent(env->image, env->image_digest, *spec));
        if (edit.diff.empty())
          return core::Invalid("nothing to change: the environment already has these resources");
        edit.warning = kReplaceWarning;
        return edit;
      });
  if (!preview.ok() || !parsed->confirm) return preview;
  auto done = SystemRelease(ctx, env_ref, nullptr, &parsed->resources);
  if (!done.ok()) return done.error();
  auto edit = *preview;
  edit.confirmed = true;
  edit.change_id = done->change.id;
  edit.release_id = done->release.id;
  return edit;
}

}  // namespace slipway::services
