// YAML configuration files as users upload them: the content check
// (services::ValidateContent: every document parses, no key repeated).
// Property: a refusal names a line of the content.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "services/config/config_content.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto checked = slipway::services::ValidateContent(slipway::core::ConfigFormat::kYaml, text);
  if (!checked.ok()) {
    const auto* line = checked.error().details.if_contains("line");
    FUZZ_CHECK(line && line->is_int64(), "the refusal names no line");
    const auto lines = 1 + std::count(text.begin(), text.end(), '\n');
    FUZZ_CHECK(line->as_int64() >= 1 && line->as_int64() <= lines + 1,
               "the refusal names a line outside the content");
  }
  return 0;
}
