#pragma once
// Rotating the secret key (SLIPWAY_SECRET_KEY / secrets.key_file): every
// sealed value in the database is opened with the old key and sealed again
// with the new one, in one transaction. `slipway admin rotate-secret-key`.
#include <cstddef>
#include <map>
#include <string>

#include "core/common/error.hpp"
#include "services/platform/secret_box.hpp"
#include "store/database.hpp"

namespace slipway::services {

struct ResealReport {
  std::size_t resealed = 0;
  std::size_t already_new = 0;  ///< opened with the new key: a rotation run before
  std::map<std::string, std::size_t> per_column;  ///< "table.column" → values resealed
};

/// All or nothing: a value that opens with neither key stops the rotation
/// (kInvalid naming the table, column and row) and nothing is changed.
/// Values already sealed with the new key are left alone, so running it
/// again after a rotation changes nothing.
core::Result<ResealReport> ResealAll(store::Database& db, const SecretBox& old_key,
                                     const SecretBox& new_key);

}  // namespace slipway::services
