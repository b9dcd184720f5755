#pragma once
// Who may read GET /metrics (server.metrics_access). The exposition names
// routes, request rates and pool sizes: worth keeping from strangers, while
// a scraper on the same host or one holding an API token needs it.
#include <optional>
#include <string_view>

namespace slipway::http {

enum class MetricsAccess {
  kLocalOrToken,  ///< "local_or_token" (default): a loopback client, or any signed-in caller
  kToken,         ///< "token": signed-in callers only (behind a proxy on the same host)
  kPublic,        ///< "public": anyone
};

/// The setting's value, or nullopt for an unknown one.
std::optional<MetricsAccess> ParseMetricsAccess(std::string_view text);

/// Whether a caller from `remote_address` may read the metrics.
bool MetricsAllowed(MetricsAccess access, std::string_view remote_address, bool signed_in);

}  // namespace slipway::http
