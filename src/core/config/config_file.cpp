#include "core/config/config_file.hpp"

namespace slipway::core {

namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string_view ConfigFormatName(ConfigFormat f) {
  switch (f) {
    case ConfigFormat::kProperties:
      return "properties";
    case ConfigFormat::kYaml:
      return "yaml";
    case ConfigFormat::kJson:
      return "json";
    case ConfigFormat::kText:
      return "text";
  }
  return "text";
}

ConfigFormat ConfigFormatOf(std::string_view file_name) {
  auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return ConfigFormat::kText;
  auto ext = file_name.substr(dot + 1);
  if (ext == "properties") return ConfigFormat::kProperties;
  if (ext == "yaml" || ext == "yml") return ConfigFormat::kYaml;
  if (ext == "json") return ConfigFormat::kJson;
  return ConfigFormat::kText;
}

std::optional<std::string> CheckConfigFileName(std::string_view name) {
  if (name.empty() || name.size() > 100) return "must be 1 to 100 characters";
  for (char c : name) {
    if (!IsAlnum(c) && c != '.' && c != '_' && c != '-') {
      return "may contain only letters, digits, '.', '_' and '-'";
    }
  }
  if (!IsAlnum(name.front())) return "must start with a letter or digit";
  if (name.back() == '.' || name.find("..") != std::string_view::npos) {
    return "must not end with '.' or contain \"..\"";
  }
  return std::nullopt;
}

}  // namespace slipway::core
