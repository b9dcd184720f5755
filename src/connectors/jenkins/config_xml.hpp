#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "connectors/jenkins.hpp"
#include "core/common/error.hpp"

namespace slipway::connectors::jenkins {

/// What Slipway (and the sandbox) read from a job's config.xml.
struct JobConfig {
  std::string root{};  ///< root element: "flow-definition", "project",
                       ///< "com.cloudbees.hudson.plugins.folder.Folder"
  bool folder = false;
  std::string description{};
  std::vector<JenkinsParameter>
      parameters{};       ///< every *ParameterDefinition: name and defaultValue
  std::string scm_url{};  ///< the first GitSCM remote <url>, if any
  bool disabled = false;
};

/// Reads the parts above with a small scanner (no DTDs, no namespaces: what
/// Jenkins writes). kInvalid when there is no root element.
core::Result<JobConfig> ParseConfigXml(std::string_view xml);

/// A Pipeline job (flow-definition) with string parameters, a Git remote
/// and a Jenkinsfile from SCM — the shape of job Slipway creates for builds.
std::string PipelineJobXml(std::string_view description,
                           const std::vector<JenkinsParameter>& parameters,
                           std::string_view git_url, std::string_view script_path = "Jenkinsfile");

/// Escapes &, <, >, " and ' for XML text and attributes.
std::string XmlEscape(std::string_view text);

}  // namespace slipway::connectors::jenkins
