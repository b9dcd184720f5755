#include "store/database.hpp"

#include <charconv>
#include <cmath>

namespace slipway::store {

namespace {

// Both drivers hand over text; a value that does not parse is a schema or
// query bug, so it fails loudly instead of reading as 0.
DbError BadValue(std::string_view type, const std::string& text) {
  return DbError("column value '" + text + "' is not " + std::string(type));
}

bool ParseDouble(const std::string& text, double& out) {
  // from_chars also reads inf/nan in the spellings of both databases ("Infinity", "NaN").
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

}  // namespace

Row::Row(std::shared_ptr<const std::vector<std::string>> names,
         std::vector<std::optional<std::string>> values)
    : names_(std::move(names)), values_(std::move(values)) {}

bool Row::IsNull(std::size_t i) const { return !values_.at(i).has_value(); }

std::int64_t Row::Int(std::size_t i) const {
  const auto& value = values_.at(i);
  if (!value) return 0;
  const std::string& text = *value;
  std::int64_t out = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  if (ec == std::errc() && ptr == end) return out;
  // An integral REAL (SQLite "3.0", PostgreSQL numeric "3.000") still reads as an integer.
  double real = 0;
  if (ParseDouble(text, real) && std::trunc(real) == real && real >= -9.2e18 && real <= 9.2e18) {
    return static_cast<std::int64_t>(real);
  }
  throw BadValue("an integer", text);
}

double Row::Real(std::size_t i) const {
  const auto& value = values_.at(i);
  if (!value) return 0;
  double out = 0;
  if (!ParseDouble(*value, out)) throw BadValue("a number", *value);
  return out;
}

bool Row::Bool(std::size_t i) const {
  const auto& value = values_.at(i);
  if (!value) return false;
  // PostgreSQL prints boolean expressions as t/f; stored flags are 0/1 integers.
  if (*value == "t" || *value == "true") return true;
  if (*value == "f" || *value == "false") return false;
  return Int(i) != 0;
}

const std::string& Row::Text(std::size_t i) const {
  static const std::string kEmpty;
  const auto& value = values_.at(i);
  return value ? *value : kEmpty;
}

std::optional<std::string> Row::OptText(std::size_t i) const { return values_.at(i); }

std::size_t Row::Index(std::string_view name) const {
  if (names_) {
    for (std::size_t i = 0; i < names_->size(); ++i) {
      if ((*names_)[i] == name) return i;
    }
  }
  throw DbError("no column named '" + std::string(name) + "' in the result");
}

std::optional<Row> Tx::QueryOne(std::string_view sql, const Params& params) {
  auto rows = Query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace slipway::store
