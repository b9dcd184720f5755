#include "app/log_format.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "core/common/rfc3339.hpp"
#include "core/common/utf8.hpp"

namespace slipway::app {

namespace {

void AppendEscaped(std::string& out, unsigned char byte) {
  char buf[5];
  std::snprintf(buf, sizeof buf, "\\x%02x", byte);
  out += buf;
}

std::string OrDash(std::string text) { return text.empty() ? "-" : text; }

}  // namespace

std::string LogText(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte == '\\') {
      out += "\\\\";
      ++i;
    } else if (byte < 0x20 || byte == 0x7f) {
      AppendEscaped(out, byte);
      ++i;
    } else if (byte < 0x80) {
      out += static_cast<char>(byte);
      ++i;
    } else {
      bool complete = true;
      const std::size_t n = core::Utf8SequenceAt(bytes.substr(i), complete);
      if (n == 0 || !complete) {
        AppendEscaped(out, byte);
        ++i;
      } else {
        out.append(bytes.substr(i, n));
        i += n;
      }
    }
  }
  return out;
}

std::string AccessLine(const http::Request& req, const http::Response& res, double seconds,
                       bool json) {
  if (json) {
    boost::json::object line{{"time", std::time(nullptr)},
                             {"request_id", LogText(req.request_id)},
                             {"remote", LogText(req.remote_address)},
                             {"method", LogText(req.method)},
                             {"path", LogText(req.path)},
                             {"target", LogText(req.target)},
                             {"route", res.route},
                             {"status", res.status},
                             {"bytes", res.body.size()},
                             {"ms", seconds * 1000}};
    return boost::json::serialize(line);
  }
  return fmt::format("{} {} {} {} {}B {:.2f}ms {}", LogText(req.remote_address),
                     OrDash(LogText(req.method)), OrDash(LogText(req.target)), res.status,
                     res.body.size(), seconds * 1000, LogText(req.request_id));
}

void JsonLogFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  const auto level = spdlog::level::to_string_view(msg.level);
  boost::json::object line{
      {"time", core::Rfc3339Millis(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       msg.time.time_since_epoch())
                                       .count())},
      {"level", std::string_view(level.data(), level.size())},
      {"logger",
       core::ToValidUtf8(std::string_view(msg.logger_name.data(), msg.logger_name.size()))},
      {"message", core::ToValidUtf8(std::string_view(msg.payload.data(), msg.payload.size()))}};
  const std::string text = boost::json::serialize(line) + "\n";
  dest.append(text.data(), text.data() + text.size());
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const {
  return std::make_unique<JsonLogFormatter>();
}

}  // namespace slipway::app
