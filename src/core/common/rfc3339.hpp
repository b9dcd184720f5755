#pragma once
// RFC 3339 timestamps, the one text form of an instant Slipway writes and
// reads (API answers, logs, Kubernetes objects, webhook bodies). Always UTC
// ("Z") when written.
#include <optional>
#include <string>
#include <string_view>

#include "core/common/clock.hpp"

namespace slipway::core {

/// "2026-05-01T10:00:00Z": whole seconds, the precision of Kubernetes' metav1.Time.
std::string Rfc3339Seconds(Millis at);

/// "2026-05-01T10:00:00.123Z": with milliseconds.
std::string Rfc3339Millis(Millis at);

/// The instant of "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)" (the `T`
/// and `Z` in either case, the fraction cut to milliseconds); nullopt for
/// any other text, a zone missing, or a date or time out of range.
std::optional<Millis> ParseRfc3339(std::string_view text);

}  // namespace slipway::core
