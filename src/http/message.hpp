#pragma once
#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace slipway::http {

/// An HTTP request as handlers see it: parsed, complete, independent of Beast.
struct Request {
  std::string method;  ///< "GET", "POST", …
  std::string target;  ///< raw request target, e.g. "/api/v1/apps?limit=5"
  std::string path;    ///< decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;  ///< decoded, in order
  std::map<std::string, std::string> headers;               ///< names lower-cased
  std::string body;
  std::string remote_address;
  std::string request_id;
  bool secure = false;  ///< arrived over TLS (directly or per X-Forwarded-Proto)

  /// Header value by lower-case name, or "".
  std::string_view Header(const std::string& lower_name) const;
  /// First query parameter with this name.
  std::optional<std::string> Query(std::string_view name) const;
};

/// A complete response. `route` is the matched route pattern, used as the
/// metrics label (never the raw path, which would explode cardinality).
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string route = "unmatched";

  static Response Json(int status, const boost::json::value& body);
  static Response NoContent();
  static Response Text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
};

}  // namespace slipway::http
