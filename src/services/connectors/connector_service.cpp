#include "services/connectors/connector_service.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "services/platform/audit_log.hpp"
#include "store/connector_repository.hpp"

namespace slipway::services {

namespace json = boost::json;
using core::ConnectorSystem;
using store::TxMode;

namespace {

core::Result<ConnectorSystem> SystemNamed(const std::string& name) {
  auto system = core::ParseConnectorSystem(name);
  if (!system) return core::NotFound("no connector system " + name);
  return *system;
}

std::string NameOf(ConnectorSystem system) {
  return std::string(core::ConnectorSystemName(system));
}

core::ConnectorSettings WithoutSecrets(ConnectorSystem system, core::ConnectorSettings s) {
  for (const auto& f : core::ConnectorFieldsOf(system))
    if (f.secret()) (s.*f.text).clear();
  return s;
}

// "url, user; secrets replaced: token" — names of what changed, never values.
std::string ChangeSummary(ConnectorSystem system, const core::ConnectorSettings& before,
                          const core::ConnectorSettings& after) {
  std::string settings, secrets;
  for (const auto& f : core::ConnectorFieldsOf(system)) {
    const bool changed = f.text ? before.*f.text != after.*f.text
                                : before.insecure_skip_tls_verify != after.insecure_skip_tls_verify;
    if (!changed) continue;
    auto& list = f.secret() ? secrets : settings;
    list += (list.empty() ? "" : ", ") + std::string(f.name);
  }
  std::string out = settings.empty() ? "no setting changed" : "changed " + settings;
  if (!secrets.empty()) out += "; secrets replaced: " + secrets;
  return out;
}

}  // namespace

std::string_view ConnectorSourceName(ConnectorSource source) {
  switch (source) {
    case ConnectorSource::kNone:
      return "none";
    case ConnectorSource::kConfig:
      return "config";
    case ConnectorSource::kSandbox:
      return "sandbox";
    case ConnectorSource::kApi:
      return "api";
  }
  return "none";
}

ConnectorService::ConnectorService(store::Database& db, const core::Clock& clock,
                                   const SecretBox& secrets, ConnectorBootstraps bootstrap,
                                   ConnectorHooks hooks)
    : db_(db),
      clock_(clock),
      secrets_(secrets),
      bootstrap_(std::move(bootstrap)),
      hooks_(std::move(hooks)) {}

ConnectorService::~ConnectorService() {
  {
    std::lock_guard lock(watch_mutex_);
    stopping_ = true;
  }
  watch_wake_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

core::Result<ConnectorService::Effective> ConnectorService::EffectiveIn(store::Tx& tx,
                                                                        ConnectorSystem system) {
  auto row = store::connectors::Get(tx, NameOf(system));
  if (!row) {
    auto boot = bootstrap_.find(system);
    if (boot == bootstrap_.end()) return Effective{};
    return Effective{boot->second.source, boot->second.settings};
  }
  Effective out{ConnectorSource::kApi, {}};
  core::ReadConnectorJson(system, json::parse(row->settings_json).as_object(), out.settings);
  if (!row->secrets_sealed.empty()) {
    auto opened = secrets_.Open(row->secrets_sealed);
    if (!opened.ok()) {
      return core::Error{core::Code::kInternal,
                         "the secrets of connector " + row->system +
                             " do not open with the server's secret key (was it changed without "
                             "`slipway admin rotate-secret-key`?)",
                         {}};
    }
    core::ReadConnectorJson(system, json::parse(*opened).as_object(), out.settings);
  }
  return out;
}

core::Result<ConnectorService::Effective> ConnectorService::BaseFor(
    store::Tx& tx, const SetConnectorCommand& command) {
  auto effective = EffectiveIn(tx, command.system);
  if (effective.ok()) return effective;
  // Stored secrets that no longer open (the key changed without a rotation)
  // cannot be kept, but they can be replaced: every secret given anew.
  for (const auto& f : core::ConnectorFieldsOf(command.system)) {
    if (f.secret() && !command.secrets_given.contains(std::string(f.name))) {
      return core::Conflict(effective.error().message + "; give " + std::string(f.name) + " again",
                            {{"field", f.name}});
    }
  }
  Effective stored{ConnectorSource::kApi, {}};
  if (auto row = store::connectors::Get(tx, NameOf(command.system)))
    core::ReadConnectorJson(command.system, json::parse(row->settings_json).as_object(),
                            stored.settings);
  return stored;
}

ConnectorView ConnectorService::View(store::Tx& tx, ConnectorSystem system) {
  ConnectorView view;
  view.system = system;
  if (auto boot = bootstrap_.find(system); boot != bootstrap_.end())
    view.fallback = boot->second.source;
  auto effective = EffectiveIn(tx, system);
  core::ConnectorSettings settings;
  if (effective.ok()) {
    view.source = effective->source;
    settings = effective->settings;
  } else {
    view.source = ConnectorSource::kApi;  // stored, but its secrets do not open
  }
  if (auto row = store::connectors::Get(tx, NameOf(system))) {
    if (!effective.ok())
      core::ReadConnectorJson(system, json::parse(row->settings_json).as_object(), settings);
    view.updated_by = row->updated_by;
    view.updated_at = row->updated_at;
    view.version = row->version;
  }
  for (const auto& f : core::ConnectorFieldsOf(system))
    if (f.secret()) view.secret_set[std::string(f.name)] = !(settings.*f.text).empty();
  view.settings = WithoutSecrets(system, settings);
  return view;
}

core::Result<std::vector<ConnectorView>> ConnectorService::List(const RequestContext& ctx) {
  if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may see connectors");
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) {
    std::vector<ConnectorView> out;
    for (auto system : core::ConnectorSystems()) out.push_back(View(tx, system));
    return out;
  });
}

core::Result<ConnectorView> ConnectorService::Get(const RequestContext& ctx,
                                                  const std::string& name) {
  if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may see connectors");
  auto system = SystemNamed(name);
  if (!system.ok()) return system.error();
  return store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) { return View(tx, *system); });
}

core::Result<core::ConnectorSettings> ConnectorService::Merge(
    const SetConnectorCommand& command, const core::ConnectorSettings& current) {
  auto merged = command.settings;
  const core::ConnectorField* kept = nullptr;  // the first secret kept from `current`
  for (const auto& f : core::ConnectorFieldsOf(command.system)) {
    if (!f.secret() || command.secrets_given.contains(std::string(f.name))) continue;
    merged.*f.text = current.*f.text;
    if (!kept && !(merged.*f.text).empty()) kept = &f;
  }
  if (auto status = core::CheckRequiredConnectorFields(command.system, merged); !status.ok())
    return status.error();
  // A kept secret goes only where it went before: otherwise whoever may set
  // the address could send the stored token to a host of their own.
  const bool url_moved = merged.url != current.url;
  if (kept && (url_moved || merged.server != current.server)) {
    return core::Invalid(std::string(kept->name) + " must be given again: the " +
                             (url_moved ? "url" : "server") +
                             " changes, and the secret in effect is not sent to a new address",
                         {{"field", std::string(kept->name)}});
  }
  return merged;
}

core::Result<ConnectorView> ConnectorService::Set(const RequestContext& ctx,
                                                  const SetConnectorCommand& command) {
  if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may change connectors");
  const auto name = NameOf(command.system);
  auto saved = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    auto current = BaseFor(tx, command);
    if (!current.ok()) return current.error();
    auto merged = Merge(command, current->settings);
    if (!merged.ok()) return merged.error();
    if (current->source == ConnectorSource::kApi && *merged == current->settings)
      return core::Ok{};  // the version stays, replicas rebuild nothing
    const auto secret_json = core::ConnectorSecretJson(command.system, *merged);
    store::ConnectorRow row;
    row.system = name;
    row.settings_json = json::serialize(core::ConnectorPublicJson(command.system, *merged));
    row.secrets_sealed = secret_json.empty() ? "" : secrets_.Seal(json::serialize(secret_json));
    row.updated_by = ctx.caller.username;
    row.updated_at = clock_.Now();
    store::connectors::Put(tx, row);
    RecordAudit(tx, clock_, ctx, "connector.set", "connector", name,
                "set connector " + name + " through the API (was " +
                    std::string(ConnectorSourceName(current->source)) +
                    "): " + ChangeSummary(command.system, current->settings, *merged));
    return core::Ok{};
  });
  if (!saved.ok()) return saved.error();
  Refresh();
  return Get(ctx, name);
}

core::Status ConnectorService::Delete(const RequestContext& ctx, const std::string& name) {
  if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may change connectors");
  auto system = SystemNamed(name);
  if (!system.ok()) return system.error();
  auto deleted = store::InTx(db_, TxMode::kWrite, [&](store::Tx& tx) -> core::Status {
    if (!store::connectors::Delete(tx, name))
      return core::NotFound("connector " + name + " was not set through the API");
    ConnectorSource fallback = ConnectorSource::kNone;
    if (auto boot = bootstrap_.find(*system); boot != bootstrap_.end())
      fallback = boot->second.source;
    RecordAudit(tx, clock_, ctx, "connector.delete", "connector", name,
                "removed the API's settings of connector " + name + "; now " +
                    std::string(ConnectorSourceName(fallback)));
    return core::Ok{};
  });
  if (!deleted.ok()) return deleted.error();
  Refresh();
  return core::Ok{};
}

std::string ConnectorService::Scrub(std::string message,
                                    const core::ConnectorSettings& settings) const {
  for (const std::string* secret : {&settings.token, &settings.key_secret}) {
    if (secret->empty()) continue;
    for (auto at = message.find(*secret); at != std::string::npos; at = message.find(*secret))
      message.replace(at, secret->size(), "[secret]");
  }
  return message;
}

core::Result<ConnectivityReport> ConnectorService::Test(const RequestContext& ctx,
                                                        const TestConnectorCommand& command) {
  if (!ctx.caller.IsAdmin()) return core::Forbidden("only admins may test connectors");
  auto current = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) {
    return command.candidate ? BaseFor(tx, *command.candidate) : EffectiveIn(tx, command.system);
  });
  if (!current.ok()) return current.error();
  core::ConnectorSettings settings = current->settings;
  if (command.candidate) {
    auto merged = Merge(*command.candidate, current->settings);
    if (!merged.ok()) return merged.error();
    settings = *merged;
  } else if (current->source == ConnectorSource::kNone) {
    return ConnectivityReport{false, NameOf(command.system) + " is not configured", "conflict", 0};
  }
  // Outside any transaction: it waits for the system.
  const auto started = std::chrono::steady_clock::now();
  auto status = hooks_.probe(command.system, settings);
  ConnectivityReport report;
  report.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
  report.ok = status.ok();
  if (!status.ok()) {
    const auto& error = status.error();
    report.code = std::string(core::CodeName(error.code));
    report.error = Scrub(error.message, settings);
    if (const auto* http = error.details.if_contains("status"); http && http->is_int64())
      report.error += " (HTTP " + std::to_string(http->as_int64()) + ")";
  }
  return report;
}

bool ConnectorService::Refresh() {
  std::lock_guard lock(refresh_mutex_);
  struct Snapshot {
    std::int64_t generation = 0;
    std::map<ConnectorSystem, core::Result<Effective>> effective;
  };
  auto snapshot = store::InTx(db_, TxMode::kRead, [&](store::Tx& tx) {
    Snapshot s;
    s.generation = store::connectors::Generation(tx);
    if (s.generation == applied_generation_) return s;
    for (auto system : core::ConnectorSystems())
      s.effective.emplace(system, EffectiveIn(tx, system));
    return s;
  });
  if (snapshot.generation == applied_generation_) return false;
  for (auto& [system, effective] : snapshot.effective) {
    if (!effective.ok()) {
      // The system keeps the client it has rather than losing its credentials.
      spdlog::error("connector {}: {}", NameOf(system), effective.error().message);
      continue;
    }
    std::optional<core::ConnectorSettings> wanted;
    if (effective->source != ConnectorSource::kNone) wanted = effective->settings;
    auto applied = applied_.find(system);
    if (applied != applied_.end() && applied->second == wanted) continue;
    hooks_.apply(system, wanted ? &*wanted : nullptr);
    applied_[system] = wanted;
    if (applied_generation_ >= 0) {
      spdlog::info("connector {}: now {}", NameOf(system), ConnectorSourceName(effective->source));
    }
  }
  applied_generation_ = snapshot.generation;
  return true;
}

void ConnectorService::Watch(std::chrono::milliseconds interval) {
  watcher_ = std::thread([this, interval] {
    std::unique_lock lock(watch_mutex_);
    while (!watch_wake_.wait_for(lock, interval, [this] { return stopping_; })) {
      lock.unlock();
      try {
        Refresh();
      } catch (const std::exception& e) {
        // The database may be away for a while: the next look tries again.
        spdlog::warn("cannot look for connector changes now: {}", e.what());
      }
      lock.lock();
    }
  });
}

}  // namespace slipway::services
