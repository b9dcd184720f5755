#pragma once
// The migration files compiled in by cmake/EmbedFiles.cmake (src/CMakeLists.txt).
#include <vector>

#include "embedded_file.hpp"

namespace slipway::store::sqlite_migrations {
/// store/migrations/sqlite/*.sql, sorted by file name.
const std::vector<slipway::EmbeddedFile>& Files();
}  // namespace slipway::store::sqlite_migrations

namespace slipway::store::postgres_migrations {
/// store/migrations/postgres/*.sql, sorted by file name.
const std::vector<slipway::EmbeddedFile>& Files();
}  // namespace slipway::store::postgres_migrations
