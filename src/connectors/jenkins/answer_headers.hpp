#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "connectors/jenkins.hpp"
#include "core/common/error.hpp"

// What Slipway reads from Jenkins' answer headers, strictly: a number that
// does not parse is an error, never 0 or whatever atoll makes of it.

namespace slipway::connectors::jenkins {

/// The console piece of a `logText/progressiveText` answer
/// (protocols/jenkins.md): `body` is the text from the requested offset,
/// `text_size` the X-Text-Size header (the offset to pass next), `more_data`
/// the X-More-Data header ("true" while the build writes). kTransient when
/// X-Text-Size is missing or not a decimal offset below 2^63: the next read
/// would start at a made-up offset and the stored log would skip or repeat.
core::Result<JenkinsConsoleChunk> ConsoleAnswer(std::string body,
                                                std::optional<std::string_view> text_size,
                                                std::optional<std::string_view> more_data);

/// The queue item id of a build request's `Location` header
/// ("https://ci/queue/item/17/" → 17): the decimal after the last
/// "queue/item/", positive, optionally followed by '/'. nullopt otherwise.
std::optional<std::int64_t> QueueItemOfLocation(std::string_view location);

}  // namespace slipway::connectors::jenkins
