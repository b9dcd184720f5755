// What one emulated build does, on its own thread: check the branch in the
// GitLab emulator, push an image to the registry emulator, log each step.
#include <thread>

#include "connectors/gitlab/client.hpp"
#include "connectors/registry/client.hpp"
#include "connectors/registry/image_reference.hpp"
#include "core/common/repo_path.hpp"
#include "sandbox/jenkins/jenkins_emulator.hpp"
#include "sandbox/jenkins/jenkins_util.hpp"

namespace slipway::sandbox::jenkins {

namespace {

// The branch the git plugin would check out: BRANCH, else the BranchSpec
// with its ${PARAM}s expanded, as a plain branch name ("" for a wildcard).
std::string BranchToBuild(const std::map<std::string, std::string>& parameters,
                          const std::string& spec) {
  if (auto it = parameters.find("BRANCH"); it != parameters.end() && !it->second.empty())
    return it->second;
  std::string branch;
  for (std::size_t i = 0; i < spec.size(); ++i) {
    auto close = spec.find('}', i);
    if (spec.compare(i, 2, "${") == 0 && close != std::string::npos) {
      auto it = parameters.find(spec.substr(i + 2, close - i - 2));
      if (it != parameters.end()) branch += it->second;
      i = close;
    } else {
      branch += spec[i];
    }
  }
  for (std::string_view prefix : {"refs/heads/", "*/", "origin/"}) {
    if (branch.starts_with(prefix)) branch.erase(0, prefix.size());
  }
  return branch.find_first_of("*$") == std::string::npos ? branch : "";
}

}  // namespace

void JenkinsEmulator::Append(Build& build, const std::string& line) {
  std::lock_guard lock(mutex_);
  build.log += line + "\n";
}

void JenkinsEmulator::Finish(Build& build, const std::string& result) {
  std::lock_guard lock(mutex_);
  if (result == "ABORTED") build.log += "Aborted by " + build.user + "\n";
  build.log += "Finished: " + result + "\n";
  build.result = result;
  build.duration_ms = std::max<std::int64_t>(1, NowMs() - build.timestamp_ms);
  build.building = false;
}

void JenkinsEmulator::RunBuild(std::shared_ptr<Build> build, BuildContext context) {
  Build& b = *build;
  auto param = [&](const std::string& name) {
    auto it = b.parameters.find(name);
    return it == b.parameters.end() ? std::string() : it->second;
  };
  // Sleeps one step; false when someone asked the build to stop meanwhile.
  auto step = [&] {
    for (int waited = 0; waited < options_.step_ms; waited += 20) {
      {
        std::lock_guard lock(mutex_);
        if (b.abort) return false;
      }
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::min(20, options_.step_ms - waited)));
    }
    std::lock_guard lock(mutex_);
    return !b.abort;
  };
  auto fail = [&](const std::string& why) {
    Append(b, "ERROR: " + why);
    Finish(b, "FAILURE");
  };

  Append(b, "Started by user " + b.user);
  Append(b, "[sandbox] Running " + context.job +
                " on the Slipway sandbox Jenkins (an emulator: steps are simulated)");
  if (!step()) return Finish(b, "ABORTED");

  const std::string branch = BranchToBuild(b.parameters, context.scm_branch);
  if (!branch.empty()) {
    std::string repo =
        !param("REPO").empty() ? param("REPO") : core::RepoProjectPath(context.scm_url);
    if (repo.empty()) {
      return fail(
          "the job names no GitLab repository: give config.xml a GitSCM remote <url> or pass REPO");
    }
    if (context.gitlab_url.empty()) return fail("no GitLab is connected to the sandbox Jenkins");
    Append(b, "Checking out " + repo + " branch " + branch + " from " + context.gitlab_url);
    connectors::gitlab::GitLabClient gitlab(
        {.transport = {.base_url = context.gitlab_url, .max_retries = 1},
         .token = context.gitlab_token});
    auto found = gitlab.GetBranch(repo, branch);
    if (!found.ok()) {
      if (found.error().code == core::Code::kNotFound) {
        return fail("branch '" + branch + "' does not exist in GitLab project '" + repo + "' (" +
                    found.error().message + ")");
      }
      return fail("cannot check branch '" + branch + "' of '" + repo +
                  "': " + found.error().message);
    }
    Append(b, " > git checkout -f " + found->commit_sha);
    Append(b, "Commit: " + found->commit_sha);
    if (!step()) return Finish(b, "ABORTED");
  }

  const std::string image = param("IMAGE");
  if (!image.empty()) {
    auto ref = connectors::registry::ParseImageReference(image);
    if (!ref.ok())
      return fail("IMAGE '" + image + "' is not a valid image reference: " + ref.error().message);
    if (ref->tag.empty()) return fail("IMAGE '" + image + "' must name a tag to push");
    if (context.registry_url.empty())
      return fail("no registry is connected to the sandbox Jenkins");
    Append(b, "Building image " + image);
    if (!step()) return Finish(b, "ABORTED");
    Append(b, "Pushing " + image + " to the sandbox registry " + context.registry_url);
    connectors::registry::RegistryClient registry({.base_url = context.registry_url,
                                                   .basic_user = context.registry_user,
                                                   .basic_password = context.registry_password,
                                                   .max_retries = 1});
    auto pushed = registry.PushImage(ref->repository, ref->tag);
    if (!pushed.ok()) return fail("push of " + image + " failed: " + pushed.error().message);
    Append(b, ref->tag + ": digest: " + pushed->digest + " size: " + std::to_string(pushed->size));
    if (!step()) return Finish(b, "ABORTED");
  }

  const std::string forced = param("SANDBOX_RESULT");
  if (forced == "FAILURE" || forced == "UNSTABLE" || forced == "NOT_BUILT") {
    Append(b, "[sandbox] result forced by SANDBOX_RESULT");
    return Finish(b, forced);
  }
  if (!step()) return Finish(b, "ABORTED");
  Finish(b, "SUCCESS");
}

}  // namespace slipway::sandbox::jenkins
