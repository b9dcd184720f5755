#include "connectors/gitlab/commit_sha.hpp"

#include <sodium.h>

namespace slipway::connectors::gitlab {

std::string CommitShaFor(std::string_view seed) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(seed.data()), seed.size());
  char hex[41];
  sodium_bin2hex(hex, sizeof hex, hash, 20);
  return hex;
}

}  // namespace slipway::connectors::gitlab
