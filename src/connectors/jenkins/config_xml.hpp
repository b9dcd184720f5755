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
      parameters{};          ///< every *ParameterDefinition: name and defaultValue
  std::string scm_url{};     ///< the first GitSCM remote <url>, if any
  std::string scm_branch{};  ///< the first GitSCM BranchSpec <name> ("*/main", "${BRANCH}"), if any
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

/// The config.xml of a folder as Jenkins writes it when one is created by
/// `mode=com.cloudbees.hudson.plugins.folder.Folder`.
std::string FolderXml(std::string_view description);

/// The config with every GitSCM `<hudson.plugins.git.BranchSpec><name>` set
/// to `branch` and the defaultValue of a string parameter named BRANCH (if
/// the job has one) set to it; every other byte stays as it was (a lane's
/// copy of an application's job builds the lane's branch). kInvalid for an
/// empty branch, one with control characters (XML 1.0 cannot carry them),
/// a config without a root element, or one with neither a BranchSpec nor a
/// BRANCH parameter (the copy would silently build the original branch).
core::Result<std::string> WithBranch(std::string_view config_xml, std::string_view branch);

/// The job's config with the defaultValue of every string parameter named
/// `parameter` set to `value`, everything else byte for byte; invalid when
/// there is no such parameter or the value has control characters.
core::Result<std::string> WithParameterDefault(std::string_view config_xml,
                                               std::string_view parameter, std::string_view value);

/// Escapes &, <, >, " and ' for XML text and attributes.
std::string XmlEscape(std::string_view text);

}  // namespace slipway::connectors::jenkins
