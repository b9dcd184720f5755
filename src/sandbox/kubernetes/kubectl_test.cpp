// The real kubectl (/usr/bin/kubectl) against the emulator, served by a
// SandboxHost on loopback exactly as `slipway sandbox` serves it. Each test
// gives kubectl a fresh HOME (its discovery cache lives there) and a
// kubeconfig pointing at the emulator. Waits poll with a deadline: kubectl
// is a real process.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "connectors/http_transport.hpp"
#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/kubernetes_emulator.hpp"
#include "sandbox/sandbox_host.hpp"
#include "support/temp_dir.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;
namespace {

struct KubectlRun {
  int code = -1;
  std::string out;
  std::string err;
};

class KubectlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (access("/usr/bin/kubectl", X_OK) != 0) GTEST_SKIP() << "kubectl is not installed";
    KubernetesSettings settings;
    settings.pod_ready_delay = std::chrono::milliseconds(300);
    settings.tick = std::chrono::milliseconds(50);
    settings.namespace_delete_delay = std::chrono::milliseconds(1500);
    settings.bookmark_interval = std::chrono::milliseconds(1000);
    host_.Add(std::make_unique<KubernetesEmulator>(settings));
    host_.Start();
    url_ = host_.endpoints().at("kubernetes");
    std::ofstream(dir_.path() + "/kubeconfig")
        << "apiVersion: v1\nkind: Config\nclusters:\n- name: sandbox\n  cluster:\n    server: "
        << url_
        << "\ncontexts:\n- name: sandbox\n  context:\n    cluster: sandbox\n    user: sandbox\n"
           "    namespace: default\ncurrent-context: sandbox\nusers:\n- name: sandbox\n  user:\n"
           "    token: sandbox-token\n";
  }

  KubectlRun Kubectl(const std::string& args, const std::string& stdin_text = "") {
    std::string in = dir_.path() + "/stdin";
    std::ofstream(in) << stdin_text;
    std::string cmd = "HOME='" + dir_.path() + "' KUBECONFIG='" + dir_.path() +
                      "/kubeconfig' /usr/bin/kubectl " + args + " <'" + in + "' 2>'" + dir_.path() +
                      "/stderr'";
    KubectlRun run;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return run;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
    int status = pclose(pipe);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(dir_.path() + "/stderr");
    std::stringstream ss;
    ss << err.rdbuf();
    run.err = ss.str();
    return run;
  }

  json::value KubectlJson(const std::string& args) {
    auto run = Kubectl(args + " -o json");
    EXPECT_EQ(run.code, 0) << args << ": " << run.err;
    boost::system::error_code ec;
    auto v = json::parse(run.out, ec);
    EXPECT_FALSE(ec) << run.out;
    return v;
  }

  // Polls until `done` holds or the deadline passes (kubectl is a real process).
  bool Eventually(const std::function<bool()>& done,
                  std::chrono::seconds limit = std::chrono::seconds(30)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return done();
  }

  std::string Manifest(const std::string& name, const std::string& image, int replicas,
                       const std::string& extra_annotation = "") {
    std::string m = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name +
                    "\n  labels:\n    app: " + name +
                    "\nspec:\n  replicas: " + std::to_string(replicas) +
                    "\n  selector:\n    matchLabels:\n      app: " + name +
                    "\n  template:\n    metadata:\n      labels:\n        app: " + name + "\n";
    if (!extra_annotation.empty()) m += "      annotations:\n        " + extra_annotation + "\n";
    m += "    spec:\n      containers:\n      - name: app\n        image: " + image +
         "\n        ports:\n        - containerPort: 8080\n        env:\n        - name: MODE\n"
         "          value: sandbox\n";
    return m;
  }

  std::string Write(const std::string& file, const std::string& text) {
    std::string path = dir_.path() + "/" + file;
    std::ofstream(path) << text;
    return path;
  }

  void ExpectRolledOut(const std::string& target, const std::string& ns) {
    auto run = Kubectl("rollout status " + target + " -n " + ns + " --timeout=60s");
    EXPECT_EQ(run.code, 0) << run.out << run.err;
    EXPECT_NE(run.out.find("successfully rolled out"), std::string::npos) << run.out << run.err;
  }

  slipway::testing::TempDir dir_;
  SandboxHost host_;
  std::string url_;
};

TEST_F(KubectlTest, NamespacesGetCreateDelete) {
  auto get = Kubectl("get ns");
  ASSERT_EQ(get.code, 0) << get.err;
  EXPECT_NE(get.out.find("default"), std::string::npos) << get.out;
  EXPECT_NE(get.out.find("Active"), std::string::npos) << get.out;
  auto create = Kubectl("create namespace team-a");
  ASSERT_EQ(create.code, 0) << create.err;
  EXPECT_NE(create.out.find("namespace/team-a created"), std::string::npos) << create.out;
  EXPECT_EQ(core::StringAt(KubectlJson("get ns team-a"), {"status", "phase"}), "Active");
  ASSERT_EQ(Kubectl("apply -n team-a -f " + Write("d.yaml", Manifest("web", "web:1", 1))).code, 0);
  auto del = Kubectl("delete ns team-a --wait=false");
  ASSERT_EQ(del.code, 0) << del.err;
  EXPECT_EQ(core::StringAt(KubectlJson("get ns team-a"), {"status", "phase"}), "Terminating");
  EXPECT_TRUE(Eventually([&] { return Kubectl("get ns team-a").code != 0; }));
  auto gone = Kubectl("get ns team-a");
  EXPECT_NE(gone.err.find("NotFound"), std::string::npos) << gone.err;
  auto waited = Kubectl("create namespace team-b");
  ASSERT_EQ(waited.code, 0);
  auto del_wait = Kubectl("delete namespace team-b --timeout=30s");
  EXPECT_EQ(del_wait.code, 0) << del_wait.err;
  EXPECT_NE(del_wait.out.find("namespace \"team-b\" deleted"), std::string::npos) << del_wait.out;
}

TEST_F(KubectlTest, ApplyRolloutScaleRestartDelete) {
  ASSERT_EQ(Kubectl("create namespace apps").code, 0);
  auto path = Write("deploy.yaml", Manifest("web", "registry.local/web:1", 2));
  auto created = Kubectl("apply -n apps -f " + path);
  ASSERT_EQ(created.code, 0) << created.err;
  EXPECT_NE(created.out.find("deployment.apps/web created"), std::string::npos) << created.out;
  ExpectRolledOut("deployment/web", "apps");

  Write("deploy.yaml", Manifest("web", "registry.local/web:2", 2));
  auto changed = Kubectl("apply -n apps -f " + path);
  ASSERT_EQ(changed.code, 0) << changed.err;
  EXPECT_NE(changed.out.find("deployment.apps/web configured"), std::string::npos) << changed.out;
  ExpectRolledOut("deployment/web", "apps");
  auto d = KubectlJson("get deploy web -n apps");
  EXPECT_EQ(
      core::StringAt(d.at("spec").at("template").at("spec").at("containers").at(0), {"image"}),
      "registry.local/web:2");
  EXPECT_EQ(
      core::StringAt(d.at("spec").at("template").at("spec").at("containers").at(0).at("env").at(0),
                     {"value"}),
      "sandbox");
  EXPECT_EQ(d.at("metadata").at("annotations").at("deployment.kubernetes.io/revision"), "2");
  EXPECT_EQ(KubectlJson("get rs -n apps -l app=web").at("items").as_array().size(), 2u);
  auto unchanged = Kubectl("apply -n apps -f " + path);
  EXPECT_NE(unchanged.out.find("unchanged"), std::string::npos) << unchanged.out;

  auto scaled = Kubectl("scale deployment/web --replicas=3 -n apps");
  ASSERT_EQ(scaled.code, 0) << scaled.err;
  EXPECT_NE(scaled.out.find("scaled"), std::string::npos);
  ExpectRolledOut("deployment/web", "apps");
  d = KubectlJson("get deploy web -n apps");
  EXPECT_EQ(core::IntAt(d, {"spec", "replicas"}), 3);
  EXPECT_EQ(core::IntAt(d, {"status", "readyReplicas"}), 3);
  auto pods = KubectlJson("get pods -n apps -l app=web");
  EXPECT_EQ(pods.at("items").as_array().size(), 3u);

  auto restart = Kubectl("rollout restart deployment/web -n apps");
  ASSERT_EQ(restart.code, 0) << restart.err;
  EXPECT_NE(restart.out.find("restarted"), std::string::npos);
  ExpectRolledOut("deployment/web", "apps");
  d = KubectlJson("get deploy web -n apps");
  const auto* ann = core::Find(d, {"spec", "template", "metadata", "annotations"});
  ASSERT_TRUE(ann && ann->as_object().contains("kubectl.kubernetes.io/restartedAt"));
  EXPECT_EQ(KubectlJson("get rs -n apps").at("items").as_array().size(), 3u);

  auto table = Kubectl("get deploy -n apps");
  EXPECT_NE(table.out.find("web"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("READY"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("3/3"), std::string::npos) << table.out;
  auto all = Kubectl("get deploy -A");
  EXPECT_NE(all.out.find("apps"), std::string::npos) << all.out;

  auto del = Kubectl("delete deployment web -n apps");
  ASSERT_EQ(del.code, 0) << del.err;
  EXPECT_NE(del.out.find("deployment.apps \"web\" deleted"), std::string::npos) << del.out;
  auto missing = Kubectl("get deploy web -n apps");
  EXPECT_NE(missing.code, 0);
  EXPECT_NE(missing.err.find("NotFound"), std::string::npos) << missing.err;
  EXPECT_TRUE(Eventually(
      [&] { return KubectlJson("get pods -n apps -l app=web").at("items").as_array().empty(); }));
}

TEST_F(KubectlTest, ServerSideApply) {
  auto path = Write("ssa.yaml", Manifest("api", "registry.local/api:1", 1));
  auto first = Kubectl("apply --server-side -f " + path);
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("serverside-applied"), std::string::npos) << first.out;
  Write("ssa.yaml", Manifest("api", "registry.local/api:1", 2));
  auto second = Kubectl("apply --server-side -f " + path);
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_EQ(core::IntAt(KubectlJson("get deploy api"), {"spec", "replicas"}), 2);
  ExpectRolledOut("deploy/api", "default");
}

TEST_F(KubectlTest, MissingImageShowsImagePullBackOff) {
  auto path = Write("bad.yaml", Manifest("bad", "registry.local/missing:1", 1));
  ASSERT_EQ(Kubectl("apply -f " + path).code, 0);
  std::string reason;
  EXPECT_TRUE(Eventually([&] {
    auto pods = KubectlJson("get pods -l app=bad");
    const auto& items = pods.at("items").as_array();
    if (items.empty()) return false;
    const auto* cs = core::Find(items[0], {"status", "containerStatuses"});
    if (!cs || cs->as_array().empty()) return false;
    reason = core::StringAt(cs->as_array()[0], {"state", "waiting", "reason"});
    return reason == "ImagePullBackOff";
  })) << reason;
  auto status = Kubectl("rollout status deploy/bad --timeout=1s");
  EXPECT_NE(status.code, 0);
}

TEST_F(KubectlTest, InvalidObjectIsRejectedWithTheApiserverMessage) {
  std::string bad = Manifest("web", "web:1", 1);
  const std::string selector = "matchLabels:\n      app: web";
  bad.replace(bad.find(selector), selector.size(), "matchLabels:\n      app: other");
  auto run = Kubectl("apply -f " + Write("invalid.yaml", bad));
  EXPECT_NE(run.code, 0);
  EXPECT_NE(run.err.find("`selector` does not match template `labels`"), std::string::npos)
      << run.err;
}

// deploy/kubernetes/ as an operator installs it, and every object exists
// afterwards. kubectl validates each object against the server's OpenAPI
// document of its group: the emulator has no RBAC document (the shared
// specs hold core, apps and networking only), so the files of the other
// kinds go first, validated, and then the kustomization without client
// validation — the emulator still defaults and validates every object, and
// must find the validated ones unchanged.
TEST_F(KubectlTest, AppliesTheDeployManifestsWithKustomize) {
  const std::string dir = std::string(SLIPWAY_SOURCE_DIR) + "/deploy/kubernetes";
  std::string files;
  for (const char* f : {"namespace.yaml", "serviceaccount.yaml", "configmap.yaml",
                        "deployment.yaml", "service.yaml"}) {
    files += " -f " + dir + "/" + f;
  }
  auto validated = Kubectl("apply" + files);
  ASSERT_EQ(validated.code, 0) << validated.out << validated.err;
  auto applied = Kubectl("apply --validate=false -k " + dir);
  ASSERT_EQ(applied.code, 0) << applied.out << applied.err;
  for (const char* line : {"namespace/slipway unchanged", "serviceaccount/slipway unchanged",
                           "clusterrole.rbac.authorization.k8s.io/slipway created",
                           "clusterrolebinding.rbac.authorization.k8s.io/slipway created",
                           "configmap/slipway-config unchanged", "service/slipway unchanged",
                           "deployment.apps/slipway unchanged"}) {
    EXPECT_NE(applied.out.find(line), std::string::npos) << line << "\n" << applied.out;
  }
  EXPECT_EQ(core::StringAt(KubectlJson("get serviceaccount slipway -n slipway"),
                           {"metadata", "namespace"}),
            "slipway");
  auto role = KubectlJson("get clusterrole slipway");
  EXPECT_EQ(role.at("rules").as_array().size(), 5u);
  auto binding = KubectlJson("get clusterrolebinding slipway");
  EXPECT_EQ(core::StringAt(binding, {"roleRef", "name"}), "slipway");
  EXPECT_EQ(core::StringAt(binding.at("subjects").at(0), {"namespace"}), "slipway");
  EXPECT_EQ(core::StringAt(KubectlJson("get deploy slipway -n slipway"),
                           {"spec", "template", "spec", "serviceAccountName"}),
            "slipway");
  EXPECT_EQ(Kubectl("get configmap slipway-config -n slipway").code, 0);
  EXPECT_EQ(Kubectl("get service slipway -n slipway").code, 0);
  auto table = Kubectl("get clusterrolebinding slipway");
  EXPECT_NE(table.out.find("ClusterRole/slipway"), std::string::npos) << table.out;

  auto again = Kubectl("apply --validate=false -k " + dir);
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(again.out.find("configured"), std::string::npos) << again.out;
  EXPECT_EQ(again.out.find("created"), std::string::npos) << again.out;
}

TEST_F(KubectlTest, FaultInjectionThroughTheSandboxAdminEndpoint) {
  connectors::TransportSettings settings;
  settings.base_url = url_;
  settings.max_retries = 0;
  connectors::HttpTransport http(settings);
  connectors::TransportRequest fault;
  fault.method = "POST";
  fault.path = "/_sandbox/faults";
  fault.body =
      R"({"path_prefix":"/apis/apps/v1/namespaces/default/deployments","count":1,"status":503})";
  fault.headers = {{"Content-Type", "application/json"}};
  auto added = http.Send(fault);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->status, 201);
  connectors::TransportRequest list;
  list.path = "/apis/apps/v1/namespaces/default/deployments";
  auto failed = http.Send(list);
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->status, 503);
  auto ok = http.Send(list);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(core::StringAt(json::parse(ok->body), {"kind"}), "DeploymentList");
  connectors::TransportRequest calls;
  calls.path = "/_sandbox/calls";
  auto log = http.Send(calls);
  ASSERT_TRUE(log.ok());
  EXPECT_NE(log->body.find("\"injected\":true"), std::string::npos) << log->body;
  connectors::TransportRequest state;
  state.path = "/_sandbox/state";
  auto st = http.Send(state);
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(core::StringAt(json::parse(st->body), {"system"}), "kubernetes");
  EXPECT_EQ(Kubectl("get deploy").code, 0);
}

}  // namespace
}  // namespace slipway::sandbox::kube
