#include "app/serve.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/connections_factory.hpp"
#include "app/connector_clients.hpp"
#include "app/log_format.hpp"
#include "app/sandbox_command.hpp"
#include "app/sandbox_ports.hpp"
#include "app/server_resources.hpp"
#include "engine/engine.hpp"
#include "engine/sample_workflow.hpp"
#include "http/handlers/deps.hpp"
#include "http/handlers/release_views.hpp"
#include "http/release_feed.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"
#include "sandbox/all_emulators.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "services/apps/app_service.hpp"
#include "services/builds/build_service.hpp"
#include "services/builds/build_workflow.hpp"
#include "services/changes/change_service.hpp"
#include "services/config/config_service.hpp"
#include "services/environments/cluster_service.hpp"
#include "services/environments/environment_service.hpp"
#include "services/lanes/lane_notice.hpp"
#include "services/lanes/lane_service.hpp"
#include "services/lanes/lane_workflows.hpp"
#include "services/notifications/notice_delivery.hpp"
#include "services/notifications/notification_service.hpp"
#include "services/platform/audit_service.hpp"
#include "services/platform/secret_box.hpp"
#include "services/platform/server_address.hpp"
#include "services/platform/workflow_admin.hpp"
#include "services/releases/environment_delete_hooks.hpp"
#include "services/releases/release_runner.hpp"
#include "services/releases/release_service.hpp"
#include "services/releases/release_wake.hpp"
#include "store/migrations.hpp"

namespace slipway::app {

namespace {

bool Testing() {
  const char* v = std::getenv("SLIPWAY_TESTING");
  return v && std::string(v) == "1";
}

// The workflow kinds that need no service wiring; `serve` adds releases and lanes.
engine::Registry BaseRegistry(const services::SecretBox& secrets,
                              const services::Connections& connections,
                              const services::BuildSettings& builds,
                              const services::LaneSettings& lanes) {
  engine::Registry registry;
  services::RegisterBuildWorkflow(registry, connections, builds);
  services::RegisterNotifyWorkflow(
      registry, secrets, connections,
      {{services::kLaneNoticeScope, services::LaneNoticeChannel(secrets, lanes.notify)}});
  if (Testing()) engine::RegisterSampleWorkflow(registry);
  return registry;
}

// The sandbox's Jenkins starts without jobs: there, builds create their job.
services::BuildSettings BuildSettingsFor(const Config& c, const sandbox::SandboxHost* sandbox) {
  services::BuildSettings builds = c.builds;
  if (sandbox && !c.connectors.jenkins) builds.create_missing_jobs = true;
  return builds;
}

// The sandbox's DNS serves one zone: with it, lanes' external names live there.
services::LaneSettings LaneSettingsFor(const Config& c, const sandbox::SandboxHost* sandbox) {
  services::LaneSettings lanes = c.lanes;
  if (sandbox && !c.connectors.dns) {
    std::string zone = sandbox::kSandboxDnsZone;
    if (zone.ends_with('.')) zone.pop_back();
    lanes.domain_suffix = zone;
  }
  return lanes;
}

void SetUpLogging(const Config& c) {
  spdlog::set_level(spdlog::level::from_str(c.log_level));
  if (c.log_json) spdlog::set_formatter(std::make_unique<JsonLogFormatter>());
}

// One line per request: the access log (JSON lines when log.format is json).
http::Observer AccessLog(const Config& c, http::Metrics& metrics) {
  std::shared_ptr<spdlog::logger> log;
  if (c.access_log) {
    log = spdlog::stdout_logger_mt("access");
    if (c.log_json) log->set_pattern("%v");
  }
  bool json = c.log_json;
  return
      [log, json, &metrics](const http::Request& req, const http::Response& res, double seconds) {
        metrics.ObserveRequest(res.route, req.method, res.status, seconds);
        if (log) log->info(AccessLine(req, res, seconds, json));
      };
}

}  // namespace

int Serve(const Config& config, std::span<const http::StaticAsset> console) {
  SetUpLogging(config);
  auto db = OpenDatabase(config);
  for (const auto& name : store::Migrate(*db)) spdlog::info("applied migration {}", name);

  auto secrets = ServerSecretKey(config);
  std::unique_ptr<sandbox::SandboxHost> sandbox_host;
  if (config.sandbox) {
    // Every external system not configured under `connectors:` is emulated in process.
    sandbox_host = std::make_unique<sandbox::SandboxHost>("127.0.0.1");
    sandbox::AddAllEmulators(*sandbox_host, config.sandbox_settings);
    // Where tests and tools find the emulators of this run, and where the
    // next run finds the ports to ask for again.
    const auto endpoints_file =
        (std::filesystem::path(config.data_dir) / "sandbox-endpoints.json").string();
    if (config.sandbox_base_port != 0) {
      sandbox_host->Start(PortsFrom(config.sandbox_base_port, sandbox_host->EndpointNames()), true);
    } else {
      sandbox_host->Start(PortsOfEndpointsFile(endpoints_file));
    }
    std::filesystem::create_directories(config.data_dir);
    WriteEndpointsFile(*sandbox_host, endpoints_file);
  }
  core::SystemClock clock;
  LiveConnections live(config, sandbox_host.get());
  services::Connections& connections = live.connections();
  ProbeTargets probe_targets;
  probe_targets.consul_prefix = config.config_files.consul_prefix;
  if (!config.config_files.apollo_envs.empty())
    probe_targets.apollo_env = config.config_files.apollo_envs.begin()->second;
  // The API's settings win over the file's; every replica looks for changes.
  services::ConnectorService connectors(
      *db, clock, secrets, BootstrapConnectors(config, sandbox_host.get()),
      {.apply = [&live](core::ConnectorSystem system,
                        const core::ConnectorSettings* settings) { live.Apply(system, settings); },
       .probe =
           [probe_targets](core::ConnectorSystem system, const core::ConnectorSettings& settings) {
             return ProbeConnector(system, settings, probe_targets);
           }});
  connectors.Refresh();
  connectors.Watch(std::chrono::milliseconds(config.connectors.refresh_ms));

  services::IdentityService identity(*db, clock, config.identity);
  services::AppService apps(*db, clock);
  services::ClusterService clusters(*db, clock, secrets, connections, config.environments);
  if (sandbox_host) clusters.EnsureSandboxCluster(connections.registry_host.get());
  services::ConfigService config_files(*db, clock, connections, config.config_files);
  const auto build_settings = BuildSettingsFor(config, sandbox_host.get());
  const services::ReleaseConfig release_config(connections, config.config_files, config.releases);
  services::ServerAddress address(config.public_url);
  const auto lane_settings = LaneSettingsFor(config, sandbox_host.get());
  engine::Engine engine(
      *db, clock, BaseRegistry(secrets, connections, build_settings, lane_settings), config.engine);
  services::EngineNotices notices(engine, clock, secrets);
  services::RegisterLaneWorkflows(
      engine, {*db, clusters, connections, secrets, address, config.config_files, lane_settings,
               build_settings, notices});
  services::ChangeService changes(*db, clock, notices, config.changes);
  services::ReleaseRunner release_runner(
      {*db, clock, clusters, apps, engine, changes, notices, release_config},
      config.release_runner);
  services::NotificationService notifications(*db, clock, secrets);
  services::ReleaseService releases(*db, clock, engine, changes, release_config);
  // An environment cannot be deleted under a running release; its open changes close with it.
  services::EnvironmentService environments(*db, clock, clusters,
                                            services::EnvironmentDeleteHooks(clock, changes));
  services::WorkflowAdmin workflow_admin(*db, clock, engine);
  services::AuditService audit(*db);
  http::ReleaseFeed release_feed([&releases](std::int64_t id, bool& done) -> boost::json::value {
    auto view = releases.Get({}, std::to_string(id));
    if (!view.ok()) return nullptr;
    done = !core::ReleaseActive(view->release.state);
    return http::ReleaseJson(*view);
  });
  services::BuildService builds(*db, clock, engine, connections, build_settings);
  services::LaneService lanes(*db, clock, engine, clusters, connections, secrets, address,
                              config.config_files, lane_settings, build_settings);
  http::Metrics metrics;
  metrics.AddGauge("slipway_engine_queue_depth", "Workflow steps due and waiting for a worker.",
                   [&engine] { return static_cast<double>(engine.QueueDepth()); });
  metrics.AddGauge("slipway_db_pool_in_use", "Database connections lent out.",
                   [&db] { return static_cast<double>(db->Stats().in_use); });
  metrics.AddGauge("slipway_db_pool_size", "Database connections open.",
                   [&db] { return static_cast<double>(db->Stats().size); });
  metrics.AddGauge("slipway_db_pool_waiting", "Callers waiting for a database connection.",
                   [&db] { return static_cast<double>(db->Stats().waiting); });

  metrics.AddGauge("slipway_connector_generation",
                   "Generation of the connector settings this replica's clients were built from.",
                   [&connectors] { return static_cast<double>(connectors.applied_generation()); });

  http::StreamSlots streams(config.api.streams);
  metrics.AddGauge("slipway_http_open_streams", "Event streams and followed logs open now.",
                   [&streams] { return static_cast<double>(streams.open()); });

  auto api_settings = config.api;
  if (sandbox_host) api_settings.sandbox_endpoints = sandbox_host->endpoints();
  http::ApiDeps deps{
      *db,           clock,    identity,     apps,     workflow_admin, audit,        builds,
      connections,   clusters, environments, releases, release_feed,   config_files, changes,
      notifications, lanes,    connectors,   metrics,  streams,        api_settings, lane_settings};
  http::Api api(http::BuildRouter(deps), identity, *db, clock, api_settings);
  // The console's files are in memory: served on the network thread, like cache hits.
  http::StaticSite console_site(console, [&api](std::string_view path) {
    return path.starts_with("/api/") || api.router().Find("GET", path).route != nullptr;
  });
  http::Server server(
      config.server,
      [&api](http::Request& r) {
        auto response = api.Handle(r);
        http::AddSecurityHeaders(response);
        return response;
      },
      AccessLog(config, metrics),
      [&api, &console_site](http::Request& r) {
        auto response = console_site.Handle(r);
        if (!response) response = api.TryInline(r);
        if (response) http::AddSecurityHeaders(*response);
        return response;
      });
  server.Listen();

  auto password = identity.BootstrapAdmin(config.admin_username, config.admin_password);
  std::string base = "http://" + config.server.host + ":" + std::to_string(server.port());
  if (config.public_url.empty()) address.Set(base);
  std::cout << "Slipway is serving on " << base << " (database: "
            << (config.database_url.empty() ? "SQLite in " + config.data_dir : "PostgreSQL")
            << ")\n";
  if (!console.empty()) std::cout << "Web console: " << base << "/\n";
  if (password) {
    std::cout << "Created the admin user.\n  username: " << config.admin_username
              << "\n  password: "
              << (config.admin_password ? "(from SLIPWAY_ADMIN_PASSWORD)" : *password)
              << "\nLog in with:\n  curl -c cookies -H 'Content-Type: application/json' -d "
                 "'{\"username\":\""
              << config.admin_username << "\",\"password\":\"…\"}' " << base
              << "/api/v1/auth/login\n  build/slipway login --server " << base << "\n";
  } else {
    std::cout << "Log in as an existing user: build/slipway login --server " << base << "\n";
  }
  std::cout.flush();

  if (sandbox_host) {
    std::cout << "Sandbox (emulated external systems, not real ones):\n";
    for (const auto& [system, url] : sandbox_host->endpoints()) {
      std::cout << "  " << system << ": " << url << "\n";
    }
    std::cout.flush();
  }

  engine.Start();
  // This process has no watches yet: without a wake, waiting releases would
  // sleep until their recheck deadline (releases.recheck_ms).
  try {
    if (const int woken = services::ResumeWaitingReleases(*db, engine); woken > 0) {
      spdlog::info("resumed {} waiting release(s)", woken);
    }
  } catch (const std::exception& e) {
    spdlog::warn("cannot resume waiting releases now (their recheck deadline will): {}", e.what());
  }
  server.Run();  // returns after SIGTERM/SIGINT once in-flight requests finished
  spdlog::info("shutting down: finishing running workflow steps");
  release_runner.Shutdown();
  engine.Stop();
  if (sandbox_host) sandbox_host->Stop();
  return 0;
}

int MigrateCommand(const Config& config) {
  auto db = OpenDatabase(config);
  auto applied = store::Migrate(*db);
  for (const auto& name : applied) std::cout << "applied " << name << "\n";
  if (applied.empty()) std::cout << "the database is up to date\n";
  return 0;
}

int StartWorkflowCommand(const Config& config, const std::string& kind,
                         const std::string& subject) {
  auto db = OpenDatabase(config);
  store::Migrate(*db);
  core::SystemClock clock;
  // `admin start-workflow` only records a workflow; its steps run in `serve`.
  const services::SecretBox no_key(services::SecretBox::Key{});
  const services::Connections none;
  engine::Engine engine(*db, clock, BaseRegistry(no_key, none, config.builds, config.lanes),
                        config.engine);
  auto id = engine.StartWorkflow(kind, subject, boost::json::object{});
  if (!id.ok()) {
    std::cerr << "error: " << id.error().message << "\n";
    return 1;
  }
  std::cout << *id << "\n";
  return 0;
}

}  // namespace slipway::app
