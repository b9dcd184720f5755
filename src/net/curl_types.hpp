#pragma once
// What one HTTP call over libcurl takes and gives back: the vocabulary shared
// by the connectors' transport and the command-line client (curl_handle.hpp).
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace slipway::net {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// First header with this name (case-insensitive), if any.
std::optional<std::string> FindHeader(const HeaderList& headers, std::string_view name);

/// TLS trust and client identity. PEM data and file paths are alternatives.
/// (Every member has a default initializer so that designated initializers
/// may omit any: GCC 12 warns otherwise.)
struct TlsSettings {
  std::string ca_file{};
  std::string ca_pem{};
  std::string client_cert_file{};
  std::string client_cert_pem{};
  std::string client_key_file{};
  std::string client_key_pem{};
  bool insecure_skip_verify = false;
  /// Checked against the server's certificate and sent as SNI instead of the
  /// URL's host (https only; tls_server_name.hpp). Empty: the URL's host.
  std::string server_name{};
};

/// What holds for every call of one handle: how to connect and who we are.
struct ConnectionSettings {
  TlsSettings tls{};
  std::string proxy{};       ///< e.g. http://proxy:3128; empty: libcurl's environment defaults
  std::string basic_user{};  ///< HTTP basic auth when set
  std::string basic_password{};
  std::chrono::milliseconds connect_timeout{5'000};
  /// Keep cookies the server sets and send them back for the handle's life.
  bool cookies = false;
};

struct CurlRequest {
  std::string method = "GET";
  std::string url{};  ///< complete, already percent-encoded
  /// How transport errors name the server ("cannot reach …"); empty: the URL.
  std::string name_in_errors{};
  std::optional<std::string> body{};
  HeaderList headers{};
  /// The whole call's limit; zero: none (a followed log lasts as long as its build).
  std::chrono::milliseconds timeout{30'000};
  /// Streaming: receives the body piece by piece instead of collecting it;
  /// return false to stop (the call then ends without error).
  std::function<bool(std::string_view)> on_data{};
  /// With on_data: only a 2xx body is streamed; any other status's body is
  /// collected into the response (an error to parse).
  bool stream_success_only = false;
  /// When set and it becomes true, the call ends without error within about a
  /// second even if no data flows (stops a long-lived stream such as a watch).
  const std::atomic<bool>* cancel = nullptr;
  /// Asked about each address libcurl is about to connect to; a reason
  /// refuses it and fails the call as forbidden (the SSRF guard).
  std::function<std::optional<std::string>(const sockaddr*)> refuse_address{};
};

struct CurlResponse {
  long status = 0;
  std::string body;
  HeaderList headers;  ///< of the final response, in arrival order
  std::optional<std::string> Header(std::string_view name) const {
    return FindHeader(headers, name);
  }
};

}  // namespace slipway::net
