#include "http/request_framing.hpp"

#include "core/common/ascii_text.hpp"

namespace slipway::http {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

void HeaderScanner::Scan(std::string_view bytes) {
  if (ready_) return;
  // RFC 9112 §2.2: empty lines before the request line are ignored.
  while (!started_ && bytes.size() >= start_ + 2) {
    if (bytes.substr(start_, 2) == "\r\n") {
      start_ += 2;
    } else {
      started_ = true;
      next_ = start_;
    }
  }
  for (; started_ && next_ < bytes.size(); ++next_) {
    if (bytes[next_] != '\n') continue;
    if (next_ == start_ || bytes[next_ - 1] != '\r') {
      ready_ = true;  // a bare LF: the parser refuses it
      return;
    }
    if (next_ + 2 >= bytes.size()) break;  // look again when the next line has begun
    if (bytes[next_ + 1] == ' ' || bytes[next_ + 1] == '\t') obs_fold_ = true;
    if (bytes[next_ + 1] == '\r' && bytes[next_ + 2] == '\n') {
      ready_ = true;
      return;
    }
  }
  ready_ = bytes.size() > limit_;
}

std::optional<FramingRefusal> CheckFraming(unsigned version,
                                           const std::vector<std::string_view>& transfer_encodings,
                                           std::size_t host_lines) {
  if (!transfer_encodings.empty()) {
    if (version < 11) {
      // §6.1: the framing of an HTTP/1.0 message with Transfer-Encoding is faulty.
      return FramingRefusal{400, "invalid",
                            "Transfer-Encoding is not allowed in an HTTP/1.0 request"};
    }
    // Several lines form one list (RFC 9110 §5.3); anything but a single
    // `chunked` is a coding this server does not implement.
    std::string codings;
    for (auto line : transfer_encodings)
      codings += (codings.empty() ? "" : ", ") + std::string(Trim(line));
    if (!core::EqualsIgnoreCase(codings, "chunked")) {
      return FramingRefusal{501, "not_implemented",
                            "Transfer-Encoding '" + codings +
                                "' is not supported: send the body with "
                                "Content-Length or Transfer-Encoding: chunked"};
    }
  }
  if (host_lines > 1)
    return FramingRefusal{400, "invalid", "the request has more than one Host header"};
  if (host_lines == 0 && version >= 11) {
    return FramingRefusal{400, "invalid", "an HTTP/1.1 request must have a Host header"};
  }
  return std::nullopt;
}

}  // namespace slipway::http
