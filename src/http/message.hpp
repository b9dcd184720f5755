#pragma once
#include <boost/json/value.hpp>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
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
  std::map<std::string, std::string> headers;              ///< names lower-cased
  std::string body;
  std::string remote_address;
  std::string request_id;
  bool secure = false;  ///< arrived over TLS (directly or per X-Forwarded-Proto)

  /// Header value by lower-case name, or "".
  std::string_view Header(const std::string& lower_name) const;
  /// First query parameter with this name.
  std::optional<std::string> Query(std::string_view name) const;
};

/// A response body produced piece by piece: watch streams, Server-Sent
/// Events. The server polls it from a network thread, so Poll must not block;
/// it sends every piece as an HTTP chunk as soon as it is available.
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  /// The next piece if one is ready. Sets `done` when the body has ended.
  virtual std::optional<std::string> Poll(bool& done) = 0;
};

/// A BodyStream fed by other threads. Producers keep a weak_ptr: when the
/// client goes away the server drops the stream and Push becomes a no-op.
class QueueStream final : public BodyStream {
 public:
  void Push(std::string piece);
  void Close();
  std::optional<std::string> Poll(bool& done) override;

 private:
  std::mutex mutex_;
  std::deque<std::string> pieces_;
  bool closed_ = false;
};

/// A complete response. `route` is the matched route pattern, used as the
/// metrics label (never the raw path, which would explode cardinality).
struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string route = "unmatched";
  /// When set, `body` is ignored and the body is streamed (chunked) from it;
  /// the connection closes when the stream ends.
  std::shared_ptr<BodyStream> stream;

  /// `body` serialized; bytes in it that are not UTF-8 become U+FFFD.
  static Response Json(int status, const boost::json::value& body);
  static Response NoContent();
  static Response Text(int status, std::string body,
                       std::string content_type = "text/plain; charset=utf-8");
};

}  // namespace slipway::http
