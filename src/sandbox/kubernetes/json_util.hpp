#pragma once
#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <string_view>

/// Small helpers over boost::json used throughout the Kubernetes emulator.
namespace slipway::sandbox::k8s {

namespace json = boost::json;

/// The value at a dotted path ("spec.template.metadata"), or nullptr.
const json::value* Find(const json::value& root, std::string_view dotted);
/// The same on an object. (Without this overload an object argument would
/// convert to a temporary json::value: a deep copy, and a dangling result.)
const json::value* Find(const json::object& root, std::string_view dotted);
/// The string at a dotted path, or `fallback` when absent or not a string.
std::string GetString(const json::value& root, std::string_view dotted, std::string fallback = "");
std::string GetString(const json::object& root, std::string_view dotted, std::string fallback = "");
/// The integer at a dotted path, or `fallback` when absent or not an integer.
int64_t GetInt(const json::value& root, std::string_view dotted, int64_t fallback = 0);
int64_t GetInt(const json::object& root, std::string_view dotted, int64_t fallback = 0);
/// The object under `key`, created (or replaced, if not an object) as needed.
json::object& Obj(json::object& parent, std::string_view key);
/// The array under `key`, created (or replaced, if not an array) as needed.
json::array& Arr(json::object& parent, std::string_view key);

/// Serialization with object keys sorted at every level: equal documents
/// give equal strings whatever the insertion order (hashing, comparisons).
std::string Canonical(const json::value& v);

/// Current wall time as RFC 3339 with seconds ("2026-05-01T10:00:00Z"), the
/// precision Kubernetes uses for metav1.Time.
std::string NowRfc3339();
/// Seconds since the epoch of an RFC 3339 timestamp, or 0 when unparsable.
int64_t ParseRfc3339(std::string_view text);
/// Lowercase hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);
/// A random RFC 4122 version-4 UUID string.
std::string NewUid();
/// `n` random characters from the alphabet Kubernetes uses for generated names.
std::string RandomSuffix(int n);

}  // namespace slipway::sandbox::k8s
