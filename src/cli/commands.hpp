#pragma once
#include <CLI/CLI.hpp>

namespace slipway::cli {

/// Registers the client commands on the `slipway` binary's parser: login,
/// logout, app, token, user, cluster, connector, env, config, build, release, baseline,
/// lane and audit. Each talks to a server over HTTP; when one runs, `exit_code` receives its
/// outcome:
///
///   0  success
///   1  the server refused or failed (any other 4xx/5xx: invalid, forbidden,
///      too_many_requests, internal, unavailable…)
///   2  usage: bad arguments (see also UsageExitCode)
///   3  unauthenticated (401) or not logged in
///   4  not found (404)
///   5  conflict (409): stale version, duplicate, illegal transition
///   6  cannot connect to the server
///   7  --wait: the release, build or lane was still running (or a canary
///      still waiting for promotion) when --timeout ran out
///
/// With --wait, a release that ends failed (aborted, or rolled back
/// automatically) and a build that ends failed or cancelled exit with 1.
/// Failures print `error: <message> (<code>)` and any details to stderr.
/// Every command accepts --server URL, --token T (env SLIPWAY_SERVER,
/// SLIPWAY_TOKEN) and -o table|json after its name. Option storage is owned
/// by the registered callbacks, so it lives as long as `app`.
void AddClientCommands(CLI::App& app, int& exit_code);

/// Prints a parse error (or the requested help) the way CLI11 does and
/// returns the process exit code: 0 for --help, 2 for every usage error.
int UsageExitCode(const CLI::App& app, const CLI::ParseError& error);

}  // namespace slipway::cli
