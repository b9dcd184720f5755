#include "core/common/json_path.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace slipway::core {
namespace {

namespace json = boost::json;

std::optional<std::int64_t> WholeNumber(const json::value& v) {
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64() &&
      v.as_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return static_cast<std::int64_t>(v.as_uint64());
  }
  // 2^63 is exact as a double; anything below it converts without overflow.
  if (v.is_double() && std::trunc(v.as_double()) == v.as_double() &&
      std::abs(v.as_double()) < 0x1p63) {
    return static_cast<std::int64_t>(v.as_double());
  }
  return std::nullopt;
}

}  // namespace

const json::value* Find(const json::object& root, JsonPath path) {
  const json::object* current = &root;
  const json::value* found = nullptr;
  for (auto key : path) {
    if (current == nullptr) return nullptr;
    found = current->if_contains(key);
    if (found == nullptr) return nullptr;
    current = found->if_object();
  }
  return found;
}

const json::value* Find(const json::value& root, JsonPath path) {
  if (path.size() == 0) return &root;
  const auto* object = root.if_object();
  return object ? Find(*object, path) : nullptr;
}

std::string StringAt(const json::object& root, JsonPath path, std::string fallback) {
  const auto* v = Find(root, path);
  return v && v->is_string() ? std::string(v->as_string()) : std::move(fallback);
}

std::string StringAt(const json::value& root, JsonPath path, std::string fallback) {
  const auto* v = Find(root, path);
  return v && v->is_string() ? std::string(v->as_string()) : std::move(fallback);
}

std::int64_t IntAt(const json::object& root, JsonPath path, std::int64_t fallback) {
  const auto* v = Find(root, path);
  return v ? WholeNumber(*v).value_or(fallback) : fallback;
}

std::int64_t IntAt(const json::value& root, JsonPath path, std::int64_t fallback) {
  const auto* v = Find(root, path);
  return v ? WholeNumber(*v).value_or(fallback) : fallback;
}

bool BoolAt(const json::object& root, JsonPath path, bool fallback) {
  const auto* v = Find(root, path);
  return v && v->is_bool() ? v->as_bool() : fallback;
}

bool BoolAt(const json::value& root, JsonPath path, bool fallback) {
  const auto* v = Find(root, path);
  return v && v->is_bool() ? v->as_bool() : fallback;
}

json::object& EnsureObject(json::object& root, JsonPath path) {
  json::object* current = &root;
  for (auto key : path) {
    auto& slot = (*current)[key];
    if (!slot.is_object()) slot = json::object();
    current = &slot.as_object();
  }
  return *current;
}

json::array& EnsureArray(json::object& parent, std::string_view key) {
  auto& slot = parent[key];
  if (!slot.is_array()) slot = json::array();
  return slot.as_array();
}

}  // namespace slipway::core
