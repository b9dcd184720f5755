#include "connectors/jenkins/config_xml.hpp"

#include <algorithm>

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

// Where the text of the first <tag> inside xml[from, to) lies; for <tag/> an
// empty span at the self-closing element (`self_closing` set).
struct Span {
  std::size_t begin = std::string_view::npos;
  std::size_t end = std::string_view::npos;
  bool self_closing = false;
  bool found() const { return begin != std::string_view::npos; }
};

Span ChildText(std::string_view xml, std::size_t from, std::size_t to, std::string_view tag) {
  std::string open = "<" + std::string(tag) + ">";
  std::string empty = "<" + std::string(tag) + "/>";
  std::string_view range = xml.substr(0, to);
  auto o = range.find(open, from);
  auto e = range.find(empty, from);
  if (e != std::string_view::npos && (o == std::string_view::npos || e < o))
    return {e, e + empty.size(), true};
  if (o == std::string_view::npos) return {};
  auto close = range.find("</" + std::string(tag) + ">", o + open.size());
  if (close == std::string_view::npos) return {};
  return {o + open.size(), close, false};
}

// A replacement of xml[begin, end).
struct Edit {
  std::size_t begin;
  std::size_t end;
  std::string text;
};

// The edit that makes the element at `span` hold `escaped`.
Edit SetText(const Span& span, std::string_view tag, const std::string& escaped) {
  if (!span.self_closing) return {span.begin, span.end, escaped};
  return {span.begin, span.end,
          "<" + std::string(tag) + ">" + escaped + "</" + std::string(tag) + ">"};
}

std::string_view Trim(std::string_view text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
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
  if (auto spec = xml.find("<hudson.plugins.git.BranchSpec>"); spec != std::string_view::npos)
    config.scm_branch = std::string(Trim(ElementText(xml.substr(spec), "name")));
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

std::string FolderXml(std::string_view description) {
  return "<?xml version='1.1' encoding='UTF-8'?>\n"
         "<com.cloudbees.hudson.plugins.folder.Folder plugin=\"cloudbees-folder\">\n"
         "  <description>" +
         XmlEscape(description) +
         "</description>\n  <properties/>\n"
         "  <folderViews "
         "class=\"com.cloudbees.hudson.plugins.folder.views.DefaultFolderViewHolder\"/>\n"
         "  <healthMetrics/>\n</com.cloudbees.hudson.plugins.folder.Folder>\n";
}

namespace {

// Calls `visit(from, to)` with the body of every <element>…</element>.
template <class Visit>
void EachElement(std::string_view xml, std::string_view element, Visit visit) {
  std::string open = "<" + std::string(element) + ">";
  std::string close = "</" + std::string(element) + ">";
  for (auto at = xml.find(open); at != std::string_view::npos; at = xml.find(open, at)) {
    auto end = xml.find(close, at);
    if (end == std::string_view::npos) break;
    visit(at + open.size(), end);
    at = end + close.size();
  }
}

// Edits setting the defaultValue of every string parameter named `name`.
void DefaultValueEdits(std::string_view xml, std::string_view name, const std::string& escaped,
                       std::vector<Edit>& edits) {
  EachElement(xml, "hudson.model.StringParameterDefinition", [&](std::size_t from, std::size_t to) {
    auto found = ChildText(xml, from, to, "name");
    if (!found.found() || found.self_closing ||
        XmlUnescape(Trim(xml.substr(found.begin, found.end - found.begin))) != name) {
      return;
    }
    if (auto value = ChildText(xml, from, to, "defaultValue"); value.found()) {
      edits.push_back(SetText(value, "defaultValue", escaped));
    } else {  // no default yet: one right after the name
      std::size_t after_name = found.end + std::string_view("</name>").size();
      edits.push_back({after_name, after_name, "<defaultValue>" + escaped + "</defaultValue>"});
    }
  });
}

std::string ApplyEdits(std::string_view xml, std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t copied = 0;
  for (const auto& e : edits) {
    out.append(xml.substr(copied, e.begin - copied));
    out += e.text;
    copied = e.end;
  }
  out.append(xml.substr(copied));
  return out;
}

core::Status CheckValue(std::string_view what, std::string_view value) {
  for (char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return core::Invalid("the " + std::string(what) + " has a control character");
    }
  }
  return core::Ok{};
}

}  // namespace

core::Result<std::string> WithBranch(std::string_view config_xml, std::string_view branch) {
  if (branch.empty()) return core::Invalid("the branch is empty");
  if (auto ok = CheckValue("branch", branch); !ok.ok()) return ok.error();
  if (auto parsed = ParseConfigXml(config_xml); !parsed.ok()) return parsed.error();
  const std::string escaped = XmlEscape(branch);
  std::vector<Edit> edits;  // never overlapping
  EachElement(config_xml, "hudson.plugins.git.BranchSpec", [&](std::size_t from, std::size_t to) {
    if (auto name = ChildText(config_xml, from, to, "name"); name.found())
      edits.push_back(SetText(name, "name", escaped));
  });
  DefaultValueEdits(config_xml, "BRANCH", escaped, edits);
  if (edits.empty())
    return core::Invalid("the job has neither a GitSCM branch nor a BRANCH string parameter");
  return ApplyEdits(config_xml, std::move(edits));
}

core::Result<std::string> WithParameterDefault(std::string_view config_xml,
                                               std::string_view parameter, std::string_view value) {
  if (auto ok = CheckValue("value", value); !ok.ok()) return ok.error();
  if (auto parsed = ParseConfigXml(config_xml); !parsed.ok()) return parsed.error();
  std::vector<Edit> edits;
  DefaultValueEdits(config_xml, parameter, XmlEscape(value), edits);
  if (edits.empty())
    return core::Invalid("the job has no string parameter " + std::string(parameter));
  return ApplyEdits(config_xml, std::move(edits));
}

}  // namespace slipway::connectors::jenkins
