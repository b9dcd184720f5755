#include "connectors/kubernetes/json_access.hpp"

namespace slipway::connectors::kube {

const boost::json::value* Find(const boost::json::object& object,
                               std::initializer_list<std::string_view> path) {
  const boost::json::object* current = &object;
  const boost::json::value* found = nullptr;
  for (auto key : path) {
    if (!current) return nullptr;
    found = current->if_contains(key);
    if (!found) return nullptr;
    current = found->if_object();
  }
  return found;
}

std::string StringAt(const boost::json::object& object,
                     std::initializer_list<std::string_view> path) {
  const auto* v = Find(object, path);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::int64_t IntAt(const boost::json::object& object, std::initializer_list<std::string_view> path,
                   std::int64_t fallback) {
  const auto* v = Find(object, path);
  if (!v) return fallback;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64());
  return fallback;
}

boost::json::object& EnsureObject(boost::json::object& object,
                                  std::initializer_list<std::string_view> path) {
  boost::json::object* current = &object;
  for (auto key : path) {
    auto& slot = (*current)[key];
    if (!slot.is_object()) slot = boost::json::object();
    current = &slot.as_object();
  }
  return *current;
}

}  // namespace slipway::connectors::kube
