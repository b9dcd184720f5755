// A kubeconfig tokenFile is followed while the client runs: the emulator
// accepts only the rotated token, and the same client, built once, switches
// to it as soon as the file is replaced (no restart, no new client).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "connectors/kubernetes/client.hpp"
#include "connectors/kubernetes/kubeconfig.hpp"
#include "sandbox/kubernetes/kubernetes_emulator.hpp"
#include "sandbox/sandbox_host.hpp"
#include "support/temp_dir.hpp"

namespace slipway::connectors {
namespace {

TEST(KubernetesTokenRotation, TheClientSendsTheRotatedTokenFile) {
  sandbox::kube::KubernetesSettings emulator;
  emulator.required_token = "rotated-token";
  sandbox::SandboxHost host;
  host.Add(std::make_unique<sandbox::KubernetesEmulator>(emulator));
  host.Start();

  testing::TempDir dir;
  std::ofstream(dir.path() + "/token") << "expired-token\n";
  std::ofstream(dir.path() + "/config")
      << "current-context: c\nclusters: [{name: k, cluster: {server: '"
      << host.endpoints().at("kubernetes")
      << "'}}]\nusers: [{name: u, user: {tokenFile: token}}]\n"
         "contexts: [{name: c, context: {cluster: k, user: u}}]\n";
  auto settings = LoadKubeconfig(dir.path() + "/config");
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  KubernetesClient client(*settings);

  auto before = client.Version();
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().code, core::Code::kUnauthenticated) << before.error().message;

  // Written aside and renamed over, as the kubelet's atomic writer does.
  std::ofstream(dir.path() + "/token.new") << "rotated-token\n";
  std::filesystem::rename(dir.path() + "/token.new", dir.path() + "/token");
  auto after = client.Version();
  ASSERT_TRUE(after.ok()) << after.error().message;
  host.Stop();
}

}  // namespace
}  // namespace slipway::connectors
