// Kubeconfig YAML as an admin registers it with a cluster
// (connectors::ParseInlineKubeconfig, as ClusterService calls it: no file is
// read). Property: an accepted kubeconfig names a server and carries no
// file reference.
#include <cstdint>
#include <string_view>

#include "connectors/kubernetes/kubeconfig.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  auto settings = slipway::connectors::ParseInlineKubeconfig(yaml);
  if (!settings.ok()) return 0;
  const auto& transport = settings->transport;
  FUZZ_CHECK(!transport.base_url.empty(), "a kubeconfig without a server");
  FUZZ_CHECK(transport.bearer_token_file.empty() && transport.tls.ca_file.empty() &&
                 transport.tls.client_cert_file.empty() && transport.tls.client_key_file.empty(),
             "an inline kubeconfig names a file");
  return 0;
}
