#include "store/postgres/placeholders.hpp"

#include <algorithm>

namespace slipway::store::postgres {

namespace {

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// Each Skip* takes the index of the opening character and returns the index
// just past the construct (or the end of the text when it is unterminated).

std::size_t SkipQuoted(std::string_view sql, std::size_t i, char quote, bool backslash_escapes) {
  for (++i; i < sql.size(); ++i) {
    if (backslash_escapes && sql[i] == '\\') {
      ++i;
    } else if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        ++i;  // a doubled quote stands for itself
      } else {
        return i + 1;
      }
    }
  }
  return sql.size();
}

std::size_t SkipBlockComment(std::string_view sql, std::size_t i) {
  int depth = 0;  // PostgreSQL block comments nest
  while (i < sql.size()) {
    if (sql.compare(i, 2, "/*") == 0) {
      ++depth;
      i += 2;
    } else if (sql.compare(i, 2, "*/") == 0) {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return sql.size();
}

// Returns `i` unchanged when the `$` does not open a dollar quote ($1, a$b).
std::size_t SkipDollarQuoted(std::string_view sql, std::size_t i) {
  std::size_t end = i + 1;
  if (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') return i;
  while (end < sql.size() && sql[end] != '$' && IsIdentChar(sql[end])) ++end;
  if (end >= sql.size() || sql[end] != '$') return i;
  std::string_view tag = sql.substr(i, end - i + 1);
  std::size_t close = sql.find(tag, end + 1);
  return close == std::string_view::npos ? sql.size() : close + tag.size();
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    const bool after_ident = i > 0 && IsIdentChar(sql[i - 1]);
    std::size_t end = i + 1;
    if (c == '?') {
      out += '$';
      out += std::to_string(next++);
      ++i;
      continue;
    }
    if (c == '\'') {
      // E'…' allows backslash escapes; the E is already copied.
      bool escapes =
          i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && !(i > 1 && IsIdentChar(sql[i - 2]));
      end = SkipQuoted(sql, i, '\'', escapes);
    } else if (c == '"') {
      end = SkipQuoted(sql, i, '"', false);
    } else if (c == '-' && sql.compare(i, 2, "--") == 0) {
      end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size();
    } else if (c == '/' && sql.compare(i, 2, "/*") == 0) {
      end = SkipBlockComment(sql, i);
    } else if (c == '$' && !after_ident) {
      end = std::max(SkipDollarQuoted(sql, i), i + 1);
    }
    out.append(sql.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace slipway::store::postgres
