#include "sandbox/gitlab/gitlab_util.hpp"

#include <boost/json.hpp>
#include <cctype>
#include <chrono>

#include "core/common/clock.hpp"
#include "core/common/rfc3339.hpp"

namespace slipway::sandbox::gitlab {

http::Response Message(int status, std::string_view message) {
  return http::Response::Json(status, boost::json::object{{"message", message}});
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool IsProjectPath(std::string_view path) {
  if (path.find('/') == std::string_view::npos) return false;
  std::size_t segment = 0;
  for (char c : path) {
    if (c == '/') {
      if (segment == 0) return false;
      segment = 0;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-') {
      ++segment;
    } else {
      return false;
    }
  }
  return segment > 0;
}

std::string NowIso() { return core::Rfc3339Millis(core::SystemClock().Now()); }

}  // namespace slipway::sandbox::gitlab
