#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "core/connectors/connector_settings.hpp"
#include "services/connectors/connector_commands.hpp"
#include "services/platform/context.hpp"
#include "services/platform/secret_box.hpp"
#include "store/database.hpp"

namespace slipway::services {

/// Where the settings of a system in effect come from.
enum class ConnectorSource {
  kNone,     ///< not configured: calls answer NotConfigured
  kConfig,   ///< the configuration file's `connectors:` section
  kSandbox,  ///< the in-process sandbox's emulator
  kApi,      ///< set by an admin through the API; wins over the other two
};
std::string_view ConnectorSourceName(ConnectorSource source);

/// What a system has without the API: the file's settings or the sandbox's.
struct ConnectorBootstrap {
  ConnectorSource source = ConnectorSource::kNone;
  core::ConnectorSettings settings;
};
using ConnectorBootstraps = std::map<core::ConnectorSystem, ConnectorBootstrap>;

/// One system as admins see it: never a secret, only whether each is set.
struct ConnectorView {
  core::ConnectorSystem system = core::ConnectorSystem::kJenkins;
  ConnectorSource source = ConnectorSource::kNone;
  core::ConnectorSettings settings;                   ///< secrets cleared
  std::map<std::string, bool> secret_set;             ///< secret field → set
  ConnectorSource fallback = ConnectorSource::kNone;  ///< what a DELETE goes back to
  std::string updated_by;                             ///< API-set only
  core::Millis updated_at = 0;
  std::int64_t version = 0;  ///< API-set only; 0 otherwise
};

struct ConnectivityReport {
  bool ok = false;
  std::string error;  ///< why not (secrets removed), with the HTTP status if any; "" when ok
  std::string code;   ///< the error's code ("unauthenticated", "transient", …); "" when ok
  std::int64_t elapsed_ms = 0;
};

/// What the composition root does with settings.
struct ConnectorHooks {
  /// Puts a client for the settings behind the system's port (null: none).
  std::function<void(core::ConnectorSystem, const core::ConnectorSettings*)> apply;
  /// One call through a new real client with a short timeout.
  std::function<core::Status(core::ConnectorSystem, const core::ConnectorSettings&)> probe;
};

/// Connectors admins manage through the API (issue 14): stored with their
/// secrets sealed, applied to the running clients at once, and picked up by
/// other replicas on the same database within `poll` (Watch). The
/// configuration file (or the sandbox) stays the bootstrap a DELETE falls
/// back to. Only admins read or change them. Thread-safe.
class ConnectorService {
 public:
  ConnectorService(store::Database& db, const core::Clock& clock, const SecretBox& secrets,
                   ConnectorBootstraps bootstrap, ConnectorHooks hooks);
  ~ConnectorService();
  ConnectorService(const ConnectorService&) = delete;
  ConnectorService& operator=(const ConnectorService&) = delete;

  core::Result<std::vector<ConnectorView>> List(const RequestContext& ctx);
  /// NotFound for a system that does not exist.
  core::Result<ConnectorView> Get(const RequestContext& ctx, const std::string& system);
  /// Saves (audited), then applies it in this process at once.
  core::Result<ConnectorView> Set(const RequestContext& ctx, const SetConnectorCommand& command);
  /// Forgets the API's settings (audited): the bootstrap applies again.
  /// NotFound when the API set nothing for the system.
  core::Status Delete(const RequestContext& ctx, const std::string& system);
  /// Asks the system whether it answers and accepts the credentials.
  core::Result<ConnectivityReport> Test(const RequestContext& ctx,
                                        const TestConnectorCommand& command);

  /// Applies the stored settings if they changed since the last look (here
  /// or on another replica); true when it applied something. The first call
  /// applies every system.
  bool Refresh();
  /// Calls Refresh every `interval` on a thread of its own until destroyed.
  void Watch(std::chrono::milliseconds interval);
  /// The generation of the stored settings this process's clients were
  /// built from (-1 before the first Refresh): replicas agree once they
  /// picked a change up (`slipway_connector_generation` in /metrics).
  std::int64_t applied_generation() const { return applied_generation_.load(); }

 private:
  struct Effective {
    ConnectorSource source = ConnectorSource::kNone;
    core::ConnectorSettings settings;
  };
  /// The stored row's settings with its secrets opened, or the bootstrap's.
  core::Result<Effective> EffectiveIn(store::Tx& tx, core::ConnectorSystem system);
  /// What a command's secrets are merged over: the settings in effect, or —
  /// when the stored secrets do not open — the stored settings, if the
  /// command gives every secret anew (Conflict naming the first one otherwise).
  core::Result<Effective> BaseFor(store::Tx& tx, const SetConnectorCommand& command);
  /// The command's settings with the secrets it did not give taken from
  /// `current`; Invalid naming a secret not given that `current` has when
  /// the address (url, server) changes.
  core::Result<core::ConnectorSettings> Merge(const SetConnectorCommand& command,
                                              const core::ConnectorSettings& current);
  ConnectorView View(store::Tx& tx, core::ConnectorSystem system);
  std::string Scrub(std::string message, const core::ConnectorSettings& settings) const;

  store::Database& db_;
  const core::Clock& clock_;
  const SecretBox& secrets_;
  const ConnectorBootstraps bootstrap_;
  const ConnectorHooks hooks_;

  std::mutex refresh_mutex_;  ///< one Refresh at a time
  std::atomic<std::int64_t> applied_generation_{-1};
  std::map<core::ConnectorSystem, std::optional<core::ConnectorSettings>> applied_;

  std::mutex watch_mutex_;
  std::condition_variable watch_wake_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace slipway::services
