#include "sandbox/jenkins/jenkins_util.hpp"

#include <cctype>
#include <chrono>

namespace slipway::sandbox::jenkins {

namespace {

std::string Decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() &&
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

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

}  // namespace

http::Response HtmlError(int status, std::string_view message, bool x_error) {
  std::string m = HtmlEscape(message);
  auto r = http::Response::Text(status,
                                "<html><head><title>Error " + std::to_string(status) + " " + m +
                                    "</title></head><body><h2>HTTP ERROR " +
                                    std::to_string(status) + " " + m + "</h2></body></html>\n",
                                "text/html;charset=utf-8");
  if (x_error) r.headers.emplace_back("X-Error", std::string(message));
  return r;
}

http::Response Redirect(int status, const std::string& location) {
  http::Response r;
  r.status = status;
  r.content_type.clear();
  r.headers.emplace_back("Location", location);
  return r;
}

std::string Origin(const http::Request& request) {
  std::string host(request.Header("host"));
  return (request.secure ? "https://" : "http://") +
         (host.empty() ? std::string("127.0.0.1") : host);
}

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<std::pair<std::string, std::string>> FormParameters(const http::Request& request) {
  std::vector<std::pair<std::string, std::string>> params(request.query.begin(),
                                                          request.query.end());
  if (request.Header("content-type").starts_with("application/x-www-form-urlencoded")) {
    std::string_view body = request.body;
    while (!body.empty()) {
      auto amp = body.find('&');
      std::string_view pair = body.substr(0, amp);
      auto eq = pair.find('=');
      if (!pair.empty()) {
        params.emplace_back(Decode(pair.substr(0, eq)),
                            eq == std::string_view::npos ? "" : Decode(pair.substr(eq + 1)));
      }
      body.remove_prefix(amp == std::string_view::npos ? body.size() : amp + 1);
    }
  }
  return params;
}

}  // namespace slipway::sandbox::jenkins
