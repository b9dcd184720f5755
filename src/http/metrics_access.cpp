#include "http/metrics_access.hpp"

namespace slipway::http {

namespace {

// 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6 (a dual-stack listener).
bool IsLoopback(std::string_view address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

}  // namespace

std::optional<MetricsAccess> ParseMetricsAccess(std::string_view text) {
  if (text == "local_or_token") return MetricsAccess::kLocalOrToken;
  if (text == "token") return MetricsAccess::kToken;
  if (text == "public") return MetricsAccess::kPublic;
  return std::nullopt;
}

bool MetricsAllowed(MetricsAccess access, std::string_view remote_address, bool signed_in) {
  switch (access) {
    case MetricsAccess::kPublic:
      return true;
    case MetricsAccess::kToken:
      return signed_in;
    case MetricsAccess::kLocalOrToken:
      return signed_in || IsLoopback(remote_address);
  }
  return false;
}

}  // namespace slipway::http
