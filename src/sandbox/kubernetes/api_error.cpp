#include "sandbox/kubernetes/api_error.hpp"

#include "sandbox/kubernetes/resources.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

ApiError::ApiError(int code, std::string reason, std::string message, json::object details)
    : std::runtime_error(std::move(message)),
      code_(code),
      reason_(std::move(reason)),
      details_(std::move(details)) {}

json::object ApiError::ToStatus() const {
  json::object s{{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", json::object()},
                 {"status", "Failure"}, {"message", what()},  {"reason", reason_}};
  if (!details_.empty()) s["details"] = details_;
  s["code"] = code_;
  return s;
}

http::Response ApiError::ToResponse() const { return http::Response::Json(code_, ToStatus()); }

std::string QualifiedResource(const ResourceType& type) {
  std::string out(type.plural);
  if (!type.group.empty()) out += "." + std::string(type.group);
  return out;
}

json::object Details(const ResourceType& type, const std::string& name) {
  json::object d;
  if (!name.empty()) d["name"] = name;
  if (!type.group.empty()) d["group"] = type.group;
  d["kind"] = type.plural;
  return d;
}

ApiError NotFound(const ResourceType& type, const std::string& name) {
  return ApiError(404, "NotFound", QualifiedResource(type) + " \"" + name + "\" not found",
                  Details(type, name));
}

ApiError AlreadyExists(const ResourceType& type, const std::string& name) {
  return ApiError(409, "AlreadyExists",
                  QualifiedResource(type) + " \"" + name + "\" already exists",
                  Details(type, name));
}

ApiError Conflict(const ResourceType& type, const std::string& name, const std::string& why) {
  return ApiError(
      409, "Conflict",
      "Operation cannot be fulfilled on " + QualifiedResource(type) + " \"" + name + "\": " + why,
      Details(type, name));
}

ApiError Invalid(const ResourceType& type, const std::string& name,
                 const std::vector<Cause>& causes) {
  // "Deployment.apps "web" is invalid: <field>: <message>" — several causes
  // are listed in brackets, as apimachinery's NewInvalid does.
  std::string kind(type.kind);
  if (!type.group.empty()) kind += "." + std::string(type.group);
  std::string list;
  json::array causes_json;
  for (const auto& c : causes) {
    if (!list.empty()) list += ", ";
    list += c.field + ": " + c.message;
    causes_json.push_back(
        json::object{{"reason", c.reason}, {"message", c.message}, {"field", c.field}});
  }
  if (causes.size() > 1) list = "[" + list + "]";
  json::object details;
  details["name"] = name;
  if (!type.group.empty()) details["group"] = type.group;
  details["kind"] = type.kind;
  details["causes"] = std::move(causes_json);
  return ApiError(422, "Invalid", kind + " \"" + name + "\" is invalid: " + list,
                  std::move(details));
}

ApiError BadRequest(const std::string& message) { return ApiError(400, "BadRequest", message); }

ApiError MethodNotAllowed(const std::string& message) {
  return ApiError(405, "MethodNotAllowed", message);
}

ApiError NoSuchPath() {
  return ApiError(404, "NotFound", "the server could not find the requested resource",
                  json::object{});
}

ApiError NamespaceTerminating(const ResourceType& type, const std::string& name,
                              const std::string& ns) {
  std::string message = QualifiedResource(type) + " \"" + name +
                        "\" is forbidden: unable to create new content in namespace " + ns +
                        " because it is being terminated";
  json::object details = Details(type, name);
  details["causes"] =
      json::array{json::object{{"reason", "NamespaceTerminating"},
                               {"message", "namespace " + ns + " is being terminated"},
                               {"field", "metadata.namespace"}}};
  return ApiError(403, "Forbidden", message, std::move(details));
}

ApiError Unauthorized() { return ApiError(401, "Unauthorized", "Unauthorized"); }

ApiError UnsupportedMediaType(const std::string& content_type) {
  return ApiError(415, "UnsupportedMediaType",
                  "the body of the request was in an unknown format - accepted media types "
                  "include: application/json-patch+json, application/merge-patch+json, "
                  "application/apply-patch+yaml, application/strategic-merge-patch+json (got " +
                      content_type + ")");
}

ApiError Expired(const std::string& message) { return ApiError(410, "Expired", message); }

}  // namespace slipway::sandbox::kube
