#include "sandbox/kubernetes/status_errors.hpp"

#include "connectors/kubernetes/errors.hpp"
#include "core/common/json_path.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

ApiError ApiErrorFrom(const core::Error& error) {
  auto status = connectors::kube::StatusObjectFromError(error);
  const auto* details = status.if_contains("details");
  return ApiError(static_cast<int>(core::IntAt(status, {"code"})),
                  core::StringAt(status, {"reason"}), core::StringAt(status, {"message"}),
                  details && details->is_object() ? details->as_object() : json::object());
}

ApiError NotFound(const ResourceType& type, const std::string& name) {
  return ApiErrorFrom(model::NotFoundError(type, name));
}

ApiError AlreadyExists(const ResourceType& type, const std::string& name) {
  return ApiErrorFrom(model::AlreadyExistsError(type, name));
}

ApiError Conflict(const ResourceType& type, const std::string& name) {
  return ApiErrorFrom(model::ConflictError(type, name));
}

ApiError Conflict(const ResourceType& type, const std::string& name, const std::string& why) {
  return ApiErrorFrom(model::ConflictError(type, name, why));
}

ApiError Invalid(const ResourceType& type, const std::string& name,
                 const std::vector<Cause>& causes) {
  return ApiErrorFrom(model::InvalidError(type, name, causes));
}

}  // namespace slipway::sandbox::kube
