#include "services/builds/build_addresses.hpp"

#include "connectors/jenkins/config_xml.hpp"

namespace slipway::services {

namespace {

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::string BuildJobPath(const core::App& app, const BuildSettings& settings) {
  if (!app.details.build_job.empty()) return app.details.build_job;
  std::string path = settings.job_path;
  ReplaceAll(path, "{app}", app.name);
  ReplaceAll(path, "{team}", app.team);
  return path;
}

std::string BuildImageAddress(const std::string& registry_host, const core::App& app,
                              const std::string& version, const BuildSettings& settings) {
  std::string address = registry_host + "/";
  if (!settings.image_namespace.empty()) address += settings.image_namespace + "/";
  return address + app.name + ":" + version;
}

const std::vector<std::string>& BuildParameterNames() {
  static const std::vector<std::string> names = {"APP", "BRANCH", "VERSION", "IMAGE"};
  return names;
}

std::map<std::string, std::string> BuildParameters(const std::string& app_name,
                                                   const core::Build& build) {
  return {{"APP", app_name},
          {"BRANCH", build.branch},
          {"VERSION", build.version},
          {"IMAGE", build.image}};
}

std::string StandardJobXml(const core::App& app) {
  std::vector<connectors::JenkinsParameter> parameters;
  for (const auto& name : BuildParameterNames()) parameters.push_back({name, ""});
  return connectors::jenkins::PipelineJobXml("Image build of " + app.name + " (created by Slipway)",
                                             parameters, app.repo_url);
}

}  // namespace slipway::services
