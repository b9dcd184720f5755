#pragma once
#include <span>

#include "http/static_site.hpp"

namespace slipway::app {

/// The web console's built files (web/), compiled into the `slipway` binary
/// only: defined by the source web/scripts/embed.mjs generates at build time.
std::span<const http::StaticAsset> ConsoleAssets();

}  // namespace slipway::app
