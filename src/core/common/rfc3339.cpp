#include "core/common/rfc3339.hpp"

#include <chrono>
#include <cstdio>

namespace slipway::core {
namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::milliseconds;
using std::chrono::sys_days;

// Calendar arithmetic on the proleptic Gregorian calendar, without the C
// library's time zone state (gmtime_r and timegm read TZ).
std::string Format(Millis at, bool with_millis) {
  const auto instant = std::chrono::sys_time<milliseconds>(milliseconds(at));
  const auto day = floor<days>(instant);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss time(instant - day);
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d",
                        static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                        static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                        static_cast<int>(time.minutes().count()),
                        static_cast<int>(time.seconds().count()));
  if (with_millis) {
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n), ".%03d",
                       static_cast<int>(time.subseconds().count()));
  }
  return std::string(buf, static_cast<size_t>(n)) + "Z";
}

// Reads `width` digits at `pos`, advancing it; nullopt unless all are digits.
std::optional<int> Digits(std::string_view text, size_t& pos, size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool Expect(std::string_view text, size_t& pos, std::string_view one_of) {
  if (pos >= text.size() || one_of.find(text[pos]) == std::string_view::npos) return false;
  ++pos;
  return true;
}

}  // namespace

std::string Rfc3339Seconds(Millis at) { return Format(at, false); }

std::string Rfc3339Millis(Millis at) { return Format(at, true); }

std::optional<Millis> ParseRfc3339(std::string_view text) {
  size_t pos = 0;
  auto year = Digits(text, pos, 4);
  if (!year || !Expect(text, pos, "-")) return std::nullopt;
  auto month = Digits(text, pos, 2);
  if (!month || !Expect(text, pos, "-")) return std::nullopt;
  auto day = Digits(text, pos, 2);
  if (!day || !Expect(text, pos, "Tt")) return std::nullopt;
  auto hour = Digits(text, pos, 2);
  if (!hour || !Expect(text, pos, ":")) return std::nullopt;
  auto minute = Digits(text, pos, 2);
  if (!minute || !Expect(text, pos, ":")) return std::nullopt;
  auto second = Digits(text, pos, 2);
  if (!second) return std::nullopt;
  int millis = 0;
  if (Expect(text, pos, ".")) {
    const size_t start = pos;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      if (pos - start < 3) millis = millis * 10 + (text[pos] - '0');
    }
    if (pos == start) return std::nullopt;
    for (size_t kept = pos - start; kept < 3; ++kept) millis *= 10;
  }
  int offset_minutes = 0;
  if (!Expect(text, pos, "Zz")) {
    if (pos >= text.size()) return std::nullopt;
    const int sign = text[pos] == '-' ? -1 : 1;
    if (!Expect(text, pos, "+-")) return std::nullopt;
    auto offset_hours = Digits(text, pos, 2);
    if (!offset_hours || !Expect(text, pos, ":")) return std::nullopt;
    auto offset_mins = Digits(text, pos, 2);
    if (!offset_mins || *offset_hours > 23 || *offset_mins > 59) return std::nullopt;
    offset_minutes = sign * (*offset_hours * 60 + *offset_mins);
  }
  if (pos != text.size()) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  // 60: a leap second, which Unix time folds into the next.
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  const auto local = sys_days(date) + std::chrono::hours(*hour) + std::chrono::minutes(*minute) +
                     std::chrono::seconds(*second) + milliseconds(millis);
  return (local - std::chrono::minutes(offset_minutes)).time_since_epoch().count();
}

}  // namespace slipway::core
