#pragma once
// What people ask of configuration files, checked for form at the HTTP edge
// (http/handlers/config_input.cpp); the service checks the content against
// the file's format and the draft against the live value.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace slipway::services {

inline constexpr std::size_t kMaxConfigContentBytes = 1 << 20;
inline constexpr std::size_t kMaxPublishComment = 160;

struct SaveDraftCommand {
  std::string content;
  std::optional<std::int64_t> version;  ///< when given, the draft's current one
  bool rebase = false;                  ///< take the live version of now as the new base
};

struct PublishCommand {
  std::string comment;
};

/// Deleting a live file.
struct DeleteFileCommand {
  /// When given, the live version the caller saw: refused (409) if the file
  /// changed since. Without it, whatever is live now is deleted.
  std::optional<std::int64_t> version;
  std::string comment;
};

}  // namespace slipway::services
