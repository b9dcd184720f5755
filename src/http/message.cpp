#include "http/message.hpp"

#include <boost/json/serialize.hpp>

#include "core/common/utf8.hpp"

namespace slipway::http {

std::string_view Request::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string_view() : std::string_view(it->second);
}

std::optional<std::string> Request::Query(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

void QueueStream::Push(std::string piece) {
  std::lock_guard lock(mutex_);
  if (!closed_) pieces_.push_back(std::move(piece));
}

void QueueStream::Close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
}

std::optional<std::string> QueueStream::Poll(bool& done) {
  std::lock_guard lock(mutex_);
  if (pieces_.empty()) {
    done = closed_;
    return std::nullopt;
  }
  std::string piece = std::move(pieces_.front());
  pieces_.pop_front();
  done = false;
  return piece;
}

Response Response::Json(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  // Strings may carry bytes from the request (a decoded path like %ff%fe);
  // JSON must be UTF-8 (RFC 8259 §8.1), so those bytes become U+FFFD.
  if (!core::IsValidUtf8(r.body)) r.body = core::ToValidUtf8(r.body);
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Response::Text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

}  // namespace slipway::http
