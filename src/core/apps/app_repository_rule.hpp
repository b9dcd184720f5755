#pragma once
// Which repository address an application of a type may have.
#include <optional>
#include <string>

#include "core/apps/app.hpp"
#include "core/common/error.hpp"

namespace slipway::core {

/// Self-developed applications need an http(s)://, ssh:// or git@ address;
/// empty applications have none; commercial ones may. The error names
/// repo_url.
std::optional<Error> CheckRepoUrlFor(AppType type, const std::string& repo_url);

}  // namespace slipway::core
