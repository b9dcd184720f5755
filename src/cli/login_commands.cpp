// `slipway login` and `slipway logout`: trading a password for an API token
// stored on this machine, and revoking it again.
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "cli/cli_config.hpp"
#include "cli/client_session.hpp"
#include "cli/command_set.hpp"
#include "cli/failure.hpp"
#include "cli/terminal.hpp"
#include "core/common/json_path.hpp"

namespace slipway::cli {
namespace {

struct LoginArgs {
  std::string server;
  std::string username;
  bool password_stdin = false;
  TransportFlags transport;
};

std::filesystem::path ConfigPathOrThrow() {
  auto path = DefaultConfigPath();
  if (!path) throw UsageFailure("cannot place the credentials file: set SLIPWAY_CONFIG or HOME");
  return *path;
}

std::string Hostname() {
  char name[HOST_NAME_MAX + 1] = {};
  if (gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "unknown-host";
  return name;
}

std::string Password(bool from_stdin) {
  if (from_stdin) return ReadStdinLine();
  if (const char* env = std::getenv("SLIPWAY_PASSWORD"); env && *env) return env;
  return Prompt("Password: ", true, "pass --password-stdin or set SLIPWAY_PASSWORD");
}

HttpClient StoredTokenClient(const CliConfig& config) {
  HttpClientOptions options;
  options.base_url = config.server;
  options.bearer_token = config.token;
  ApplyTransportFlags(config.transport, options);
  return HttpClient(std::move(options));
}

// Best effort: a token minted by an earlier login on this machine is
// replaced and would otherwise stay valid forever.
void RevokeQuietly(const CliConfig& old) {
  if (old.token_id == 0) return;
  HttpClient client = StoredTokenClient(old);
  static_cast<void>(client.SendJson("DELETE", "/api/v1/tokens/" + std::to_string(old.token_id)));
}

void Login(const LoginArgs& args) {
  const auto path = ConfigPathOrThrow();
  const auto previous = LoadConfig(path);
  std::string server = args.server;
  if (server.empty() && previous) server = previous->server;
  while (server.ends_with('/')) server.pop_back();
  if (server.empty()) throw UsageFailure("which server? pass --server URL");
  // Logging in again to the same server reaches it as the last time did.
  TransportFlags transport = args.transport;
  if (transport.empty() && previous && previous->server == server) transport = previous->transport;
  const std::string username =
      args.username.empty() ? Prompt("Username: ", false, "pass --username") : args.username;
  const std::string password = Password(args.password_stdin);

  HttpClientOptions session_options;
  session_options.base_url = server;
  session_options.cookies = true;
  ApplyTransportFlags(transport, session_options);
  HttpClient client(std::move(session_options));
  const boost::json::value credentials{{"username", username}, {"password", password}};
  const auto session = CallApi(client, "POST", "/api/v1/auth/login", &credentials);
  client.set_csrf_token(core::StringAt(session, {"csrf_token"}));
  const boost::json::value token_request{{"name", "cli@" + Hostname()}};
  const auto token = CallApi(client, "POST", "/api/v1/tokens", &token_request);
  // The session only served to mint the token; leave no idle session behind.
  try {
    CallApi(client, "POST", "/api/v1/auth/logout");
  } catch (const Failure& failure) {
    std::cerr << "warning: could not end the login session: " << failure.what() << '\n';
  }

  const auto* id = token.is_object() ? token.as_object().if_contains("id") : nullptr;
  CliConfig config{server, core::StringAt(token, {"token"}),
                   id && id->is_int64() ? id->as_int64() : 0, username, transport};
  if (config.token.empty()) {
    throw Failure(ExitCode::kServerError, "internal", "server answered no token");
  }
  SaveConfig(path, config);
  if (previous && previous->server == server && previous->token != config.token) {
    RevokeQuietly(*previous);
  }
  std::cout << "Logged in to " << server << " as " << username << " (credentials in "
            << path.string() << ")\n";
}

void Logout() {
  const auto path = ConfigPathOrThrow();
  const auto stored = LoadConfig(path);
  if (!stored) throw Failure(ExitCode::kUnauthenticated, "not_logged_in", "not logged in");
  if (stored->token_id != 0) {
    HttpClient client = StoredTokenClient(*stored);
    try {
      CallApi(client, "DELETE", "/api/v1/tokens/" + std::to_string(stored->token_id));
    } catch (const Failure& failure) {
      // Expired or already revoked: nothing left to revoke. Anything else
      // keeps the file so the user can retry and not leave a live token.
      if (failure.exit() != ExitCode::kUnauthenticated && failure.exit() != ExitCode::kNotFound) {
        throw;
      }
    }
  } else {
    std::cerr << "warning: the stored token has no id and was not revoked on the server\n";
  }
  RemoveConfig(path);
  std::cout << "Logged out of " << stored->server << '\n';
}

}  // namespace

void AddLoginCommands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<LoginArgs>();
  auto* login = app.add_subcommand("login", "Log in and store an API token for this machine");
  login->add_option("--server", args->server, "Server URL (default: the last one logged in to)")
      ->envname("SLIPWAY_SERVER");
  login->add_option("--username", args->username, "User name (prompted when omitted)");
  login->add_flag("--password-stdin", args->password_stdin,
                  "Read the password from the first line of stdin (else SLIPWAY_PASSWORD, "
                  "else a prompt)");
  AddTransportFlags(*login, args->transport);
  login->footer(kExitCodeHelp);
  SetAction(login, exit_code, [args] { Login(*args); });

  auto* logout = app.add_subcommand("logout", "Revoke the stored API token and forget it");
  logout->footer(kExitCodeHelp);
  SetAction(logout, exit_code, [] { Logout(); });
}

}  // namespace slipway::cli
