#include "core/config/properties.hpp"

#include <cstdint>
#include <optional>

namespace slipway::core {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Splits into natural lines (\n, \r\n or \r), keeping their 1-based numbers.
std::vector<std::string_view> NaturalLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

bool EndsWithOddBackslashes(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[line.size() - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<std::uint32_t> Hex4(std::string_view s) {
  if (s.size() < 4) return std::nullopt;
  std::uint32_t v = 0;
  for (char c : s.substr(0, 4)) {
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= static_cast<std::uint32_t>(c - 'A' + 10);
    else
      return std::nullopt;
  }
  return v;
}

Error LineError(int line, const std::string& what) {
  return Invalid("line " + std::to_string(line) + ": " + what,
                 {{"field", "content"}, {"line", line}});
}

// Unescapes a key or value; `\uXXXX` pairs of UTF-16 surrogates become one code point.
Result<std::string> Unescape(std::string_view s, int line) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        auto cp = Hex4(s.substr(i + 1));
        if (!cp) return LineError(line, "\\u must be followed by four hex digits");
        i += 4;
        if (*cp >= 0xD800 && *cp < 0xDC00 && s.substr(i + 1, 2) == "\\u") {
          if (auto low = Hex4(s.substr(i + 3)); low && *low >= 0xDC00 && *low < 0xE000) {
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
            i += 6;
          }
        }
        AppendUtf8(out, *cp);
        break;
      }
      default:
        out += c;
    }
  }
  return out;
}

// Where the key ends: the first unescaped '=' or ':'; npos when there is none.
std::size_t SeparatorAt(std::string_view logical) {
  for (std::size_t i = 0; i < logical.size(); ++i) {
    if (logical[i] == '\\') {
      ++i;
    } else if (logical[i] == '=' || logical[i] == ':') {
      return i;
    }
  }
  return std::string_view::npos;
}

Result<Property> ParseEntry(std::string_view logical, int line) {
  auto sep = SeparatorAt(logical);
  if (sep == std::string_view::npos) return LineError(line, "expected key=value or key:value");
  // The key runs to its last character that is not unescaped whitespace;
  // unescaped whitespace before that would end the key in Java.
  std::size_t end = 0, space_at = std::string_view::npos;
  for (std::size_t i = 0; i < sep; ++i) {
    if (IsSpace(logical[i])) {
      if (space_at == std::string_view::npos) space_at = i;
      continue;
    }
    if (space_at != std::string_view::npos) {
      return LineError(line, "the key contains whitespace (escape it as '\\ ')");
    }
    if (logical[i] == '\\') ++i;
    end = i + 1;
  }
  std::string_view raw_key = logical.substr(0, end);
  if (raw_key.empty()) return LineError(line, "the key is empty");
  auto key = Unescape(raw_key, line);
  if (!key.ok()) return key.error();
  auto value = Unescape(TrimLeft(logical.substr(sep + 1)), line);
  if (!value.ok()) return value.error();
  return Property{std::move(*key), std::move(*value), line};
}

}  // namespace

Result<std::vector<Property>> ParseProperties(std::string_view text) {
  auto lines = NaturalLines(text);
  std::vector<Property> out;
  std::map<std::string, int, std::less<>> seen;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int first_line = static_cast<int>(i) + 1;
    std::string_view line = TrimLeft(lines[i]);
    if (line.empty() || line.front() == '#' || line.front() == '!') continue;
    std::string logical(line);
    while (EndsWithOddBackslashes(logical) && i + 1 < lines.size()) {
      logical.pop_back();
      logical += TrimLeft(lines[++i]);
    }
    if (EndsWithOddBackslashes(logical))
      logical.pop_back();  // a continuation at the end of the file
    auto entry = ParseEntry(logical, first_line);
    if (!entry.ok()) return entry.error();
    if (auto [at, fresh] = seen.emplace(entry->key, first_line); !fresh) {
      return LineError(first_line, "key " + entry->key + " is already set on line " +
                                       std::to_string(at->second));
    }
    out.push_back(std::move(*entry));
  }
  return out;
}

std::map<std::string, std::string> PropertiesMap(const std::vector<Property>& properties) {
  std::map<std::string, std::string> out;
  for (const auto& p : properties) out[p.key] = p.value;
  return out;
}

namespace {

void Escape(std::string& out, std::string_view s, bool is_key) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        // Keys must escape what would end them; a value only its leading
        // space (Java strips it) and a leading '#'/'!' is harmless there.
        if ((is_key && (c == '=' || c == ':' || c == ' ' || ((c == '#' || c == '!') && i == 0))) ||
            (!is_key && c == ' ' && i == 0)) {
          out += '\\';
        }
        out += c;
    }
  }
}

}  // namespace

std::string RenderProperties(const std::map<std::string, std::string>& properties) {
  std::string out;
  for (const auto& [key, value] : properties) {
    Escape(out, key, true);
    out += '=';
    Escape(out, value, false);
    out += '\n';
  }
  return out;
}

}  // namespace slipway::core
