#include "connectors/kubernetes/model/rbac_validation.hpp"

#include "core/common/json_path.hpp"

namespace slipway::connectors::kube::model {

namespace json = boost::json;

namespace {

constexpr const char* kGroup = "rbac.authorization.k8s.io";

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

bool IsBinding(const ResourceType& type) {
  return type.group == kGroup && (type.kind == "RoleBinding" || type.kind == "ClusterRoleBinding");
}

size_t Count(const json::value& rule, const char* field) {
  const auto* list = core::Find(rule, {field});
  return list && list->is_array() ? list->as_array().size() : 0;
}

// Go's %#v of a []string, which field.Invalid prints.
std::string GoStrings(const json::value* list) {
  std::string out = "[]string{";
  if (list && list->is_array()) {
    for (size_t i = 0; i < list->as_array().size(); ++i) {
      out += (i ? ", " : "") + json::serialize(list->as_array()[i]);
    }
  }
  return out + "}";
}

void NotSupported(std::vector<Cause>& causes, const std::string& field, const std::string& value,
                  const std::string& supported) {
  causes.push_back({"FieldValueNotSupported", field,
                    "Unsupported value: " + Quote(value) + ": supported values: " + supported});
}

void ValidateRules(const json::object& role, bool namespaced, std::vector<Cause>& causes) {
  const auto* rules = role.if_contains("rules");
  if (!rules || !rules->is_array()) return;
  for (size_t i = 0; i < rules->as_array().size(); ++i) {
    const auto& rule = rules->as_array()[i];
    const std::string field = "rules[" + std::to_string(i) + "]";
    if (Count(rule, "verbs") == 0) {
      causes.push_back({"FieldValueRequired", field + ".verbs",
                        "Required value: verbs must contain at least one value"});
    }
    if (Count(rule, "nonResourceURLs") > 0) {
      const auto urls = GoStrings(core::Find(rule, {"nonResourceURLs"}));
      if (namespaced) {
        causes.push_back(
            {"FieldValueInvalid", field + ".nonResourceURLs",
             "Invalid value: " + urls + ": namespaced rules cannot apply to non-resource URLs"});
      }
      if (Count(rule, "apiGroups") + Count(rule, "resources") + Count(rule, "resourceNames") > 0) {
        causes.push_back(
            {"FieldValueInvalid", field + ".nonResourceURLs",
             "Invalid value: " + urls +
                 ": rules cannot apply to both regular resources and non-resource URLs"});
      }
      continue;
    }
    if (Count(rule, "apiGroups") == 0) {
      causes.push_back({"FieldValueRequired", field + ".apiGroups",
                        "Required value: resource rules must supply at least one api group"});
    }
    if (Count(rule, "resources") == 0) {
      causes.push_back({"FieldValueRequired", field + ".resources",
                        "Required value: resource rules must supply at least one resource"});
    }
  }
}

void ValidateSubjects(const json::object& binding, bool namespaced, std::vector<Cause>& causes) {
  const auto* subjects = binding.if_contains("subjects");
  if (!subjects || !subjects->is_array()) return;
  for (size_t i = 0; i < subjects->as_array().size(); ++i) {
    const auto& subject = subjects->as_array()[i];
    const std::string field = "subjects[" + std::to_string(i) + "]";
    if (core::StringAt(subject, {"name"}).empty()) {
      causes.push_back({"FieldValueRequired", field + ".name", "Required value"});
    }
    const std::string kind = core::StringAt(subject, {"kind"});
    const std::string group = core::StringAt(subject, {"apiGroup"});
    if (kind == "ServiceAccount") {
      if (!group.empty()) NotSupported(causes, field + ".apiGroup", group, "\"\"");
      if (!namespaced && core::StringAt(subject, {"namespace"}).empty()) {
        causes.push_back({"FieldValueRequired", field + ".namespace", "Required value"});
      }
    } else if (kind == "User" || kind == "Group") {
      if (group != kGroup) NotSupported(causes, field + ".apiGroup", group, Quote(kGroup));
    } else {
      NotSupported(causes, field + ".kind", kind, "\"ServiceAccount\", \"User\", \"Group\"");
    }
  }
}

// Go's %#v of the roleRef, as "cannot change roleRef" prints it.
std::string GoRoleRef(const json::object& binding) {
  return "rbac.RoleRef{APIGroup:" + Quote(core::StringAt(binding, {"roleRef", "apiGroup"})) +
         ", Kind:" + Quote(core::StringAt(binding, {"roleRef", "kind"})) +
         ", Name:" + Quote(core::StringAt(binding, {"roleRef", "name"})) + "}";
}

void ValidateBinding(const ResourceType& type, const json::object& binding, const json::object* old,
                     std::vector<Cause>& causes) {
  const std::string group = core::StringAt(binding, {"roleRef", "apiGroup"});
  if (group != kGroup) NotSupported(causes, "roleRef.apiGroup", group, Quote(kGroup));
  const std::string kind = core::StringAt(binding, {"roleRef", "kind"});
  if (type.namespaced && kind != "Role" && kind != "ClusterRole") {
    NotSupported(causes, "roleRef.kind", kind, "\"Role\", \"ClusterRole\"");
  } else if (!type.namespaced && kind != "ClusterRole") {
    NotSupported(causes, "roleRef.kind", kind, "\"ClusterRole\"");
  }
  if (core::StringAt(binding, {"roleRef", "name"}).empty()) {
    causes.push_back({"FieldValueRequired", "roleRef.name", "Required value"});
  }
  ValidateSubjects(binding, type.namespaced, causes);
  if (old && GoRoleRef(*old) != GoRoleRef(binding)) {
    causes.push_back({"FieldValueInvalid", "roleRef",
                      "Invalid value: " + GoRoleRef(binding) + ": cannot change roleRef"});
  }
}

}  // namespace

void ValidateRbac(const ResourceType& type, const json::object& object, const json::object* old,
                  std::vector<Cause>& causes) {
  if (type.group != kGroup) return;
  if (IsBinding(type)) {
    ValidateBinding(type, object, old, causes);
  } else {
    ValidateRules(object, type.namespaced, causes);
  }
}

}  // namespace slipway::connectors::kube::model
