// Reading configuration files, editing and discarding drafts, diffs and the
// publish history. Publishing is in config_publish.cpp.
#include "services/config/config_service.hpp"

#include <map>

#include "core/common/names.hpp"
#include "services/apps/app_access.hpp"
#include "services/config/config_content.hpp"
#include "services/config/config_errors.hpp"
#include "services/platform/audit_log.hpp"
#include "store/cluster_repository.hpp"
#include "store/environment_repository.hpp"

namespace slipway::services {

using core::Result;
using store::TxMode;

namespace {

// Above Consul's 512 KiB with room to spare; each backend checks its own limit.

core::Status CheckName(const std::string& name) {
  if (auto rule = core::CheckConfigFileName(name)) {
    return core::Invalid("file name " + *rule, {{"field", "name"}, {"rule", *rule}});
  }
  return core::Ok{};
}

core::Error NoDraft(const std::string& name) {
  return core::NotFound("there is no draft of " + name);
}

}  // namespace

Result<ConfigService::Scope> ConfigService::Resolve(store::Tx& tx, const RequestContext& ctx,
                                                    const std::string& env_ref, bool write) {
  auto id = core::ParseId(env_ref);
  auto env = id ? store::environments::Get(tx, *id) : std::nullopt;
  if (!env) return core::NotFound("no environment " + env_ref);
  auto cluster = store::clusters::Get(tx, env->cluster_id);
  if (!cluster) return core::NotFound("the cluster of environment " + env_ref + " is gone");
  // Who may act comes first: a caller without the right learns nothing about the body.
  auto app = write ? AppForWrite(tx, ctx, std::to_string(env->app_id))
                   : AppForRead(tx, std::to_string(env->app_id));
  if (!app.ok()) return app.error();
  ConfigTarget target{app->name, env->env_type, cluster->cluster.name,
                      env->config_backend.value_or(cluster->cluster.config_backend)};
  return Scope{std::move(*env), app->id, std::move(target)};
}

Result<std::int64_t> ConfigService::HistoryOf(store::Tx& tx, const RequestContext& ctx,
                                              const std::string& env_ref) {
  auto scope = Resolve(tx, ctx, env_ref, false);
  if (scope.ok()) return scope->env.id;
  auto id = core::ParseId(env_ref);
  if (!id || store::environments::Get(tx, *id)) return scope.error();
  store::PublishQuery any;
  any.env_id = *id;
  any.limit = 1;
  if (store::config_files::ListPublishes(tx, any).empty()) return scope.error();
  return *id;
}

Result<ConfigService::Loaded> ConfigService::Load(const RequestContext& ctx, const std::string& env,
                                                  const std::string& name, bool write) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<Loaded> {
    auto scope = Resolve(tx, ctx, env, write);
    if (!scope.ok()) return scope.error();
    if (auto ok = CheckName(name); !ok.ok()) return ok.error();
    auto draft = store::config_files::GetDraft(tx, scope->env.id, name);
    return Loaded{std::move(*scope), std::move(draft)};
  });
}

Result<std::unique_ptr<ConfigFiles>> ConfigService::Open(const Scope& scope) const {
  return OpenConfigFiles(connections_, settings_, scope.target);
}

core::Status ConfigService::CheckContent(const ConfigFiles& files, const std::string& name,
                                         const std::string& content) const {
  if (auto valid = ValidateContent(core::ConfigFormatOf(name), content); !valid.ok()) return valid;
  return files.CheckWritable(name, content);
}

Result<std::vector<ConfigFileView>> ConfigService::List(const RequestContext& ctx,
                                                        const std::string& env) {
  struct Read {
    Scope scope;
    std::vector<store::ConfigDraft> drafts;
  };
  auto read = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<Read> {
    auto scope = Resolve(tx, ctx, env, false);
    if (!scope.ok()) return scope.error();
    auto drafts = store::config_files::ListDrafts(tx, scope->env.id);
    return Read{std::move(*scope), std::move(drafts)};
  });
  if (!read.ok()) return read.error();
  auto files = Open(read->scope);
  if (!files.ok()) return files.error();
  auto live = (*files)->List();
  if (!live.ok()) return BackendError(**files, live.error());
  std::map<std::string, ConfigFileView> views;
  auto view_of = [&](const std::string& name) -> ConfigFileView& {
    auto& v = views[name];
    v.env_id = read->scope.env.id;
    v.name = v.live.name = name;
    v.format = core::ConfigFormatOf(name);
    v.backend = (*files)->backend();
    v.location = (*files)->Location(name);
    return v;
  };
  for (auto& file : *live) {
    file.content.clear();  // a list names the files; Get shows one
    view_of(file.name).live = std::move(file);
  }
  for (auto& draft : read->drafts) view_of(draft.file_name).draft = std::move(draft);
  std::vector<ConfigFileView> out;
  for (auto& [name, v] : views) out.push_back(std::move(v));
  return out;
}

Result<ConfigFileView> ConfigService::Get(const RequestContext& ctx, const std::string& env,
                                          const std::string& name) {
  auto loaded = Load(ctx, env, name, false);
  if (!loaded.ok()) return loaded.error();
  auto files = Open(loaded->scope);
  if (!files.ok()) return files.error();
  auto live = (*files)->Read(name);
  if (!live.ok()) return BackendError(**files, live.error());
  if (!live->exists && !loaded->draft)
    return core::NotFound("environment " + env + " has no file " + name);
  return ConfigFileView{loaded->scope.env.id,       name,
                        core::ConfigFormatOf(name), (*files)->backend(),
                        (*files)->Location(name),   std::move(*live),
                        std::move(loaded->draft)};
}

Result<store::ConfigDraft> ConfigService::GetDraft(const RequestContext& ctx,
                                                   const std::string& env,
                                                   const std::string& name) {
  auto loaded = Load(ctx, env, name, false);
  if (!loaded.ok()) return loaded.error();
  if (!loaded->draft) return NoDraft(name);
  return std::move(*loaded->draft);
}

Result<store::ConfigDraft> ConfigService::SaveDraft(const RequestContext& ctx,
                                                    const std::string& env, const std::string& name,
                                                    const Parsed<SaveDraftCommand>& command) {
  auto loaded = Load(ctx, env, name, true);
  if (!loaded.ok()) return loaded.error();
  if (!command.ok()) return command.error();
  const auto& content = command->content;
  auto files = Open(loaded->scope);
  if (!files.ok()) return files.error();
  if (auto ok = CheckContent(**files, name, content); !ok.ok()) return ok.error();
  // A new draft starts from the live value of now; so does a rebase.
  std::optional<LiveFile> base;
  if (!loaded->draft || command->rebase) {
    auto live = (*files)->Read(name);
    if (!live.ok()) return BackendError(**files, live.error());
    base = std::move(*live);
  }
  return WriteDraft(ctx, loaded->scope, name, content, command->version, base);
}

Result<store::ConfigDraft> ConfigService::WriteDraft(const RequestContext& ctx, const Scope& scope,
                                                     const std::string& name,
                                                     const std::string& content,
                                                     std::optional<std::int64_t> version,
                                                     const std::optional<LiveFile>& base) {
  try {
    return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> Result<store::ConfigDraft> {
      // The environment was read in an earlier transaction; it may be gone.
      if (!store::environments::Get(tx, scope.env.id)) {
        return core::NotFound("no environment " + std::to_string(scope.env.id));
      }
      auto draft = store::config_files::GetDraft(tx, scope.env.id, name);
      if (version && (!draft || draft->version != *version)) {
        return core::Conflict(
            "the draft of " + name + " was changed by someone else; reload and retry",
            {{"current_version", draft ? draft->version : 0}});
      }
      if (!draft && !base)
        return core::Conflict("the draft of " + name + " was published or discarded meanwhile");
      const bool fresh = !draft;
      if (fresh) {
        draft = store::ConfigDraft{};
        draft->env_id = scope.env.id;
        draft->file_name = name;
        draft->created_by = ctx.caller.username;
        draft->created_at = clock_.Now();
      }
      draft->content = content;
      draft->updated_by = ctx.caller.username;
      draft->updated_at = clock_.Now();
      if (base) {
        draft->base_version = base->version;
        draft->base_content = base->content;
      }
      if (fresh) {
        draft->id = store::config_files::InsertDraft(tx, *draft);
      } else if (++draft->version; !store::config_files::UpdateDraft(tx, *draft)) {
        return core::Conflict("the draft of " + name +
                              " was changed concurrently; reload and retry");
      }
      RecordAudit(tx, clock_, ctx, "config.draft.save", "environment", std::to_string(scope.env.id),
                  "saved the draft of " + name + " (based on live version " +
                      std::to_string(draft->base_version) + (base && !fresh ? ", rebased" : "") +
                      ")");
      return draft.value();
    });
  } catch (const store::UniqueViolation&) {
    return core::Conflict("someone else created a draft of " + name +
                          " at the same time; reload and retry");
  }
}

core::Status ConfigService::DiscardDraft(const RequestContext& ctx, const std::string& env,
                                         const std::string& name) {
  return store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    auto scope = Resolve(tx, ctx, env, true);
    if (!scope.ok()) return scope.error();
    if (auto ok = CheckName(name); !ok.ok()) return ok;
    if (!store::config_files::DeleteDraft(tx, scope->env.id, name)) return NoDraft(name);
    RecordAudit(tx, clock_, ctx, "config.draft.discard", "environment",
                std::to_string(scope->env.id), "discarded the draft of " + name);
    return core::Ok{};
  });
}

Result<ConfigDiff> ConfigService::Diff(const RequestContext& ctx, const std::string& env,
                                       const std::string& name) {
  auto loaded = Load(ctx, env, name, false);
  if (!loaded.ok()) return loaded.error();
  if (!loaded->draft) return NoDraft(name);
  auto files = Open(loaded->scope);
  if (!files.ok()) return files.error();
  auto live = (*files)->Read(name);
  if (!live.ok()) return BackendError(**files, live.error());
  return DiffOf(name, *loaded->draft, *live);
}

Result<ConfigHistory> ConfigService::History(const RequestContext& ctx, const std::string& env,
                                             const std::string& file, int limit,
                                             std::optional<std::int64_t> before) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<ConfigHistory> {
    auto env_id = HistoryOf(tx, ctx, env);
    if (!env_id.ok()) return env_id.error();
    if (!file.empty()) {
      if (auto ok = CheckName(file); !ok.ok()) return ok.error();
    }
    store::PublishQuery q;
    q.env_id = *env_id;
    q.file_name = file;
    q.before_id = before;
    q.limit = limit;
    ConfigHistory out;
    out.items = store::config_files::ListPublishes(tx, q);
    if (static_cast<int>(out.items.size()) > limit) {
      out.items.resize(static_cast<std::size_t>(limit));
      out.next_before = out.items.back().id;
    }
    return out;
  });
}

Result<store::ConfigPublish> ConfigService::GetPublish(const RequestContext& ctx,
                                                       const std::string& env, std::int64_t id) {
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) -> Result<store::ConfigPublish> {
    auto env_id = HistoryOf(tx, ctx, env);
    if (!env_id.ok()) return env_id.error();
    auto publish = store::config_files::GetPublish(tx, id);
    if (!publish || publish->env_id != *env_id) {
      return core::NotFound("environment " + env + " has no publish " + std::to_string(id));
    }
    return std::move(*publish);
  });
}

}  // namespace slipway::services
