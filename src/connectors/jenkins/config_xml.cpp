#include "connectors/jenkins/config_xml.hpp"

namespace slipway::connectors::jenkins {

namespace {

std::string XmlUnescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    auto semi = text.find(';', i);
    std::string_view entity = text.substr(i + 1, semi == std::string_view::npos ? 0 : semi - i - 1);
    if (entity == "lt")
      out += '<';
    else if (entity == "gt")
      out += '>';
    else if (entity == "amp")
      out += '&';
    else if (entity == "quot")
      out += '"';
    else if (entity == "apos")
      out += '\'';
    else if (entity.starts_with("#x"))
      out += static_cast<char>(std::stoi(std::string(entity.substr(2)), nullptr, 16));
    else if (entity.starts_with("#"))
      out += static_cast<char>(std::stoi(std::string(entity.substr(1))));
    else {
      out += '&';
      continue;
    }
    i = semi;
  }
  return out;
}

// The text of the first <tag>…</tag> inside `xml`, or "" (also for <tag/>).
std::string ElementText(std::string_view xml, std::string_view tag) {
  std::string open = "<" + std::string(tag) + ">";
  auto start = xml.find(open);
  if (start == std::string_view::npos) return "";
  start += open.size();
  auto end = xml.find("</" + std::string(tag) + ">", start);
  if (end == std::string_view::npos) return "";
  return XmlUnescape(xml.substr(start, end - start));
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

core::Result<JobConfig> ParseConfigXml(std::string_view xml) {
  JobConfig config;
  std::size_t at = 0;
  // Skip the declaration, comments and processing instructions before the root.
  while ((at = xml.find('<', at)) != std::string_view::npos &&
         (xml.substr(at, 2) == "<?" || xml.substr(at, 4) == "<!--" || xml.substr(at, 2) == "<!")) {
    at = xml.find('>', at);
    if (at == std::string_view::npos) break;
  }
  if (at == std::string_view::npos) return core::Invalid("config.xml has no root element");
  auto name_end = xml.find_first_of(" \t\r\n/>", at + 1);
  if (name_end == std::string_view::npos) return core::Invalid("config.xml has no root element");
  config.root = std::string(xml.substr(at + 1, name_end - at - 1));
  if (config.root.empty()) return core::Invalid("config.xml has no root element");
  config.folder = config.root.find("Folder") != std::string::npos;
  // The root's own <description> comes before any nested one in what Jenkins writes.
  config.description = ElementText(xml, "description");
  config.disabled = ElementText(xml, "disabled") == "true";
  auto defs = xml.find("<parameterDefinitions>");
  auto defs_end = xml.find("</parameterDefinitions>");
  if (defs != std::string_view::npos && defs_end != std::string_view::npos) {
    std::string_view block = xml.substr(defs, defs_end - defs);
    std::size_t pos = 0;
    while ((pos = block.find("ParameterDefinition>", pos)) != std::string_view::npos) {
      auto open = block.rfind('<', pos);
      bool closing = open != std::string_view::npos && block[open + 1] == '/';
      pos += 20;
      if (closing || open == std::string_view::npos) continue;
      std::string tag(block.substr(open + 1, pos - open - 2));
      auto end = block.find("</" + tag + ">", pos);
      std::string_view body =
          block.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
      std::string def = ElementText(body, "defaultValue");
      if (def.empty()) def = ElementText(body, "string");  // choice parameters: the first choice
      config.parameters.push_back({ElementText(body, "name"), def});
      if (end != std::string_view::npos) pos = end;
    }
  }
  if (auto scm = xml.find("<scm"); scm != std::string_view::npos)
    config.scm_url = ElementText(xml.substr(scm), "url");
  return config;
}

std::string PipelineJobXml(std::string_view description,
                           const std::vector<JenkinsParameter>& parameters,
                           std::string_view git_url, std::string_view script_path) {
  std::string xml =
      "<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition plugin=\"workflow-job\">\n";
  xml += "  <description>" + XmlEscape(description) +
         "</description>\n  <keepDependencies>false</keepDependencies>\n";
  xml +=
      "  <properties>\n    <hudson.model.ParametersDefinitionProperty>\n      "
      "<parameterDefinitions>\n";
  for (const auto& p : parameters) {
    xml += "        <hudson.model.StringParameterDefinition>\n          <name>" +
           XmlEscape(p.name) + "</name>\n          <defaultValue>" + XmlEscape(p.default_value) +
           "</defaultValue>\n          <trim>true</trim>\n        "
           "</hudson.model.StringParameterDefinition>\n";
  }
  xml +=
      "      </parameterDefinitions>\n    </hudson.model.ParametersDefinitionProperty>\n  "
      "</properties>\n";
  xml +=
      "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition\" "
      "plugin=\"workflow-cps\">\n";
  xml +=
      "    <scm class=\"hudson.plugins.git.GitSCM\" plugin=\"git\">\n      "
      "<configVersion>2</configVersion>\n";
  xml +=
      "      <userRemoteConfigs>\n        <hudson.plugins.git.UserRemoteConfig>\n          <url>" +
      XmlEscape(git_url) +
      "</url>\n        </hudson.plugins.git.UserRemoteConfig>\n      </userRemoteConfigs>\n";
  xml +=
      "      <branches>\n        <hudson.plugins.git.BranchSpec>\n          "
      "<name>${BRANCH}</name>\n"
      "        </hudson.plugins.git.BranchSpec>\n      </branches>\n    </scm>\n";
  xml += "    <scriptPath>" + XmlEscape(script_path) +
         "</scriptPath>\n    <lightweight>true</lightweight>\n";
  xml += "  </definition>\n  <disabled>false</disabled>\n</flow-definition>\n";
  return xml;
}

}  // namespace slipway::connectors::jenkins
