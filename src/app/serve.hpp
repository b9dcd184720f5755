#pragma once
#include <span>

#include "app/config.hpp"
#include "http/static_site.hpp"

namespace slipway::app {

/// Opens the database (PostgreSQL when configured, else SQLite in the data
/// dir), applies migrations, bootstraps the admin, starts the engine and
/// serves HTTP until SIGTERM/SIGINT, with the web console (`console`, empty
/// when none is built in) at every path outside the API. Returns the process exit code.
int Serve(const Config& config, std::span<const http::StaticAsset> console = {});

/// Opens and migrates the configured database; prints what it applied.
int MigrateCommand(const Config& config);

/// Starts a workflow of `kind` (test kinds need SLIPWAY_TESTING=1) and prints its id.
int StartWorkflowCommand(const Config& config, const std::string& kind, const std::string& subject);

}  // namespace slipway::app
