#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace slipway::core {

/// Checks a Git branch name by the rules of `git check-ref-format --branch`
/// (no "..", no control characters, spaces or any of ~^:?*[\, no component
/// starting with '.' or ending with ".lock", no "@{", not "@", no leading '-'
/// or '/', no trailing '/' or '.', no "//"), at most 255 bytes. Returns the
/// rule broken, or nullopt when valid.
std::optional<std::string> CheckGitBranch(std::string_view branch);

}  // namespace slipway::core
