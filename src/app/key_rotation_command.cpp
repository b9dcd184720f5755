#include "app/key_rotation_command.hpp"

#include <filesystem>
#include <iostream>

#include "app/server_resources.hpp"
#include "services/platform/key_rotation.hpp"
#include "store/migrations.hpp"

namespace slipway::app {

int RotateSecretKeyCommand(const Config& config, const std::string& new_key_file) {
  const bool created = !std::filesystem::exists(new_key_file);
  auto new_key = services::SecretBox::LoadOrCreateKeyFile(new_key_file);
  if (!new_key.ok()) {
    std::cerr << "error: " << new_key.error().message << "\n";
    return 2;
  }
  const auto old_box = ServerSecretKey(config);
  const services::SecretBox new_box(*new_key);
  auto db = OpenDatabase(config);
  store::Migrate(*db);
  auto report = services::ResealAll(*db, old_box, new_box);
  if (!report.ok()) {
    std::cerr << "error: " << report.error().message << "\n";
    return 1;
  }
  if (created) std::cout << "wrote a new random key to " << new_key_file << "\n";
  std::cout << "resealed " << report->resealed << " secret(s) with the new key";
  if (report->already_new > 0) std::cout << " (" << report->already_new << " had it already)";
  std::cout << "\n";
  for (const auto& [column, count] : report->per_column)
    std::cout << "  " << column << ": " << count << "\n";
  std::cout << "next: set SLIPWAY_SECRET_KEY to the content of " << new_key_file
            << " (or secrets.key_file to it) for every replica, then start them\n";
  return 0;
}

}  // namespace slipway::app
