#include "app/server_resources.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace slipway::app {

std::unique_ptr<store::Database> OpenDatabase(const Config& c) {
  if (!c.database_url.empty()) {
    return store::OpenPostgres({c.database_url, c.database_pool_size});
  }
  std::filesystem::create_directories(c.data_dir);
  return store::OpenSqlite({(std::filesystem::path(c.data_dir) / "slipway.db").string(),
                            std::max(2, c.database_pool_size / 2), 5000});
}

services::SecretBox ServerSecretKey(const Config& c) {
  auto key = c.secret_key ? services::SecretBox::KeyFromBase64(*c.secret_key)
                          : services::SecretBox::LoadOrCreateKeyFile(
                                c.secret_key_file.empty()
                                    ? (std::filesystem::path(c.data_dir) / "secret.key").string()
                                    : c.secret_key_file);
  if (!key.ok()) throw std::runtime_error(key.error().message);
  return services::SecretBox(*key);
}

}  // namespace slipway::app
