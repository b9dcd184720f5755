#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "core/common/error.hpp"

namespace slipway::core {

/// Reads typed fields from a JSON request body and remembers the first
/// problem as an `invalid` error naming the field and the rule it broke.
/// Absent optional fields (or null) read as nullopt.
class FieldReader {
 public:
  /// `prefix` names the object inside the body in errors ("ports[0].").
  explicit FieldReader(const boost::json::object& object, std::string prefix = "")
      : object_(object), prefix_(std::move(prefix)) {}

  /// A one-line string: any control character (CR, LF, tab, NUL…) fails.
  std::optional<std::string> String(const char* key, std::size_t max_length, bool required = false);
  /// Free text that may span lines (descriptions, comments, file content):
  /// tabs and line breaks pass, other control characters (NUL…) fail.
  std::optional<std::string> Text(const char* key, std::size_t max_length, bool required = false);
  std::optional<std::int64_t> Int(const char* key, std::int64_t min, std::int64_t max,
                                  bool required = false);
  std::optional<bool> Bool(const char* key, bool required = false);
  bool Has(const char* key) const;

  /// Records a custom rule violation for `field` (kept only if it is the first).
  void Fail(const std::string& field, const std::string& rule);
  /// Fails on the first key that is not in `known` (typos must not pass silently).
  void RejectUnknown(std::span<const std::string_view> known);
  void RejectUnknown(std::initializer_list<std::string_view> known) {
    RejectUnknown(std::span<const std::string_view>(known.begin(), known.size()));
  }
  /// The prefixed name of `field`, as errors name it.
  std::string Path(const std::string& field) const { return prefix_ + field; }
  /// Takes over the first error of a nested reader.
  void Absorb(const FieldReader& nested);

  bool ok() const { return !error_; }
  const Error& error() const { return *error_; }

 private:
  const boost::json::value* Lookup(const char* key, bool required);
  std::optional<std::string> ReadString(const char* key, std::size_t max_length, bool required,
                                        bool multi_line);
  const boost::json::object& object_;
  std::string prefix_;
  std::optional<Error> error_;
};

}  // namespace slipway::core
