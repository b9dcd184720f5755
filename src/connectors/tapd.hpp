#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

/// A TAPD story (需求). Ids are long decimal strings (beyond 2^53): kept as text.
struct TapdStory {
  std::string id;
  std::string workspace_id;
  std::string name;  ///< the title, which becomes a lane's description (R-LANE-9)
  std::string status;
  std::string creator;
  std::vector<std::string> owners;  ///< TAPD's "a;b;" split, empties dropped
  std::string created;              ///< "YYYY-MM-DD HH:MM:SS", China time
  std::string modified;
  std::string url;  ///< web link, built (the API does not return one)
};

/// TAPD's Open API, as much as lanes need: a story by id.
/// Errors: ids that are not decimal → invalid; unknown story (an empty list,
/// TAPD's answer) → not_found; bad API credentials (HTTP 401) →
/// unauthenticated; `status != 1` → invalid with TAPD's `info`; 429/5xx →
/// transient. Reads are retried on transient failures. Thread-safe.
class Tapd {
 public:
  virtual ~Tapd() = default;
  virtual core::Result<TapdStory> GetStory(std::string_view workspace_id,
                                           std::string_view story_id) = 0;
};

}  // namespace slipway::connectors
