#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace slipway::services {

/// Something that still uses an image and so blocks deleting it from the
/// registry (R-BLD-4).
struct BuildReference {
  std::string kind;  ///< "environment", "baseline" or "change"
  std::int64_t id = 0;
  std::int64_t app_id = 0;  ///< environments; 0 for baselines
  std::string description;  ///< e.g. "prod environment on cluster 3"
};

/// Everything that references the image with `digest`: the environments
/// running it (store::environments::RunningDigest) and the baselines naming
/// it (store::baselines::WithDigest) — a rollback may restore any of those —
/// and the changes still to release it (store::changes::UnreleasedWithDigest).
/// Every caller that removes images (deleting a build, later image cleanup)
/// asks here, so a new kind of reference is added in one place.
std::vector<BuildReference> BuildReferences(store::Tx& tx, const std::string& digest);

}  // namespace slipway::services
