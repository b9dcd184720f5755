#include "connectors/jenkins/answer_headers.hpp"

#include <charconv>
#include <cstdint>

namespace slipway::connectors::jenkins {

namespace {

// A non-negative decimal that fits 63 bits, and nothing else (no sign, no space).
std::optional<std::int64_t> Offset(std::string_view text) {
  std::int64_t value = 0;
  if (text.empty() || text.front() == '-') return std::nullopt;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || stop != end) return std::nullopt;
  return value;
}

}  // namespace

core::Result<JenkinsConsoleChunk> ConsoleAnswer(std::string body,
                                                std::optional<std::string_view> text_size,
                                                std::optional<std::string_view> more_data) {
  const auto next = text_size ? Offset(*text_size) : std::nullopt;
  if (!next) {
    return core::Error{core::Code::kTransient,
                       "jenkins: console answer without a usable X-Text-Size (" +
                           std::string(text_size ? "\"" + std::string(*text_size) + "\"" : "none") +
                           ")",
                       {}};
  }
  return JenkinsConsoleChunk{
      .text = std::move(body), .next_start = *next, .more = more_data == "true"};
}

std::optional<std::int64_t> QueueItemOfLocation(std::string_view location) {
  const auto at = location.rfind("queue/item/");
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view id = location.substr(at + 11);
  if (id.ends_with('/')) id.remove_suffix(1);
  const auto value = Offset(id);
  if (!value || *value == 0) return std::nullopt;
  return value;
}

}  // namespace slipway::connectors::jenkins
