#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace slipway::core {

/// Reads typed fields from a JSON request body and remembers the first
/// problem as an `invalid` error naming the field and the rule it broke.
/// Absent optional fields (or null) read as nullopt.
class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& object) : object_(object) {}

  std::optional<std::string> String(const char* key, std::size_t max_length, bool required = false);
  std::optional<std::int64_t> Int(const char* key, std::int64_t min, std::int64_t max,
                                  bool required = false);
  std::optional<bool> Bool(const char* key, bool required = false);
  bool Has(const char* key) const;

  /// Records a custom rule violation for `field` (kept only if it is the first).
  void Fail(const std::string& field, const std::string& rule);

  bool ok() const { return !error_; }
  const Error& error() const { return *error_; }

 private:
  const boost::json::value* Lookup(const char* key, bool required);
  const boost::json::object& object_;
  std::optional<Error> error_;
};

}  // namespace slipway::core
