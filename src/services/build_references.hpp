#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace slipway::services {

/// Something that still uses an image and so blocks deleting it from the
/// registry (R-BLD-4).
struct BuildReference {
  std::string kind;  ///< "environment" (the releases issue adds "baseline")
  std::int64_t id = 0;
  std::int64_t app_id = 0;
  std::string description;  ///< e.g. "prod environment on cluster 3"
};

/// Everything that references the image with `digest`. Today: the
/// environments running it (store::environments::RunningDigest). The
/// releases issue adds the baselines that still name it here, so every
/// caller — deleting a build, and later cleaning up images — refuses on both.
std::vector<BuildReference> BuildReferences(store::Tx& tx, const std::string& digest);

}  // namespace slipway::services
