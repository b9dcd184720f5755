#pragma once
// How log lines are written. Everything a request brings (its path, method,
// header values) is escaped before it reaches a line, and JSON lines are
// written with a JSON writer, so no input can break a line, forge another,
// or put invalid UTF-8 into it.
#include <spdlog/formatter.h>

#include <memory>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace slipway::app {

/// `bytes` for a log: valid UTF-8 text is kept; control characters, bytes
/// that are not UTF-8, and the backslash are written as \xNN (the backslash
/// as \\), so the original bytes can be read back.
std::string LogText(std::string_view bytes);

/// One access-log line for a request and its answer: a JSON object, or the
/// text form "REMOTE METHOD TARGET STATUS BYTESB MSms REQUEST-ID".
std::string AccessLine(const http::Request& request, const http::Response& response, double seconds,
                       bool json);

/// spdlog's JSON lines: {"time","level","logger","message"} per record,
/// written with a JSON writer (a pattern would break on a `"` or a newline
/// in the message).
class JsonLogFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

}  // namespace slipway::app
