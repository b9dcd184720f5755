#pragma once
// Where a build comes from and goes to: the application's Jenkins job, the
// parameters it is given, and the image address it pushes.
#include <map>
#include <string>
#include <vector>

#include "connectors/jenkins.hpp"
#include "core/apps/app.hpp"
#include "core/builds/build.hpp"
#include "services/platform/settings.hpp"

namespace slipway::services {

/// The job: the application's details.build_job, else settings.job_path with
/// `{app}` and `{team}` replaced.
std::string BuildJobPath(const core::App& app, const BuildSettings& settings);

/// `<registry_host>/<image_namespace>/<app>:<version>` (no namespace part
/// when image_namespace is empty).
std::string BuildImageAddress(const std::string& registry_host, const core::App& app,
                              const std::string& version, const BuildSettings& settings);

/// The parameters every build job must define (docs/connectors/jenkins.md).
const std::vector<std::string>& BuildParameterNames();

/// What the job is given: APP, BRANCH, VERSION, IMAGE.
std::map<std::string, std::string> BuildParameters(const std::string& app_name,
                                                   const core::Build& build);

/// The config.xml of a job created for a missing one: a Pipeline job with
/// the build parameters, checking out the application's repository.
std::string StandardJobXml(const core::App& app);

}  // namespace slipway::services
