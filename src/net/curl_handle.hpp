#pragma once
#include <memory>

#include "core/common/error.hpp"
#include "net/curl_types.hpp"

namespace slipway::net {

/// One libcurl easy handle with its connection settings (TLS, proxy, basic
/// auth, connect timeout, cookie jar), the only code in Slipway that speaks to
/// libcurl. Each Perform sets every per-call option afresh, so the handle, its
/// open connection and its cookies are reused across calls without a reset
/// (a reset would switch the cookie engine off). Not thread-safe: one call at
/// a time.
class CurlHandle {
 public:
  explicit CurlHandle(ConnectionSettings settings);
  ~CurlHandle();
  CurlHandle(CurlHandle&&) noexcept;
  CurlHandle& operator=(CurlHandle&&) noexcept;

  /// Every status the server answers (4xx and 5xx too) is a response.
  /// Errors: a refused address is kForbidden naming it; a TLS server name
  /// that cannot be routed is kInvalid; any other transport failure
  /// (resolve, connect, TLS, timeout) is kTransient "cannot reach URL:
  /// reason" with details {"url", "curl_code"}. A stream stopped by on_data
  /// or by `cancel` ends without error.
  core::Result<CurlResponse> Perform(const CurlRequest& request);

  const ConnectionSettings& settings() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace slipway::net
