#include "core/common/field_reader.hpp"

#include <boost/json/value.hpp>

#include "core/common/text_rules.hpp"

namespace slipway::core {

void FieldReader::Fail(const std::string& field, const std::string& rule) {
  if (error_) return;
  std::string path = Path(field);
  error_ = Invalid(path + " " + rule, {{"field", path}, {"rule", rule}});
}

void FieldReader::RejectUnknown(std::span<const std::string_view> known) {
  for (const auto& [key, value] : object_) {
    bool found = false;
    for (auto k : known) found = found || k == key;
    if (!found) {
      Fail(std::string(key), "is not a known field");
      return;
    }
  }
}

void FieldReader::Absorb(const FieldReader& nested) {
  if (!error_ && nested.error_) error_ = nested.error_;
}

bool FieldReader::Has(const char* key) const {
  const auto* v = object_.if_contains(key);
  return v && !v->is_null();
}

const boost::json::value* FieldReader::Lookup(const char* key, bool required) {
  const auto* v = object_.if_contains(key);
  if (!v || v->is_null()) {
    if (required) Fail(key, "is required");
    return nullptr;
  }
  return v;
}

std::optional<std::string> FieldReader::String(const char* key, std::size_t max_length,
                                               bool required) {
  return ReadString(key, max_length, required, false);
}

std::optional<std::string> FieldReader::Text(const char* key, std::size_t max_length,
                                             bool required) {
  return ReadString(key, max_length, required, true);
}

std::optional<std::string> FieldReader::ReadString(const char* key, std::size_t max_length,
                                                   bool required, bool multi_line) {
  const auto* v = Lookup(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Fail(key, "must be a string");
    return std::nullopt;
  }
  const auto& s = v->as_string();
  if (s.size() > max_length) {
    Fail(key, "must be at most " + std::to_string(max_length) + " characters");
    return std::nullopt;
  }
  if (required && s.empty()) {
    Fail(key, "must not be empty");
    return std::nullopt;
  }
  const std::string_view text(s.data(), s.size());
  if (auto rule = multi_line ? CheckMultiLine(text) : CheckSingleLine(text)) {
    Fail(key, *rule);
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<std::int64_t> FieldReader::Int(const char* key, std::int64_t min, std::int64_t max,
                                             bool required) {
  const auto* v = Lookup(key, required);
  if (!v) return std::nullopt;
  if (!v->is_int64() && !v->is_uint64()) {
    Fail(key, "must be an integer");
    return std::nullopt;
  }
  if (v->is_uint64() && v->as_uint64() > static_cast<std::uint64_t>(max)) {
    Fail(key, "must be at most " + std::to_string(max));
    return std::nullopt;
  }
  std::int64_t n = v->is_int64() ? v->as_int64() : static_cast<std::int64_t>(v->as_uint64());
  if (n < min || n > max) {
    Fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> FieldReader::Bool(const char* key, bool required) {
  const auto* v = Lookup(key, required);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    Fail(key, "must be true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

}  // namespace slipway::core
