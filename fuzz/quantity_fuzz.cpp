// Kubernetes resource quantities in environment specs (core::ParseQuantity).
// Property: an accepted quantity is a finite number in [0, 2^63-1].
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/environments/quantity.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto value = slipway::core::ParseQuantity(text)) {
    FUZZ_CHECK(std::isfinite(*value), "a quantity is not finite");
    FUZZ_CHECK(*value >= 0, "a quantity is negative");
    FUZZ_CHECK(*value <= 9223372036854775807.0, "a quantity is above 2^63-1");
  }
  return 0;
}
