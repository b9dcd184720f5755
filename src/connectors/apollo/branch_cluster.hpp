#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "connectors/apollo.hpp"

namespace slipway::connectors::apollo {

/// What BranchCluster copies and how it records the change.
struct BranchRequest {
  std::string env;
  std::string app_id;
  std::string from = "default";
  std::string to;  ///< the lane's cluster, named like its branch
  std::string operator_name;
  std::string release_title;  ///< ≤ 64 characters
  /// Rewrites each value (R-LANE-7: "<x>-qa.<suffix>" → "<x>-<lane>.<suffix>").
  std::function<std::string(std::string_view key, std::string_view value)> rewrite;
};

/// Gives a lane its own Apollo cluster (R-LANE-7): creates `to` when missing,
/// copies every namespace's live configuration of `from` (its latest release,
/// else its working items) through `rewrite`, and publishes each namespace.
/// Idempotent: a repeated call after a partial failure converges (existing
/// cluster kept, items upserted). Errors are the port's.
core::Status BranchCluster(ApolloPortal& portal, const BranchRequest& request);

}  // namespace slipway::connectors::apollo
