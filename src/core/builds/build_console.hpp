#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace slipway::core {

/// The commit a build reports having built, if it does: a `GIT_COMMIT` or
/// `COMMIT` build parameter, else the last console line of the form
/// `Commit: <sha>` or the Git plugin's `Checking out Revision <sha>` (a
/// hexadecimal sha of 7 to 64 characters, returned lower-case).
std::optional<std::string> FindReportedCommit(std::string_view console,
                                              const std::map<std::string, std::string>& parameters);

/// The last console line starting with "ERROR:" (how Jenkins and its
/// plugins report why a build failed), without the trailing newline.
std::optional<std::string> LastErrorLine(std::string_view console);

/// How many bytes of a console chunk to keep while the build still writes:
/// all but an incomplete UTF-8 sequence at the end, which the next read
/// (starting at that byte) returns whole.
std::size_t CompleteUtf8Prefix(std::string_view bytes);

/// Console bytes as storable text: NUL bytes and invalid UTF-8 become U+FFFD
/// (PostgreSQL text holds neither).
std::string ConsoleText(std::string_view bytes);

/// What of a console piece to store when `stored` bytes are stored already
/// and at most about `cap` may be (builds.log_max_bytes): all of it below the
/// cap; the part that fits, cut between characters, and a note saying the
/// rest is in Jenkins, when the piece reaches it; nothing once it was reached.
std::string CappedConsolePiece(std::int64_t stored, std::string_view text, std::int64_t cap);

}  // namespace slipway::core
