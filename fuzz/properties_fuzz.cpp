// Properties files as users upload them (core::ParseProperties). Property:
// what parses renders back (RenderProperties) to text that parses to the
// same keys and values.
#include <cstdint>
#include <string_view>

#include "core/config/properties.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = slipway::core::ParseProperties(text);
  if (!parsed.ok()) return 0;
  const auto values = slipway::core::PropertiesMap(*parsed);
  FUZZ_CHECK(values.size() == parsed->size(), "a key was accepted twice");
  auto reread = slipway::core::ParseProperties(slipway::core::RenderProperties(values));
  FUZZ_CHECK(reread.ok(), "rendered properties do not parse");
  FUZZ_CHECK(slipway::core::PropertiesMap(*reread) == values,
             "rendered properties read back differently");
  return 0;
}
