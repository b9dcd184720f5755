// Request bodies as the Kubernetes emulator reads them (sandbox::kube::
// ParseDocument with a YAML content type: JSON, else YAML converted to
// JSON), as `kubectl apply` and clients send them. Property: a body is
// either read or refused with a 400.
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "sandbox/kubernetes/api_error.hpp"
#include "sandbox/kubernetes/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace emulator = slipway::sandbox::kube;
  const std::string body(reinterpret_cast<const char*>(data), size);
  try {
    (void)emulator::ParseDocument(body, "application/yaml");
  } catch (const emulator::ApiError& e) {
    FUZZ_CHECK(e.code() == 400, "a body is refused with another status than 400");
  }
  return 0;
}
