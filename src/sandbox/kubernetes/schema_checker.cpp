#include "sandbox/kubernetes/schema_checker.hpp"

#include <regex>

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

constexpr std::string_view kRefPrefix = "#/components/schemas/";

const char* TypeName(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object:
      return "object";
    case json::kind::array:
      return "array";
    case json::kind::string:
      return "string";
    case json::kind::int64:
    case json::kind::uint64:
      return "integer";
    case json::kind::double_:
      return "number";
    case json::kind::bool_:
      return "boolean";
    case json::kind::null:
      return "null";
  }
  return "?";
}

}  // namespace

void SchemaChecker::AddDocument(const json::value& document) {
  const auto* comps =
      document.is_object() ? document.as_object().if_contains("components") : nullptr;
  const auto* schemas =
      comps && comps->is_object() ? comps->as_object().if_contains("schemas") : nullptr;
  if (!schemas || !schemas->is_object()) return;
  for (const auto& kv : schemas->as_object()) {
    if (!kv.value().is_object()) continue;
    const auto& schema = kv.value().as_object();
    schemas_[std::string(kv.key())] = schema;
    if (const auto* gvks = schema.if_contains("x-kubernetes-group-version-kind");
        gvks && gvks->is_array()) {
      for (const auto& g : gvks->as_array()) {
        if (!g.is_object()) continue;
        auto str = [&](const char* k) {
          const auto* v = g.as_object().if_contains(k);
          return v && v->is_string() ? std::string(v->as_string()) : std::string();
        };
        by_gvk_[str("group") + "/" + str("version") + "/" + str("kind")] = std::string(kv.key());
      }
    }
  }
}

std::optional<std::string> SchemaChecker::SchemaFor(const std::string& group,
                                                    const std::string& version,
                                                    const std::string& kind) const {
  auto it = by_gvk_.find(group + "/" + version + "/" + kind);
  if (it == by_gvk_.end()) return std::nullopt;
  return it->second;
}

const json::object* SchemaChecker::Resolve(const json::object& schema) const {
  const auto* ref = schema.if_contains("$ref");
  if (!ref || !ref->is_string()) return &schema;
  std::string_view r = ref->as_string();
  if (r.substr(0, kRefPrefix.size()) != kRefPrefix) return nullptr;
  auto it = schemas_.find(std::string(r.substr(kRefPrefix.size())));
  return it == schemas_.end() ? nullptr : &it->second;
}

std::vector<std::string> SchemaChecker::Check(const json::value& value,
                                              const std::string& schema_name,
                                              Options options) const {
  std::vector<std::string> errors;
  auto it = schemas_.find(schema_name);
  if (it == schemas_.end()) return {"unknown schema " + schema_name};
  CheckNode(value, it->second, "", options, errors);
  return errors;
}

void SchemaChecker::CheckNode(const json::value& value, const json::object& raw,
                              const std::string& path, const Options& options,
                              std::vector<std::string>& errors) const {
  const json::object* schema = Resolve(raw);
  std::string where = path.empty() ? "<root>" : path;
  if (!schema) {
    errors.push_back(where + ": unresolvable $ref");
    return;
  }
  if (const auto* all = schema->if_contains("allOf"); all && all->is_array()) {
    for (const auto& s : all->as_array()) {
      if (s.is_object()) CheckNode(value, s.as_object(), path, options, errors);
    }
  }
  if (const auto* one = schema->if_contains("oneOf");
      one && one->is_array() && !(value.is_null() && options.allow_null)) {
    int matches = 0;
    for (const auto& s : one->as_array()) {
      std::vector<std::string> sub;
      if (s.is_object()) CheckNode(value, s.as_object(), path, options, sub);
      if (sub.empty()) ++matches;
    }
    if (matches == 0)
      errors.push_back(where + ": matches none of oneOf (got " + TypeName(value) + ")");
  }
  if (value.is_null()) {
    if (!options.allow_null) errors.push_back(where + ": null is not allowed");
    return;
  }
  const auto* type = schema->if_contains("type");
  if (type && type->is_string()) {
    std::string_view t = type->as_string();
    std::string_view got = TypeName(value);
    bool ok = t == got || (t == "number" && got == "integer");
    if (!ok) {
      errors.push_back(where + ": expected " + std::string(t) + ", got " + std::string(got));
      return;
    }
    std::string format;
    if (const auto* f = schema->if_contains("format"); f && f->is_string()) format = f->as_string();
    if (format == "int32" && value.is_int64() &&
        (value.as_int64() > 2147483647LL || value.as_int64() < -2147483648LL)) {
      errors.push_back(where + ": out of int32 range");
    }
    if (format == "date-time" && value.is_string()) {
      static const std::regex kTime(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d))");
      if (!std::regex_match(std::string(value.as_string()), kTime)) {
        errors.push_back(where + ": not an RFC 3339 date-time");
      }
    }
  }
  if (const auto* e = schema->if_contains("enum"); e && e->is_array()) {
    bool found = false;
    for (const auto& x : e->as_array()) found = found || x == value;
    if (!found) errors.push_back(where + ": value " + json::serialize(value) + " not in enum");
  }
  if (const auto* obj = value.if_object()) {
    const auto* props = schema->if_contains("properties");
    const auto* extra = schema->if_contains("additionalProperties");
    if (options.require) {
      if (const auto* req = schema->if_contains("required"); req && req->is_array()) {
        for (const auto& r : req->as_array()) {
          if (r.is_string() && !obj->contains(r.as_string())) {
            errors.push_back(where + ": missing required property " + std::string(r.as_string()));
          }
        }
      }
    }
    for (const auto& kv : *obj) {
      std::string child = path.empty() ? std::string(kv.key()) : path + "." + std::string(kv.key());
      const json::value* sub = nullptr;
      if (props && props->is_object()) sub = props->as_object().if_contains(kv.key());
      if (!sub && extra && extra->is_object()) sub = extra;
      if (sub && sub->is_object()) {
        CheckNode(kv.value(), sub->as_object(), child, options, errors);
      } else if ((props || (extra && *extra == false)) && options.unknown_fields) {
        errors.push_back(child + ": unknown field");
      }
    }
  }
  if (const auto* arr = value.if_array()) {
    const auto* items = schema->if_contains("items");
    if (items && items->is_object()) {
      for (size_t i = 0; i < arr->size(); ++i) {
        CheckNode((*arr)[i], items->as_object(), path + "[" + std::to_string(i) + "]", options,
                  errors);
      }
    }
  }
}

std::vector<std::string> SchemaChecker::Prune(json::value& value,
                                              const std::string& schema_name) const {
  std::vector<std::string> pruned;
  auto it = schemas_.find(schema_name);
  if (it != schemas_.end()) PruneNode(value, it->second, "", pruned);
  return pruned;
}

void SchemaChecker::PruneNode(json::value& value, const json::object& raw, const std::string& path,
                              std::vector<std::string>& pruned) const {
  const json::object* schema = Resolve(raw);
  if (!schema) return;
  if (const auto* all = schema->if_contains("allOf"); all && all->is_array()) {
    for (const auto& s : all->as_array()) {
      if (s.is_object()) PruneNode(value, s.as_object(), path, pruned);
    }
  }
  if (auto* obj = value.if_object()) {
    const auto* props = schema->if_contains("properties");
    const auto* extra = schema->if_contains("additionalProperties");
    if (!props && !extra) return;  // free-form, or described by allOf alone
    std::vector<std::string> drop;
    for (auto& kv : *obj) {
      std::string child = path.empty() ? std::string(kv.key()) : path + "." + std::string(kv.key());
      const json::value* sub = nullptr;
      if (props && props->is_object()) sub = props->as_object().if_contains(kv.key());
      if (!sub && extra && extra->is_object()) sub = extra;
      if (sub && sub->is_object()) {
        PruneNode(kv.value(), sub->as_object(), child, pruned);
      } else {
        drop.push_back(std::string(kv.key()));
        pruned.push_back(child);
      }
    }
    for (const auto& k : drop) obj->erase(k);
  } else if (auto* arr = value.if_array()) {
    const auto* items = schema->if_contains("items");
    if (items && items->is_object()) {
      for (size_t i = 0; i < arr->size(); ++i) {
        PruneNode((*arr)[i], items->as_object(), path + "[" + std::to_string(i) + "]", pruned);
      }
    }
  }
}

}  // namespace slipway::sandbox::kube
