#include "cli/commands.hpp"

#include <iostream>

#include "cli/command_set.hpp"
#include "cli/failure.hpp"

namespace slipway::cli {

void AddClientCommands(CLI::App& app, int& exit_code) {
  AddLoginCommands(app, exit_code);
  AddAppCommands(app, exit_code);
  AddTokenCommands(app, exit_code);
  AddUserCommands(app, exit_code);
  AddClusterCommands(app, exit_code);
  AddConnectorCommands(app, exit_code);
  AddEnvCommands(app, exit_code);
  AddBuildCommands(app, exit_code);
  AddChangeCommands(app, exit_code);
  AddReleaseCommands(app, exit_code);
  AddConfigCommands(app, exit_code);
  AddLaneCommands(app, exit_code);
  AddAuditCommands(app, exit_code);
}

int UsageExitCode(const CLI::App& app, const CLI::ParseError& error) {
  const int code = app.exit(error);
  return code == static_cast<int>(CLI::ExitCodes::Success) ? 0 : static_cast<int>(ExitCode::kUsage);
}

void SetAction(CLI::App* command, int& exit_code, std::function<void()> action) {
  command->callback([&exit_code, action = std::move(action)] {
    try {
      action();
      exit_code = static_cast<int>(ExitCode::kOk);
    } catch (const Failure& failure) {
      std::cerr << FormatFailure(failure);
      exit_code = static_cast<int>(failure.exit());
    }
  });
}

}  // namespace slipway::cli
