// JSON merge patches (RFC 7386), strategic merge patches and JSON patches
// (RFC 6902) as the Kubernetes fake (connectors::kube) and the emulator
// (sandbox::k8s) apply them to objects clients send. The input is a JSON
// array [target, patch]. Properties: both merge-patch implementations agree,
// a merge patch applied twice changes nothing more, and a patch that is not
// an object replaces the target.
#include <boost/json.hpp>
#include <cstdint>
#include <string_view>

#include "connectors/kubernetes/merge_patch.hpp"
#include "fuzz_check.hpp"
#include "sandbox/kubernetes/patch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace kube = slipway::connectors::kube;
  namespace k8s = slipway::sandbox::k8s;
  boost::system::error_code ec;
  const auto input = boost::json::parse(std::string_view(reinterpret_cast<const char*>(data), size), ec);
  if (ec || !input.is_array() || input.as_array().size() != 2) return 0;
  const auto& target = input.as_array()[0];
  const auto& patch = input.as_array()[1];

  const auto merged = kube::MergePatch(target, patch);
  if (!patch.is_object()) FUZZ_CHECK(merged == patch, "a non-object merge patch did not replace");
  FUZZ_CHECK(kube::MergePatch(merged, patch) == merged, "a merge patch is not idempotent");
  try {
    FUZZ_CHECK(k8s::MergePatch(target, patch) == merged, "the fake and the emulator merge differently");
  } catch (const k8s::PatchError&) {
    FUZZ_CHECK(false, "the emulator refused a merge patch");
  }
  (void)kube::StrategicMergePatch(target, patch);
  try {
    (void)k8s::StrategicMergePatch(target, patch);
  } catch (const k8s::PatchError&) {
  }
  try {
    (void)k8s::JsonPatch(target, patch);
  } catch (const k8s::PatchError&) {
  }
  return 0;
}
