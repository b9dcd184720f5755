#pragma once
// What `serve` and the admin commands open from the configuration: the
// database and the key that seals secrets in it.
#include <memory>

#include "app/config.hpp"
#include "services/platform/secret_box.hpp"
#include "store/database.hpp"

namespace slipway::app {

/// PostgreSQL when database.url is set, else SQLite in the data dir.
std::unique_ptr<store::Database> OpenDatabase(const Config& c);

/// The key sealing connector secrets: SLIPWAY_SECRET_KEY, else the key file
/// (secrets.key_file, default <data_dir>/secret.key; created with a random
/// key on first start). Throws when the key cannot be read.
services::SecretBox ServerSecretKey(const Config& c);

}  // namespace slipway::app
