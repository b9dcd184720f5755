#pragma once
#include <string>
#include <string_view>

namespace slipway::connectors::gitlab {

/// A 40-hex commit SHA derived from `seed` (sha256, truncated): the fake and
/// the emulator give commits stable, realistic-looking ids.
std::string CommitShaFor(std::string_view seed);

}  // namespace slipway::connectors::gitlab
