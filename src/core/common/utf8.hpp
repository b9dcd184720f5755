#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace slipway::core {

/// Length of the UTF-8 sequence starting at `bytes[0]` (1..4), or 0 when no
/// valid sequence starts there (overlong forms, surrogates and code points
/// above U+10FFFF are invalid). `complete` tells whether all its bytes are
/// present; a sequence cut short by the end of `bytes` still has its length.
std::size_t Utf8SequenceAt(std::string_view bytes, bool& complete);

bool IsValidUtf8(std::string_view bytes);

/// `bytes` with every byte that is not part of a valid UTF-8 sequence
/// replaced by U+FFFD, so the text can go into JSON (RFC 8259 §8.1).
std::string ToValidUtf8(std::string_view bytes);

}  // namespace slipway::core
