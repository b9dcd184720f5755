#pragma once
// Reading fields of JSON documents without a schema (answers of external
// systems, Kubernetes objects): a path is a list of object keys, and every
// missing or differently typed field reads as the fallback, as
// `kubectl get -o jsonpath` does. Keys may hold dots
// ("deployment.kubernetes.io/revision"), so a path is never one dotted string.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace slipway::core {

using JsonPath = std::initializer_list<std::string_view>;

/// The value at `path`, or nullptr. An empty path is the root itself.
const boost::json::value* Find(const boost::json::value& root, JsonPath path);
/// The same on an object. (Without this overload an object argument would
/// convert to a temporary json::value: a deep copy, and a dangling result.)
const boost::json::value* Find(const boost::json::object& root, JsonPath path);

/// The string at `path`, or `fallback`.
std::string StringAt(const boost::json::value& root, JsonPath path, std::string fallback = "");
std::string StringAt(const boost::json::object& root, JsonPath path, std::string fallback = "");

/// The integer at `path` (a whole number in range: JSON has one number type),
/// or `fallback`.
std::int64_t IntAt(const boost::json::value& root, JsonPath path, std::int64_t fallback = 0);
std::int64_t IntAt(const boost::json::object& root, JsonPath path, std::int64_t fallback = 0);

/// The boolean at `path`, or `fallback`.
bool BoolAt(const boost::json::value& root, JsonPath path, bool fallback = false);
bool BoolAt(const boost::json::object& root, JsonPath path, bool fallback = false);

/// The object at `path`, created (with its parents) where missing or not an object.
boost::json::object& EnsureObject(boost::json::object& root, JsonPath path);
/// The array under `key`, created where missing or not an array.
boost::json::array& EnsureArray(boost::json::object& parent, std::string_view key);

}  // namespace slipway::core
