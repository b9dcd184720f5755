// Label and field selectors (`labelSelector=` / `fieldSelector=` query
// parameters) as the Kubernetes fake (connectors::kube) and the emulator
// (sandbox::k8s) read them, then matched against a pod. Property: the
// emulator's canonical form (ToString) parses back to itself and matches
// the same labels.
#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "connectors/kubernetes/label_selector.hpp"
#include "fuzz_check.hpp"
#include "sandbox/kubernetes/api_error.hpp"
#include "sandbox/kubernetes/selector.hpp"

namespace {

const boost::json::object& Labels() {
  static const boost::json::object labels{{"app", "web"}, {"track", "canary"}, {"tier", ""}};
  return labels;
}

const boost::json::object& Pod() {
  static const boost::json::object pod{
      {"metadata", {{"name", "web-1"}, {"namespace", "default"}, {"labels", Labels()}}},
      {"spec", {{"nodeName", "node-1"}}},
      {"status", {{"phase", "Running"}}}};
  return pod;
}

void Fake(const std::string& text) {
  namespace kube = slipway::connectors::kube;
  if (auto selector = kube::LabelSelector::Parse(text); selector.ok()) {
    (void)selector->Matches(Labels());
    (void)selector->Matches({});
  }
  (void)kube::MatchesFieldSelector(Pod(), text);
}

void Emulator(const std::string& text) {
  namespace k8s = slipway::sandbox::k8s;
  try {
    const auto selector = k8s::LabelSelector::Parse(text);
    const std::string canonical = selector.ToString();
    const auto again = k8s::LabelSelector::Parse(canonical);
    FUZZ_CHECK(again.ToString() == canonical, "the canonical form does not read back");
    FUZZ_CHECK(again.Matches(Labels()) == selector.Matches(Labels()),
               "the canonical form matches differently");
  } catch (const k8s::ApiError&) {
  }
  try {
    (void)k8s::FieldSelector::Parse(text).Matches(Pod());
  } catch (const k8s::ApiError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Fake(text);
  Emulator(text);
  return 0;
}
