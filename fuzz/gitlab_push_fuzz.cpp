// GitLab push hook bodies (connectors::gitlab::ParsePushHook), which arrive
// from the network. Property: a branch push names its branch after
// refs/heads/, any other push none.
#include <cstdint>
#include <string_view>

#include "connectors/gitlab/push_event.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto event =
      slipway::connectors::gitlab::ParsePushHook("Push Hook", "hook-secret", body, "hook-secret");
  if (!event.ok()) return 0;
  if (event->ref.starts_with("refs/heads/")) {
    FUZZ_CHECK(event->branch == event->ref.substr(11), "the branch is not the ref's");
  } else {
    FUZZ_CHECK(event->branch.empty(), "a non-branch push names a branch");
  }
  return 0;
}
