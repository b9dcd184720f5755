// Deleting a build (R-BLD-4): its image leaves the registry first, then the
// record. A crash between the two leaves a record whose manifest is gone;
// deleting again finds the manifest unknown and finishes the job.
#include <boost/json.hpp>

#include "connectors/registry/image_reference.hpp"
#include "core/common/names.hpp"
#include "services/apps/app_access.hpp"
#include "services/builds/build_service.hpp"
#include "services/platform/audit_log.hpp"
#include "store/build_repository.hpp"

namespace slipway::services {

namespace {

// What the deletion will do, decided in one read transaction.
struct DeletionPlan {
  core::Build build;
  std::string repository;   ///< in the registry
  std::string digest;       ///< "" when there is no image to delete
  std::string shared_with;  ///< another build of the same image: the manifest stays
  std::vector<BuildReference> references;
};

boost::json::array ReferencesJson(const std::vector<BuildReference>& references) {
  boost::json::array out;
  for (const auto& r : references) {
    out.push_back(boost::json::object{
        {"kind", r.kind}, {"id", r.id}, {"app_id", r.app_id}, {"description", r.description}});
  }
  return out;
}

core::Error RegistryFailure(const core::Error& error, const std::string& what) {
  if (error.code == core::Code::kTransient)
    return {core::Code::kTransient, what + ": " + error.message, {}};
  // The registry's refusal (delete disabled, credentials) is not the caller's fault.
  return core::Conflict(what + ": " + error.message,
                        {{"registry_error", core::CodeName(error.code)}});
}

// The digest of the build's image: recorded on success; a failed or
// cancelled build may still have pushed one under its tag.
core::Result<std::string> ImageDigest(const Connections& connections, const core::Build& build,
                                      const std::string& repository, const std::string& tag) {
  if (!build.digest.empty()) return build.digest;
  auto manifest = connections.registry->HeadManifest(repository, tag);
  if (manifest.ok()) return manifest->digest;
  if (manifest.error().code == core::Code::kNotFound) return std::string();
  return RegistryFailure(manifest.error(), "cannot look up " + build.image);
}

// What deleting `build_id` will do: the checks (who, the state, the image's
// users) and the image to remove. The registry is asked for the digest of a
// build that has none recorded.
core::Result<DeletionPlan> PlanDeletion(store::Database& db, const Connections& connections,
                                        const RequestContext& ctx, std::int64_t build_id,
                                        bool force) {
  auto build =
      store::InTx(db, store::TxMode::kRead, [&](store::Tx& tx) -> core::Result<core::Build> {
        auto found = store::builds::Get(tx, build_id);
        if (!found) return core::NotFound("no build " + std::to_string(build_id));
        auto app = AppForWrite(tx, ctx, std::to_string(found->app_id));
        if (!app.ok()) return app.error();
        if (auto reason = core::ComputeBuildActions(*found, true).ReasonFor("delete")) {
          return core::Conflict(*reason, {{"state", core::BuildStateName(found->state)}});
        }
        return std::move(*found);
      });
  if (!build.ok()) return build.error();
  auto reference = connectors::registry::ParseImageReference(build->image);
  if (!reference.ok())
    return core::Conflict("the build's image address is not valid: " + reference.error().message);
  if (!Configured(connections.registry)) return NotConfigured("registry");
  DeletionPlan plan{std::move(*build), reference->repository, "", "", {}};
  auto digest = ImageDigest(connections, plan.build, plan.repository, reference->tag);
  if (!digest.ok()) return digest.error();
  plan.digest = *digest;
  if (plan.digest.empty()) return plan;  // nothing in the registry, nothing that runs it
  store::InTx(db, store::TxMode::kRead, [&](store::Tx& tx) {
    plan.references = BuildReferences(tx, plan.digest);
    for (const auto& other : store::builds::WithDigest(tx, plan.digest)) {
      if (other.id != plan.build.id) plan.shared_with = std::to_string(other.id);
    }
  });
  if (!plan.references.empty() && !force) {
    return core::Conflict(
        "the image " + plan.build.image + " is still in use (" + plan.references[0].description +
            (plan.references.size() > 1 ? " and more" : "") + "); an admin may force the deletion",
        {{"digest", plan.digest}, {"references", ReferencesJson(plan.references)}});
  }
  return plan;
}

std::string DeletionSummary(const DeletionPlan& plan) {
  std::string summary = "deleted build " + plan.build.version + " (" + plan.build.image + ")";
  if (plan.digest.empty()) summary += "; no image was in the registry";
  if (!plan.shared_with.empty())
    summary += "; the image stays: build " + plan.shared_with + " has it too";
  if (!plan.references.empty())
    summary += "; forced while in use by " + plan.references[0].description;
  return summary;
}

}  // namespace

core::Status BuildService::Delete(const RequestContext& ctx, const std::string& id, bool force) {
  auto build_id = core::ParseId(id);
  if (!build_id) return core::NotFound("no build " + id);
  if (force && !ctx.caller.IsAdmin())
    return core::Forbidden("only admins may force the deletion of a build");
  auto plan = PlanDeletion(db_, connections_, ctx, *build_id, force);
  if (!plan.ok()) return plan.error();
  // A manifest is deleted with every tag on it: keep it while another build has it.
  if (!plan->digest.empty() && plan->shared_with.empty()) {
    auto deleted = connections_.registry->DeleteManifest(plan->repository, plan->digest);
    if (!deleted.ok() && deleted.error().code != core::Code::kNotFound) {
      return RegistryFailure(deleted.error(), "the registry did not delete " + plan->build.image);
    }
  }
  return store::InTx(db_, store::TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    if (!store::builds::Delete(tx, plan->build.id)) return core::NotFound("no build " + id);
    RecordAudit(tx, clock_, ctx, "build.delete", "build", id, DeletionSummary(*plan));
    return core::Ok{};
  });
}

}  // namespace slipway::services
