#pragma once
#include <boost/json.hpp>
#include <string>

namespace slipway::sandbox::kube {

/// Parses a request body: JSON, or YAML when the content type says so
/// (application/yaml, application/apply-patch+yaml — kubectl sends JSON
/// there too, which YAML also reads). Throws ApiError 400 when unparsable.
boost::json::value ParseDocument(const std::string& body, const std::string& content_type);

/// YAML text to JSON: mappings, sequences, and plain scalars typed as YAML
/// 1.2's core schema does (null, booleans, integers, floats); quoted scalars
/// stay strings. Throws ApiError 400 on bad YAML.
boost::json::value YamlToJson(const std::string& text);

}  // namespace slipway::sandbox::kube
