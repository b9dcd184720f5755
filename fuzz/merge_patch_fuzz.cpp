// JSON merge patches (RFC 7386), strategic merge patches and JSON patches
// (RFC 6902) as the Kubernetes fake and the emulator apply them to objects
// clients send (one implementation, connectors::kube). The input is a JSON
// array [target, patch]. Properties: a merge patch never fails, applied
// twice changes nothing more, and a patch that is not an object replaces the
// target; the others fail only with PatchError.
#include <boost/json.hpp>
#include <cstdint>
#include <string_view>

#include "connectors/kubernetes/patch.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace kube = slipway::connectors::kube;
  boost::system::error_code ec;
  const auto input =
      boost::json::parse(std::string_view(reinterpret_cast<const char*>(data), size), ec);
  if (ec || !input.is_array() || input.as_array().size() != 2) return 0;
  const auto& target = input.as_array()[0];
  const auto& patch = input.as_array()[1];
  try {
    const auto merged = kube::MergePatch(target, patch);
    if (!patch.is_object()) FUZZ_CHECK(merged == patch, "a non-object merge patch did not replace");
    FUZZ_CHECK(kube::MergePatch(merged, patch) == merged, "a merge patch is not idempotent");
  } catch (const kube::PatchError&) {
    FUZZ_CHECK(false, "a merge patch was refused");
  }
  try {
    (void)kube::StrategicMergePatch(target, patch);
  } catch (const kube::PatchError&) {
  }
  try {
    (void)kube::JsonPatch(target, patch);
  } catch (const kube::PatchError&) {
  }
  return 0;
}
