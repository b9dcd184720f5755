#pragma once
#include <string>

#include "core/common/error.hpp"

namespace slipway::net {

/// How to reach a server at one address while checking its certificate (and
/// sending SNI) for another name: kubeconfig's `tls-server-name`.
///
/// libcurl has no option for the TLS name alone; it always uses the URL's
/// host. So the URL is rewritten to name `server_name`, and a
/// CURLOPT_CONNECT_TO entry sends the connection to the original host and
/// port (libcurl documents that connect-to changes neither SNI nor the
/// certificate check). The Host header keeps the original authority, as
/// client-go sends it. With a proxy, libcurl documents that a connect-to entry
/// switches it to tunnel mode (https is tunnelled anyway).
struct TlsServerNameRoute {
  std::string url;         ///< the URL with its host replaced by the server name
  std::string connect_to;  ///< "server-name:port:original-host:port"
  std::string host;        ///< the original "host[:port]", for the Host header
};

/// kInvalid when `url` or `server_name` cannot be parsed as URL parts.
core::Result<TlsServerNameRoute> RouteByTlsServerName(const std::string& url,
                                                      const std::string& server_name);

}  // namespace slipway::net
