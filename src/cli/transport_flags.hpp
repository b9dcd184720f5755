#pragma once
#include <CLI/CLI.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "cli/http_client.hpp"

namespace slipway::cli {

/// How to reach a server that is not plain http on the open network: one
/// behind TLS signed by a private CA, asking for a client certificate, or
/// only reachable through a proxy.
struct TransportFlags {
  std::string ca_file;  ///< --ca-file, env SLIPWAY_CA_FILE: PEM CA bundle to trust
  std::string cert;     ///< --cert, env SLIPWAY_CERT: PEM client certificate
  std::string key;      ///< --key, env SLIPWAY_KEY: PEM private key of --cert
  std::string proxy;    ///< --proxy, env SLIPWAY_PROXY: e.g. http://proxy:3128

  bool empty() const { return ca_file.empty() && cert.empty() && key.empty() && proxy.empty(); }
  bool operator==(const TransportFlags&) const = default;
};

/// Adds --ca-file, --cert, --key and --proxy (with their environment
/// variables) to `command`, in its "Connection" group. The files must exist.
void AddTransportFlags(CLI::App& command, TransportFlags& flags);

/// `options` with the flags applied: files by path, so a renewed
/// certificate is read on the next command.
void ApplyTransportFlags(const TransportFlags& flags, HttpClientOptions& options);

/// The flags as stored in the credentials file (only those set), and back.
boost::json::object TransportFlagsJson(const TransportFlags& flags);
TransportFlags TransportFlagsFromJson(const boost::json::object& object);

}  // namespace slipway::cli
