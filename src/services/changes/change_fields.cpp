#include "services/changes/change_fields.hpp"

#include "core/common/names.hpp"
#include "store/build_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

namespace {

core::Error FieldError(const std::string& field, const std::string& rule) {
  return core::Invalid(field + " " + rule, {{"field", field}, {"rule", rule}});
}

// A self-developed application releases what it built (R-CHG-1).
core::Status ApplyBuild(store::Tx& tx, const core::App& app, const ChangeFields& f, bool creating,
                        core::Change& change) {
  if (f.image || f.tag) {
    return FieldError(f.image ? "image" : "tag",
                      "cannot be given: self-developed applications release a build (build_id)");
  }
  if (!f.build_id) {
    if (creating) return FieldError("build_id", "is required for self-developed applications");
    return core::Ok{};
  }
  auto build = store::builds::Get(tx, *f.build_id);
  if (!build || build->app_id != app.id)
    return FieldError("build_id", "must be a build of " + app.name);
  if (build->state != core::BuildState::kSucceeded) {
    return core::Conflict("build " + std::to_string(build->id) + " is " +
                              std::string(core::BuildStateName(build->state)) +
                              ": only succeeded builds can be released",
                          {{"field", "build_id"}, {"state", core::BuildStateName(build->state)}});
  }
  change.build_id = build->id;
  change.image = build->image;
  change.image_digest = build->digest;
  return core::Ok{};
}

// A commercial application is released from a vendor image, never built (R-APP-4).
core::Status ApplyImage(const core::App& app, const ChangeFields& f, bool creating,
                        core::Change& change) {
  if (f.build_id)
    return FieldError("build_id", "cannot be given: commercial applications are never built");
  std::string image;
  if (f.image) {
    image = *f.image;
    if (auto rule = core::CheckImageAddress(image)) return FieldError("image", *rule);
  } else if (f.tag) {
    if (auto rule = core::CheckImageTag(*f.tag)) return FieldError("tag", *rule);
    if (app.details.vendor_image.empty()) {
      return FieldError("tag",
                        "needs the application's details.vendor_image; give a full image instead");
    }
    image = app.details.vendor_image + ":" + *f.tag;
    if (auto rule = core::CheckImageAddress(image))
      return FieldError("tag", "makes an invalid image: " + *rule);
  } else {
    if (creating)
      return FieldError("image", "is required (or tag, for " + app.details.vendor_image + ")");
    return core::Ok{};
  }
  change.build_id.reset();
  change.image = image;
  change.image_digest.clear();  // read by the release, which pulls it
  return core::Ok{};
}

}  // namespace

core::Status ApplyChangeFields(store::Tx& tx, const core::App& app, const ChangeFields& f,
                               bool creating, core::Change& change) {
  if (f.env_id) {
    auto env = store::environments::Get(tx, *f.env_id);
    if (!env || env->app_id != app.id)
      return FieldError("env_id", "must be an environment of " + app.name);
    change.env_id = env->id;
  }
  if (f.title) change.title = *f.title;
  if (f.description) change.description = *f.description;
  switch (app.type) {
    case core::AppType::kSelfDeveloped:
      return ApplyBuild(tx, app, f, creating, change);
    case core::AppType::kCommercial:
      return ApplyImage(app, f, creating, change);
    case core::AppType::kEmpty:
      break;
  }
  return core::Conflict("empty applications have no release flow, so no code changes");
}

}  // namespace slipway::services
