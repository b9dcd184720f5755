// Label and field selectors (`labelSelector=` / `fieldSelector=` query
// parameters) as the Kubernetes fake and the emulator read them (one
// implementation, connectors::kube), then matched against a pod. Property:
// the canonical form (ToString) parses back to itself and matches the same
// labels.
#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "connectors/kubernetes/selectors.hpp"
#include "fuzz_check.hpp"

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace kube = slipway::connectors::kube;
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (auto selector = kube::LabelSelector::Parse(text); selector.ok()) {
    const std::string canonical = selector->ToString();
    auto again = kube::LabelSelector::Parse(canonical);
    FUZZ_CHECK(again.ok(), "the canonical form does not parse");
    FUZZ_CHECK(again->ToString() == canonical, "the canonical form does not read back");
    FUZZ_CHECK(again->Matches(Labels()) == selector->Matches(Labels()),
               "the canonical form matches differently");
    (void)selector->Matches(boost::json::object{});
  }
  if (auto fields = kube::FieldSelector::Parse(text); fields.ok()) (void)fields->Matches(Pod());
  return 0;
}
