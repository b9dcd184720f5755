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

/// One entry of `details.causes` in a 422 Invalid.
struct Cause {
  std::string reason;   ///< FieldValueRequired, FieldValueInvalid, …
  std::string field;    ///< "spec.selector"
  std::string message;  ///< "Required value", "Invalid value: …"
};

/// `<plural>[.<group>]` as apiserver messages name a resource ("deployments.apps").
std::string QualifiedResource(const ResourceType& type);
/// `details` naming an object: {name, group?, kind: plural}.
boost::json::object Details(const ResourceType& type, const std::string& name);

ApiError NotFound(const ResourceType& type, const std::string& name);
ApiError AlreadyExists(const ResourceType& type, const std::string& name);
/// 409 Conflict for a stale resourceVersion or failed precondition.
ApiError Conflict(const ResourceType& type, const std::string& name,
                  const std::string& why =
                      "the object has been modified; please apply your "
                      "changes to the latest version and try again");
/// 422 Invalid with its causes; the message lists them as the apiserver does.
ApiError Invalid(const ResourceType& type, const std::string& name,
                 const std::vector<Cause>& causes);
ApiError BadRequest(const std::string& message);
ApiError MethodNotAllowed(const std::string& message);
/// 404 for a path that names no resource ("the server could not find the requested resource").
ApiError NoSuchPath();
/// 403 for a write into a namespace that is being deleted.
ApiError NamespaceTerminating(const ResourceType& type, const std::string& name,
                              const std::string& ns);
ApiError Unauthorized();
ApiError UnsupportedMediaType(const std::string& content_type);
/// The Status of a 410 Expired (too old resourceVersion / continue token).
ApiError Expired(const std::string& message);

}  // namespace slipway::sandbox::kube
