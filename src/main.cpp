// slipway: serve | migrate | admin … | client commands (login, app, token, user).
#include <CLI/CLI.hpp>
#include <iostream>

#include "app/config.hpp"
#include "app/console_assets.hpp"
#include "app/key_rotation_command.hpp"
#include "app/sandbox_command.hpp"
#include "app/serve.hpp"
#include "cli/commands.hpp"

namespace {

struct ServerFlags {
  std::optional<std::string> config_file;
  std::string listen;
  std::string data_dir;
  std::string database_url;
  long long engine_lease_ms = 0;
};

void AddServerFlags(CLI::App* cmd, ServerFlags& f) {
  cmd->add_option("--config", f.config_file, "YAML configuration file (docs/configuration.md)");
  cmd->add_option("--data-dir", f.data_dir,
                  "folder for the SQLite database and local state (./data)");
  cmd->add_option("--database-url", f.database_url,
                  "postgres://… (default: SQLite in the data dir)");
}

slipway::app::Config Resolve(const ServerFlags& f) {
  auto config = slipway::app::LoadConfig(f.config_file);
  if (!f.listen.empty() && !slipway::app::ParseListen(f.listen, config.server)) {
    throw std::runtime_error("--listen must be HOST:PORT, got " + f.listen);
  }
  if (!f.data_dir.empty()) config.data_dir = f.data_dir;
  if (!f.database_url.empty()) config.database_url = f.database_url;
  if (f.engine_lease_ms > 0) config.engine.lease_ms = f.engine_lease_ms;
  return config;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Slipway: release platform and swimlane environments for Kubernetes"};
  app.set_version_flag("--version", "slipway " SLIPWAY_VERSION);
  app.require_subcommand(1);
  int exit_code = 0;
  ServerFlags flags;

  auto* serve = app.add_subcommand("serve", "run the server (API on --listen)");
  AddServerFlags(serve, flags);
  serve->add_option("--listen", flags.listen, "HOST:PORT to listen on (127.0.0.1:8080)");
  serve->add_option("--engine-lease-ms", flags.engine_lease_ms, "workflow step lease")
      ->check(CLI::Range(100LL, 3'600'000LL));
  serve->callback(
      [&] { exit_code = slipway::app::Serve(Resolve(flags), slipway::app::ConsoleAssets()); });

  auto* migrate = app.add_subcommand("migrate", "apply database migrations and exit");
  AddServerFlags(migrate, flags);
  migrate->callback([&] { exit_code = slipway::app::MigrateCommand(Resolve(flags)); });

  auto* admin = app.add_subcommand("admin", "maintenance commands run next to the database");
  admin->require_subcommand(1);
  auto* start = admin->add_subcommand("start-workflow", "start a workflow and print its id");
  std::string kind, subject = "manual";
  start->add_option("kind", kind, "workflow kind")->required();
  start->add_option("--subject", subject, "what the workflow is about");
  AddServerFlags(start, flags);
  start->callback(
      [&] { exit_code = slipway::app::StartWorkflowCommand(Resolve(flags), kind, subject); });

  auto* rotate = admin->add_subcommand(
      "rotate-secret-key", "re-seal every stored secret with a new key (every replica stopped)");
  std::string new_key_file;
  rotate
      ->add_option("--new-key-file", new_key_file,
                   "the new key, base64 (created with a random key when absent)")
      ->required();
  AddServerFlags(rotate, flags);
  rotate->callback(
      [&] { exit_code = slipway::app::RotateSecretKeyCommand(Resolve(flags), new_key_file); });

  auto* sandbox =
      app.add_subcommand("sandbox", "run emulators of every external system on loopback");
  std::string listen_host = "127.0.0.1";
  std::optional<std::string> endpoints_file;
  sandbox->add_option("--listen-host", listen_host, "address the emulators listen on");
  sandbox->add_option("--endpoints-file", endpoints_file, "write the emulator URLs here as JSON");
  long long pod_ready_delay_ms = slipway::sandbox::SandboxSettings{}.pod_ready_delay.count();
  sandbox
      ->add_option("--pod-ready-delay-ms", pod_ready_delay_ms,
                   "Kubernetes: pods become Ready this long after they start")
      ->check(CLI::Range(0LL, 600'000LL));
  sandbox->callback([&] {
    slipway::sandbox::SandboxSettings settings;
    settings.pod_ready_delay = std::chrono::milliseconds(pod_ready_delay_ms);
    exit_code = slipway::app::SandboxCommand(listen_host, endpoints_file, settings);
  });

  slipway::cli::AddClientCommands(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return slipway::cli::UsageExitCode(app, e);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return exit_code;
}
