// Kubeconfig YAML as an admin registers it with a cluster
// (connectors::ParseKubeconfig, called as ClusterService calls it).
// Property: an accepted kubeconfig names a server.
#include <cstdint>
#include <string_view>

#include "connectors/kubernetes/kubeconfig.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  auto settings = slipway::connectors::ParseKubeconfig(yaml, "/nonexistent", "", "kubeconfig");
  if (settings.ok()) FUZZ_CHECK(!settings->transport.base_url.empty(), "a kubeconfig without a server");
  return 0;
}
