#include "cli/transport_flags.hpp"

#include "core/common/json_path.hpp"

namespace slipway::cli {

void AddTransportFlags(CLI::App& command, TransportFlags& flags) {
  command
      .add_option("--ca-file", flags.ca_file,
                  "PEM file of the CA that signed the server's certificate")
      ->envname("SLIPWAY_CA_FILE")
      ->check(CLI::ExistingFile)
      ->group("Connection");
  command
      .add_option("--cert", flags.cert, "PEM client certificate, for a server that asks for one")
      ->envname("SLIPWAY_CERT")
      ->check(CLI::ExistingFile)
      ->group("Connection");
  command.add_option("--key", flags.key, "PEM private key of --cert (default: read from --cert)")
      ->envname("SLIPWAY_KEY")
      ->check(CLI::ExistingFile)
      ->group("Connection");
  command
      .add_option("--proxy", flags.proxy,
                  "Proxy URL, e.g. http://proxy:3128 (default: https_proxy)")
      ->envname("SLIPWAY_PROXY")
      ->group("Connection");
}

void ApplyTransportFlags(const TransportFlags& flags, HttpClientOptions& options) {
  options.tls.ca_file = flags.ca_file;
  options.tls.client_cert_file = flags.cert;
  options.tls.client_key_file = flags.key;
  options.proxy = flags.proxy;
}

boost::json::object TransportFlagsJson(const TransportFlags& flags) {
  boost::json::object out;
  if (!flags.ca_file.empty()) out["ca_file"] = flags.ca_file;
  if (!flags.cert.empty()) out["cert"] = flags.cert;
  if (!flags.key.empty()) out["key"] = flags.key;
  if (!flags.proxy.empty()) out["proxy"] = flags.proxy;
  return out;
}

TransportFlags TransportFlagsFromJson(const boost::json::object& object) {
  return TransportFlags{core::StringAt(object, {"ca_file"}), core::StringAt(object, {"cert"}),
                        core::StringAt(object, {"key"}), core::StringAt(object, {"proxy"})};
}

}  // namespace slipway::cli
