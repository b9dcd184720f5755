#pragma once
#include <optional>
#include <string_view>

namespace slipway::core {

/// The value of a Kubernetes resource quantity ("250m" → 0.25, "1Gi" →
/// 1073741824, "1e3" → 1000), or nullopt when it is not one. Decimal
/// suffixes: m k M G T P E; binary: Ki Mi Gi Ti Pi Ei. Negative values are
/// refused (resources cannot be negative), and so are values above
/// 2^63-1 ("1e400", "99999999999999999999"): Kubernetes holds no larger
/// quantity, and beyond a double's range comparing limits breaks.
std::optional<double> ParseQuantity(std::string_view text);

}  // namespace slipway::core
