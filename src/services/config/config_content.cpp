#include "services/config/config_content.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "connectors/yaml_documents.hpp"
#include "connectors/yaml_keys.hpp"
#include "core/common/strict_json.hpp"
#include "core/config/properties.hpp"

namespace slipway::services {

namespace {

core::Error Unreadable(core::ConfigFormat format, int line, const std::string& why) {
  return core::Invalid("the content is not valid " + std::string(core::ConfigFormatName(format)) +
                           " (line " + std::to_string(line) + "): " + why,
                       {{"field", "content"}, {"line", line}});
}

// Strict: a key repeated in one object is refused (readers disagree on
// which value wins).
core::Status ValidateJson(std::string_view content) {
  auto parsed = core::ParseStrictJson(content);
  if (parsed.ok()) return core::Ok{};
  const auto& e = parsed.error();
  const auto consumed = static_cast<std::size_t>(e.details.at("offset").as_int64());
  const int line =
      1 + static_cast<int>(std::count(content.begin(), content.begin() + consumed, '\n'));
  return Unreadable(core::ConfigFormat::kJson, line, e.message);
}

core::Status ValidateYaml(std::string_view content) {
  try {
    for (const auto& document : connectors::LoadAllDocuments(content)) {
      if (auto problem = connectors::FindRepeatedKey(document)) {
        return Unreadable(core::ConfigFormat::kYaml, problem->line, problem->message);
      }
    }
    return core::Ok{};
  } catch (const YAML::Exception& e) {
    return Unreadable(core::ConfigFormat::kYaml, e.mark.is_null() ? 1 : e.mark.line + 1, e.msg);
  }
}

}  // namespace

core::Status ValidateContent(core::ConfigFormat format, std::string_view content) {
  switch (format) {
    case core::ConfigFormat::kProperties: {
      auto parsed = core::ParseProperties(content);
      if (!parsed.ok()) return parsed.error();
      return core::Ok{};
    }
    case core::ConfigFormat::kJson:
      return ValidateJson(content);
    case core::ConfigFormat::kYaml:
      return ValidateYaml(content);
    case core::ConfigFormat::kText:
      return core::Ok{};
  }
  return core::Ok{};
}

}  // namespace slipway::services
