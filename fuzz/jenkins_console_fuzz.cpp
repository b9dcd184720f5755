// The Jenkins console reader (core/builds/build_console): console bytes as
// Jenkins sends them, from a build script anyone with push access writes.
// The first line is also tried as a GIT_COMMIT build parameter. Properties:
// a reported commit is 7-64 lower-case hex digits, the error line is one
// line starting "ERROR:", a chunk keeps all but at most an incomplete UTF-8
// tail, stored text is valid UTF-8 without NUL, and the log cap keeps a
// whole-character prefix (the first byte is the cap).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/builds/build_console.hpp"
#include "core/common/utf8.hpp"
#include "fuzz_check.hpp"

namespace {

void CheckCommit(const std::optional<std::string>& sha) {
  if (!sha) return;
  FUZZ_CHECK(sha->size() >= 7 && sha->size() <= 64, "a commit of the wrong length");
  for (char c : *sha) {
    FUZZ_CHECK((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'),
               "a commit that is not lower-case hex");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view console(reinterpret_cast<const char*>(data), size);
  CheckCommit(slipway::core::FindReportedCommit(console, {}));
  const std::map<std::string, std::string> parameters{
      {"GIT_COMMIT", std::string(console.substr(0, console.find('\n')))}};
  CheckCommit(slipway::core::FindReportedCommit(console, parameters));

  if (auto line = slipway::core::LastErrorLine(console)) {
    FUZZ_CHECK(line->starts_with("ERROR:"), "the error line does not start with ERROR:");
    FUZZ_CHECK(line->find('\n') == std::string::npos, "the error line spans lines");
  }

  const std::size_t keep = slipway::core::CompleteUtf8Prefix(console);
  FUZZ_CHECK(keep <= console.size() && console.size() - keep < 4, "a chunk holds back too much");

  const std::string text = slipway::core::ConsoleText(console);
  FUZZ_CHECK(slipway::core::IsValidUtf8(text), "stored console text is not UTF-8");
  FUZZ_CHECK(text.find('\0') == std::string::npos, "stored console text holds a NUL");
  if (slipway::core::IsValidUtf8(console) && console.find('\0') == std::string_view::npos) {
    FUZZ_CHECK(text == console, "valid console text was changed");
  }

  // The log cap (builds.log_max_bytes), small so that pieces reach it: the
  // stored part is a prefix of the piece, within the room left, cut between
  // characters.
  const std::int64_t cap = size > 0 ? data[0] : 0;
  for (std::int64_t stored : {std::int64_t{0}, cap / 2, cap}) {
    const std::string kept = slipway::core::CappedConsolePiece(stored, text, cap);
    if (stored >= cap) {
      FUZZ_CHECK(kept.empty(), "a piece stored past the cap");
    } else if (stored + static_cast<std::int64_t>(text.size()) <= cap) {
      FUZZ_CHECK(kept == text, "a piece under the cap was changed");
    } else {
      const std::size_t prefix = slipway::core::CompleteUtf8Prefix(
          std::string_view(text).substr(0, static_cast<std::size_t>(cap - stored)));
      FUZZ_CHECK(kept.compare(0, prefix, text, 0, prefix) == 0 && kept.size() > prefix,
                 "a capped piece is not the text's start and a note");
      FUZZ_CHECK(slipway::core::IsValidUtf8(kept), "a capped piece cuts a character");
    }
  }
  return 0;
}
