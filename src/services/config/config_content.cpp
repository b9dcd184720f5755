#include "services/config/config_content.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <boost/json/stream_parser.hpp>

#include "core/config/properties.hpp"

namespace slipway::services {

namespace {

core::Error Unreadable(core::ConfigFormat format, int line, const std::string& why) {
  return core::Invalid("the content is not valid " + std::string(core::ConfigFormatName(format)) +
                           " (line " + std::to_string(line) + "): " + why,
                       {{"field", "content"}, {"line", line}});
}

core::Status ValidateJson(std::string_view content) {
  boost::json::stream_parser parser;
  boost::system::error_code ec;
  std::size_t consumed = parser.write_some(content.data(), content.size(), ec);
  if (!ec) parser.finish(ec);
  if (!ec) return core::Ok{};
  const int line =
      1 + static_cast<int>(std::count(content.begin(), content.begin() + consumed, '\n'));
  return Unreadable(core::ConfigFormat::kJson, line, ec.message());
}

core::Status ValidateYaml(std::string_view content) {
  try {
    YAML::LoadAll(std::string(content));
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
