#pragma once
#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/error.hpp"
#include "net/curl_types.hpp"

namespace slipway::net {
class CurlHandle;
}

namespace slipway::cli {

using HeaderList = net::HeaderList;

struct HttpRequest {
  std::string method = "GET";
  std::string path;  ///< appended to the base URL as is (already percent-encoded)
  std::optional<std::string> body;
  std::string content_type = "application/json";
  HeaderList headers;  ///< sent in addition to the client's own headers
  /// When set, the body of a successful (2xx) response is handed to it piece
  /// by piece as it arrives, instead of being collected, and the request has
  /// no overall timeout (a followed log lasts as long as its build). Error
  /// bodies are still collected into HttpResponse::body.
  std::function<void(std::string_view)> on_body;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  HeaderList headers;  ///< of the final response, in arrival order

  /// First header with this name (case-insensitive), if any.
  std::optional<std::string> Header(std::string_view name) const {
    return net::FindHeader(headers, name);
  }
  /// The body parsed as JSON; an empty body is null, unparsable text an error.
  core::Result<boost::json::value> Json() const;
};

struct HttpClientOptions {
  std::string base_url;      ///< scheme://host[:port][/prefix], no trailing slash needed
  std::string bearer_token;  ///< sent as `Authorization: Bearer …` when not empty
  /// Keep cookies the server sets and send them back (session login).
  bool cookies = false;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds timeout{60'000};
  /// Trust (--ca-file) and client certificate (--cert, --key) for https.
  net::TlsSettings tls{};
  std::string proxy{};  ///< --proxy; empty: libcurl's environment defaults (https_proxy…)
  /// Extra attempts of a GET or HEAD after a transport failure or a
  /// 429/502/503/504 answer (a server restarting behind its proxy).
  int max_retries = 2;
  std::chrono::milliseconds retry_backoff{250};  ///< doubled after each attempt
};

/// A small blocking HTTP/1.1 client over net::CurlHandle. One connection is
/// kept and reused across requests; cookies live as long as the client. Not
/// thread-safe: use one client per thread.
class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;

  /// Performs the request. Every status the server answers (including 4xx
  /// and 5xx) is a response; only transport failures (cannot resolve,
  /// connect, TLS, timeout) are errors, with code kTransient, a message
  /// naming the server and details {"url", "curl_code"}.
  core::Result<HttpResponse> Send(const HttpRequest& request);

  /// Sends `body` (when given) serialized as JSON, asking for JSON back.
  core::Result<HttpResponse> SendJson(std::string method, std::string path,
                                      const boost::json::value* body = nullptr);

  /// Sends `X-CSRF-Token` with every later non-GET request; empty stops it.
  void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }
  void set_bearer_token(std::string token) { options_.bearer_token = std::move(token); }
  const std::string& base_url() const { return options_.base_url; }

 private:
  HttpClientOptions options_;
  std::string csrf_token_;
  std::unique_ptr<net::CurlHandle> handle_;
};

}  // namespace slipway::cli
