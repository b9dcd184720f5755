// What one round of the Kubernetes emulator's controllers costs, holding the
// emulator's lock, with N Deployments of 2 ready pods in one namespace (the
// release bench's shape: every application's environment in `test`).
//
//  - FullRound: every controller over every object (a resync).
//  - WriteAndReact: one Deployment scaled (2 ↔ 3 replicas) through the API,
//    then the round that reacts to that write — what every write costs the
//    emulator's lock.
//
// Built on request: `cmake --build --preset release --target
// slipway_kube_model_bench`; see bench/README.md.
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <string>

#include "sandbox/kubernetes/test_support.hpp"

namespace {

namespace json = boost::json;
using slipway::sandbox::KubernetesEmulator;
namespace kt = slipway::sandbox::kube::testing;

constexpr const char* kDeployments = "/apis/apps/v1/namespaces/test/deployments";

std::unique_ptr<KubernetesEmulator> SettledCluster(int deployments) {
  auto emu = std::make_unique<KubernetesEmulator>(kt::ManualSettings());
  kt::Call(*emu, "POST", "/api/v1/namespaces", kt::NamespaceManifest("test"));
  for (int i = 0; i < deployments; ++i) {
    std::string name = "app-" + std::to_string(i);
    auto reply = kt::Call(*emu, "POST", kDeployments, kt::DeploymentManifest(name, name + ":1", 2));
    if (reply.status != 201) throw std::runtime_error("create failed: " + reply.raw.body);
  }
  for (int i = 0; i < 8; ++i) emu->RunControllersOnce();
  return emu;
}

int64_t ResourceVersion(KubernetesEmulator& emu) {
  return std::stoll(std::string(emu.State().at("resourceVersion").as_string()));
}

void FullRound(benchmark::State& state) {
  auto emu = SettledCluster(static_cast<int>(state.range(0)));
  const auto before = ResourceVersion(*emu);
  for (auto _ : state) emu->RunControllersOnce();
  // A settled cluster's round writes nothing.
  state.counters["writes"] = static_cast<double>(ResourceVersion(*emu) - before);
}

void WriteAndReact(benchmark::State& state) {
  auto emu = SettledCluster(static_cast<int>(state.range(0)));
  int64_t replicas = 2;
  for (auto _ : state) {
    replicas = replicas == 2 ? 3 : 2;
    json::object patch{{"spec", json::object{{"replicas", replicas}}}};
    auto reply = kt::Call(*emu, "PATCH", std::string(kDeployments) + "/app-0", patch,
                          "application/merge-patch+json");
    if (reply.status != 200) state.SkipWithError("patch failed");
    emu->RunChangedControllersOnce();
  }
}

BENCHMARK(FullRound)->Arg(20)->Arg(120)->Unit(benchmark::kMillisecond);
BENCHMARK(WriteAndReact)->Arg(20)->Arg(120)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
