#pragma once
// Reading nested fields of Kubernetes objects without a schema: every missing
// or differently typed field reads as empty, as `kubectl get -o jsonpath` does.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace slipway::connectors::kube {

/// The value at a path of object keys, or nullptr.
const boost::json::value* Find(const boost::json::object& object,
                               std::initializer_list<std::string_view> path);
/// The string at a path, or "".
std::string StringAt(const boost::json::object& object,
                     std::initializer_list<std::string_view> path);
/// The integer at a path, or `fallback`.
std::int64_t IntAt(const boost::json::object& object, std::initializer_list<std::string_view> path,
                   std::int64_t fallback = 0);
/// The object at a path, created (with its parents) when missing or not an object.
boost::json::object& EnsureObject(boost::json::object& object,
                                  std::initializer_list<std::string_view> path);

}  // namespace slipway::connectors::kube
