#pragma once
#include <functional>
#include <string_view>

namespace slipway::store {

/// Hash for maps keyed by std::string that are looked up by std::string_view
/// (with std::equal_to<>), so a cache hit allocates nothing.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace slipway::store
