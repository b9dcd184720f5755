#include "core/builds/build_console.hpp"

#include <array>

#include "core/common/utf8.hpp"

namespace slipway::core {

namespace {

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The sha at the start of `text`, if one is there and ends at a word boundary.
std::optional<std::string> ShaAt(std::string_view text) {
  std::size_t n = 0;
  while (n < text.size() && IsHex(text[n])) ++n;
  if (n < 7 || n > 64 || (n < text.size() && text[n] != ' ' && text[n] != '\r'))
    return std::nullopt;
  std::string sha(text.substr(0, n));
  for (auto& c : sha) c = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
  return sha;
}

}  // namespace

std::optional<std::string> LastErrorLine(std::string_view console) {
  std::optional<std::string> found;
  std::size_t start = 0;
  while (start < console.size()) {
    auto end = console.find('\n', start);
    auto line =
        console.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (line.starts_with("ERROR:")) found = std::string(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return found;
}

std::size_t CompleteUtf8Prefix(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    bool complete = true;
    std::size_t n = Utf8SequenceAt(bytes.substr(i), complete);
    if (n == 0) {
      ++i;  // invalid: ConsoleText replaces it, nothing to wait for
    } else if (!complete) {
      return i;
    } else {
      i += n;
    }
  }
  return bytes.size();
}

std::string ConsoleText(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    bool complete = true;
    std::size_t n = Utf8SequenceAt(bytes.substr(i), complete);
    if (n == 0 || !complete || bytes[i] == '\0') {
      out += "\xef\xbf\xbd";  // U+FFFD
      ++i;
      continue;
    }
    out.append(bytes.substr(i, n));
    i += n;
  }
  return out;
}

std::optional<std::string> FindReportedCommit(
    std::string_view console, const std::map<std::string, std::string>& parameters) {
  for (const char* name : {"GIT_COMMIT", "COMMIT"}) {
    auto it = parameters.find(name);
    if (it != parameters.end()) {
      if (auto sha = ShaAt(it->second)) return sha;
    }
  }
  static constexpr std::array<std::string_view, 2> kPrefixes = {"Commit: ",
                                                                "Checking out Revision "};
  std::optional<std::string> found;
  std::size_t start = 0;
  while (start < console.size()) {
    auto end = console.find('\n', start);
    auto line =
        console.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    for (auto prefix : kPrefixes) {
      if (line.starts_with(prefix)) {
        if (auto sha = ShaAt(line.substr(prefix.size()))) found = sha;
      }
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return found;
}

std::string CappedConsolePiece(std::int64_t stored, std::string_view text, std::int64_t cap) {
  if (stored >= cap) return "";
  if (stored + static_cast<std::int64_t>(text.size()) <= cap) return std::string(text);
  const auto room = static_cast<std::size_t>(cap - stored);
  std::string piece(text.substr(0, CompleteUtf8Prefix(text.substr(0, room))));
  piece += "\n[Slipway keeps the first " + std::to_string(cap) +
           " bytes of a build's log (builds.log_max_bytes); the rest is in Jenkins]\n";
  return piece;
}

}  // namespace slipway::core
