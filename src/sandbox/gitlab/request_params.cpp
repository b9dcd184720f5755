#include "sandbox/gitlab/request_params.hpp"

#include <boost/json.hpp>

#include "sandbox/gitlab/gitlab_util.hpp"

namespace slipway::sandbox::gitlab {

std::map<std::string, std::string> Params(const http::Request& request) {
  std::map<std::string, std::string> params(request.query.begin(), request.query.end());
  boost::system::error_code ec;
  if (request.Header("content-type").starts_with("application/json")) {
    auto v = boost::json::parse(request.body, ec);
    if (!ec && v.is_object()) {
      for (const auto& [k, value] : v.as_object()) {
        params[std::string(k)] =
            value.is_string() ? std::string(value.as_string()) : boost::json::serialize(value);
      }
    }
  } else if (!request.body.empty()) {
    std::string_view body = request.body;
    while (!body.empty()) {
      auto amp = body.find('&');
      std::string_view pair = body.substr(0, amp);
      auto eq = pair.find('=');
      std::string value = eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1));
      for (auto& c : value) c = c == '+' ? ' ' : c;
      params[PercentDecode(pair.substr(0, eq))] = PercentDecode(value);
      body.remove_prefix(amp == std::string_view::npos ? body.size() : amp + 1);
    }
  }
  return params;
}

}  // namespace slipway::sandbox::gitlab
