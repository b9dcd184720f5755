#include "sandbox/all_emulators.hpp"

#include "sandbox/apollo/apollo_emulator.hpp"
#include "sandbox/consul/consul_emulator.hpp"
#include "sandbox/dingtalk/dingtalk_emulator.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/gitlab/gitlab_emulator.hpp"
#include "sandbox/jenkins/jenkins_emulator.hpp"
#include "sandbox/kubernetes/kubernetes_emulator.hpp"
#include "sandbox/registry/registry_emulator.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"

namespace slipway::sandbox {

// One line per system; emulators that need a peer (Jenkins pushes images to
// the registry and checks branches in GitLab) find it through the host.
void AddAllEmulators(SandboxHost& host, const SandboxSettings& settings) {
  // Registry first: the Jenkins emulator pushes its images there.
  auto registry_emulator = std::make_unique<registry::RegistryEmulator>();
  // Any group/name project exists on first use, so a new app's builds work at once.
  auto gitlab_emulator = std::make_unique<gitlab::GitLabEmulator>(
      gitlab::GitLabEmulatorOptions{.auto_create_projects = true});
  jenkins::JenkinsPeers peers{registry_emulator.get(), gitlab_emulator.get()};
  // Pods pull from the sandbox registry: an image not pushed there fails
  // with ErrImagePull / ImagePullBackOff, as on a real cluster.
  kube::KubernetesSettings cluster;
  cluster.pod_ready_delay = settings.pod_ready_delay;
  cluster.tick = settings.kubernetes_tick;
  cluster.image_exists = [registry = registry_emulator.get()](const std::string& image) {
    return registry->ImageExists(image);
  };
  host.Add(std::move(registry_emulator));
  host.Add(std::move(gitlab_emulator));
  host.Add(std::make_unique<jenkins::JenkinsEmulator>(peers));
  host.Add(std::make_unique<KubernetesEmulator>(std::move(cluster)));
  host.Add(MakeSandboxApollo());
  host.Add(MakeSandboxConsul());
  host.Add(MakeSandboxDns());
  host.Add(MakeSandboxTapd());
  host.Add(MakeSandboxDingTalk());
}

}  // namespace slipway::sandbox
