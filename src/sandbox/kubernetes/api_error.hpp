#pragma once
#include <boost/json.hpp>
#include <stdexcept>
#include <string>

#include "http/message.hpp"
#include "sandbox/kubernetes/resources.hpp"

namespace slipway::sandbox::kube {

/// A failed API call as the kube-apiserver reports it: an HTTP status and a
/// `kind: Status` body. Handlers throw it (the apiserver's own handlers
/// return a StatusError the same way, from any depth) and
/// KubernetesEmulator::Handle turns it into the response.
class ApiError : public std::runtime_error {
 public:
  ApiError(int code, std::string reason, std::string message, boost::json::object details = {});
  int code() const { return code_; }
  const std::string& reason() const { return reason_; }
  /// The Status object (`status: Failure`).
  boost::json::object ToStatus() const;
  http::Response ToResponse() const;

 private:
  int code_;
  std::string reason_;
  boost::json::object details_;
};

ApiError BadRequest(const std::string& message);
ApiError MethodNotAllowed(const std::string& message);
/// 404 for a path that names no resource ("the server could not find the requested resource").
ApiError NoSuchPath();
ApiError Unauthorized();
ApiError UnsupportedMediaType(const std::string& content_type);
/// The Status of a 410 Expired (too old resourceVersion / continue token).
ApiError Expired(const std::string& message);

}  // namespace slipway::sandbox::kube
