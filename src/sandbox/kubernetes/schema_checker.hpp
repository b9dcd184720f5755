#pragma once
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace slipway::sandbox::kube {

/// Checks JSON values against the component schemas of the official
/// Kubernetes OpenAPI v3 documents, for the subset of JSON Schema they use:
/// type (object, array, string, integer, number, boolean), properties,
/// required, items, additionalProperties, $ref, allOf, oneOf (IntOrString,
/// Quantity), enum, format int32/date-time. Strict: properties a schema does
/// not declare are errors, and so is `null`.
///
/// Used by the tests to prove emitted objects are well-formed, and by the
/// emulator for `fieldValidation` (unknown fields, wrong types).
class SchemaChecker {
 public:
  struct Options {
    bool require = true;         ///< report missing `required` properties
    bool unknown_fields = true;  ///< report undeclared properties
    bool allow_null = false;     ///< null counts as absent (what Go's decoder does)
  };
  /// Adds `components.schemas` of one OpenAPI v3 document.
  void AddDocument(const boost::json::value& document);
  bool empty() const { return schemas_.empty(); }
  /// The schema name for a kind, from x-kubernetes-group-version-kind
  /// ("io.k8s.api.apps.v1.Deployment" for apps/v1 Deployment).
  std::optional<std::string> SchemaFor(const std::string& group, const std::string& version,
                                       const std::string& kind) const;
  /// Problems found, each as "<json path>: <problem>"; empty when valid.
  std::vector<std::string> Check(const boost::json::value& value, const std::string& schema_name,
                                 Options options) const;
  std::vector<std::string> Check(const boost::json::value& value,
                                 const std::string& schema_name) const {
    return Check(value, schema_name, Options{});
  }
  /// Removes undeclared properties from `value` in place (what the apiserver
  /// does when decoding with fieldValidation Ignore/Warn); returns their paths.
  std::vector<std::string> Prune(boost::json::value& value, const std::string& schema_name) const;

 private:
  void CheckNode(const boost::json::value& value, const boost::json::object& schema,
                 const std::string& path, const Options& options,
                 std::vector<std::string>& errors) const;
  void PruneNode(boost::json::value& value, const boost::json::object& schema,
                 const std::string& path, std::vector<std::string>& pruned) const;
  const boost::json::object* Resolve(const boost::json::object& schema) const;

  std::map<std::string, boost::json::object> schemas_;
  std::map<std::string, std::string> by_gvk_;  ///< "group/version/Kind" → name
};

}  // namespace slipway::sandbox::kube
