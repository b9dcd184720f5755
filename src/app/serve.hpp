#pragma once
#include "app/config.hpp"

namespace slipway::app {

/// Opens the database (PostgreSQL when configured, else SQLite in the data
/// dir), applies migrations, bootstraps the admin, starts the engine and
/// serves HTTP until SIGTERM/SIGINT. Returns the process exit code.
int Serve(const Config& config);

/// Opens and migrates the configured database; prints what it applied.
int MigrateCommand(const Config& config);

/// Starts a workflow of `kind` (test kinds need SLIPWAY_TESTING=1) and prints its id.
int StartWorkflowCommand(const Config& config, const std::string& kind, const std::string& subject);

}  // namespace slipway::app
