#pragma once
#include <CLI/CLI.hpp>
#include <functional>

// Internal to src/cli: the families of client commands that
// AddClientCommands registers, one file each.

namespace slipway::cli {

void AddLoginCommands(CLI::App& app, int& exit_code);
void AddAppCommands(CLI::App& app, int& exit_code);
void AddTokenCommands(CLI::App& app, int& exit_code);
void AddUserCommands(CLI::App& app, int& exit_code);
void AddClusterCommands(CLI::App& app, int& exit_code);
void AddEnvCommands(CLI::App& app, int& exit_code);
void AddBuildCommands(CLI::App& app, int& exit_code);
void AddChangeCommands(CLI::App& app, int& exit_code);
/// Also adds `slipway baseline …`.
void AddReleaseCommands(CLI::App& app, int& exit_code);
void AddConfigCommands(CLI::App& app, int& exit_code);
void AddLaneCommands(CLI::App& app, int& exit_code);
void AddConnectorCommands(CLI::App& app, int& exit_code);
void AddAuditCommands(CLI::App& app, int& exit_code);

/// Makes `action` the callback of `command`. A Failure it throws is printed
/// to stderr and becomes `exit_code`; success sets 0.
void SetAction(CLI::App* command, int& exit_code, std::function<void()> action);

}  // namespace slipway::cli
