#include "sandbox/kubernetes/field_validation.hpp"

#include "sandbox/kubernetes/api_error.hpp"

namespace slipway::sandbox::kube {

void CheckFields(const SchemaChecker* checker, const ResourceType& type,
                 boost::json::object& object, const std::string& field_validation) {
  if (!checker || checker->empty()) return;
  auto schema = checker->SchemaFor(std::string(type.group), std::string(type.version),
                                   std::string(type.kind));
  if (!schema) return;
  std::string prefix = std::string(type.kind) + " in version \"" + std::string(type.version) +
                       "\" cannot be handled as a " + std::string(type.kind) + ": ";
  boost::json::value value = object;
  SchemaChecker::Options types_only{.require = false, .unknown_fields = false, .allow_null = true};
  auto errors = checker->Check(value, *schema, types_only);
  if (!errors.empty()) throw BadRequest(prefix + errors.front());
  auto unknown = checker->Prune(value, *schema);
  if (unknown.empty()) return;
  if (field_validation == "Strict") {
    std::string list;
    for (const auto& field : unknown) {
      if (!list.empty()) list += ", ";
      list += "unknown field \"" + field + "\"";
    }
    throw BadRequest(prefix + "strict decoding error: " + list);
  }
  object = std::move(value.as_object());
}

}  // namespace slipway::sandbox::kube
