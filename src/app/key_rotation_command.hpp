#pragma once
#include <string>

#include "app/config.hpp"

namespace slipway::app {

/// `slipway admin rotate-secret-key --new-key-file FILE`: re-seals every
/// secret in the database (cluster kubeconfigs, notification URLs and
/// secrets, lanes' hook tokens) from the configured key to the key in FILE
/// (base64, as SLIPWAY_SECRET_KEY; created with a random key when FILE does
/// not exist), in one transaction. Run it with every replica stopped, then
/// point SLIPWAY_SECRET_KEY or secrets.key_file at the new key and start them.
/// Returns the process exit code.
int RotateSecretKeyCommand(const Config& config, const std::string& new_key_file);

}  // namespace slipway::app
