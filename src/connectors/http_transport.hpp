#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "connectors/address_policy.hpp"
#include "core/common/error.hpp"
#include "net/curl_types.hpp"

namespace slipway::connectors {

class TokenFile;
using HeaderList = net::HeaderList;
using TlsSettings = net::TlsSettings;

/// How to reach one external system. (Every member has a default initializer
/// so that designated initializers may omit any: GCC 12 warns otherwise.)
struct TransportSettings {
  std::string base_url{};  ///< scheme://host[:port][/prefix]
  TlsSettings tls{};
  std::string bearer_token{};  ///< `Authorization: Bearer …` when set
  /// A file holding the bearer token, re-read when it changes (token_file.hpp:
  /// rotated service-account tokens). Its last good content wins over
  /// bearer_token, which is sent until the file was read once.
  std::string bearer_token_file{};
  std::string basic_user{};  ///< HTTP basic auth when set
  std::string basic_password{};
  std::string proxy{};  ///< e.g. http://proxy:3128; empty: libcurl's environment defaults
  HeaderList default_headers{};
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds timeout{30'000};
  int max_retries = 3;  ///< extra attempts for idempotent requests on transient failures
  std::chrono::milliseconds retry_backoff{200};  ///< doubled after each attempt
  /// Which addresses may be connected to (SSRF guard for user-set URLs);
  /// a refused address fails the call as forbidden, naming it.
  AddressPolicy address_policy{};
};

struct TransportRequest {
  std::string method = "GET";
  std::string path{};  ///< appended to base_url; already percent-encoded, with any query
  std::optional<std::string> body{};
  HeaderList headers{};
  /// Retry on transport failures and 429/502/503/504. Defaults to true for
  /// GET, HEAD, PUT and DELETE; POST and PATCH are never repeated unless set.
  std::optional<bool> idempotent{};
  /// Streaming: receives the body piece by piece instead of collecting it;
  /// return false to stop (the call then ends without error). No retries.
  std::function<bool(std::string_view)> on_data{};
  std::optional<std::chrono::milliseconds> timeout{};  ///< overrides the settings' timeout
  /// When set and it becomes true, the call ends without error within about a
  /// second even if no data flows (stops a long-lived stream such as a watch).
  const std::atomic<bool>* cancel = nullptr;
};

using TransportResponse = net::CurlResponse;

/// A blocking HTTP client for one system, over net::CurlHandle. Thread-safe:
/// each call borrows a handle from a small pool (keeping connections warm).
/// Every status the server answers is a response; transport failures
/// (resolve, connect, TLS, timeout) are kTransient errors naming the URL.
class HttpTransport {
 public:
  explicit HttpTransport(TransportSettings settings);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  core::Result<TransportResponse> Send(const TransportRequest& request);
  const TransportSettings& settings() const { return settings_; }

 private:
  struct Pool;
  core::Result<TransportResponse> SendOnce(const TransportRequest& request);
  TransportSettings settings_;
  std::unique_ptr<Pool> pool_;
  std::unique_ptr<TokenFile> token_file_;  ///< when settings_.bearer_token_file is set
};

/// The usual mapping of an HTTP error status to a code: 400/422 invalid,
/// 401 unauthenticated, 403 forbidden, 404/410 not_found, 409/412 conflict,
/// 429 and 5xx transient. Systems with their own conventions refine it.
core::Code CodeForStatus(long status);

/// An error for a failed response, keeping the system's own message.
core::Error ErrorFromResponse(std::string_view system, const TransportResponse& response,
                              std::string message);

/// Percent-encodes one path segment or query value (RFC 3986 unreserved kept).
std::string UrlEncode(std::string_view text);

}  // namespace slipway::connectors
