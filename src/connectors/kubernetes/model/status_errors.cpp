#include "connectors/kubernetes/model/status_errors.hpp"

#include "connectors/kubernetes/errors.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

core::Error StatusError(int code, std::string reason, std::string message, json::object details) {
  json::object status{{"kind", "Status"},
                      {"apiVersion", "v1"},
                      {"metadata", json::object()},
                      {"status", "Failure"},
                      {"message", std::move(message)},
                      {"reason", std::move(reason)}};
  if (!details.empty()) status["details"] = std::move(details);
  status["code"] = code;
  return ErrorFromStatusObject(status);
}

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

core::Error NotFoundError(const ResourceType& type, const std::string& name) {
  return StatusError(404, "NotFound", QualifiedResource(type) + " \"" + name + "\" not found",
                     Details(type, name));
}

core::Error AlreadyExistsError(const ResourceType& type, const std::string& name) {
  return StatusError(409, "AlreadyExists",
                     QualifiedResource(type) + " \"" + name + "\" already exists",
                     Details(type, name));
}

core::Error ConflictError(const ResourceType& type, const std::string& name,
                          const std::string& why) {
  return StatusError(
      409, "Conflict",
      "Operation cannot be fulfilled on " + QualifiedResource(type) + " \"" + name + "\": " + why,
      Details(type, name));
}

core::Error InvalidError(const ResourceType& type, const std::string& name,
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
  details["kind"] = type.kind;  // the Kind here, not the plural (as the apiserver does)
  details["causes"] = std::move(causes_json);
  return StatusError(422, "Invalid", kind + " \"" + name + "\" is invalid: " + list,
                     std::move(details));
}

core::Error BadRequestError(const std::string& message) {
  return StatusError(400, "BadRequest", message);
}

core::Error NamespaceTerminatingError(const ResourceType& type, const std::string& name,
                                      const std::string& ns) {
  std::string message = QualifiedResource(type) + " \"" + name +
                        "\" is forbidden: unable to create new content in namespace " + ns +
                        " because it is being terminated";
  json::object details = Details(type, name);
  details["causes"] =
      json::array{json::object{{"reason", "NamespaceTerminating"},
                               {"message", "namespace " + ns + " is being terminated"},
                               {"field", "metadata.namespace"}}};
  return StatusError(403, "Forbidden", message, std::move(details));
}

}  // namespace slipway::connectors::kube::model
