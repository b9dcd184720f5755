// Swimlanes end to end against `slipway serve` with its sandbox (R-LANE-1..13):
// dry run, create (every artefact in every emulator), push-to-deploy, edit,
// delete (nothing left anywhere), and the refusals that change nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "connectors/dns/client.hpp"
#include "connectors/jenkins/client.hpp"
#include "connectors/registry/client.hpp"
#include "lane_fixture.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

const cli::HeaderList kConsulToken{{"X-Consul-Token", "sandbox-consul-token"}};
const cli::HeaderList kGitLabToken{{"PRIVATE-TOKEN", "glpat-slipway-sandbox"}};
const cli::HeaderList kJenkinsAuth{{"Authorization", "Basic YWRtaW46c2xpcHdheS1zYW5kYm94LXRva2Vu"}};

std::string Encode(std::string text) {
  std::string out;
  for (char c : text) out += c == '/' ? std::string("%2F") : std::string(1, c);
  return out;
}

class LaneFlowTest : public LaneServerTest {
 protected:
  // An approved application with a test environment on the sandbox cluster.
  std::string App(const std::string& prefix, json::array domains = {}) {
    const std::string name = UniqueName(prefix);
    AddLaneApp(name, std::move(domains));
    return name;
  }

  Api Kube() { return Api(server().SandboxUrl("kubernetes"), ""); }
  Api Consul() { return Api(server().SandboxUrl("consul"), ""); }
  Api GitLab() { return Api(server().SandboxUrl("gitlab"), ""); }
  Api Jenkins() { return Api(server().SandboxUrl("jenkins"), ""); }

  std::string ConsulValue(const std::string& key) {
    auto raw = Consul().Send("GET", "/v1/kv/" + key + "?raw", std::nullopt, kConsulToken);
    return raw.status == 200 ? raw.raw.body : "<" + std::to_string(raw.status) + ">";
  }
  long KubeStatus(const std::string& path) { return Kube().Get(path).status; }
  long BranchStatus(const std::string& project, const std::string& branch) {
    return GitLab()
        .Send("GET",
              "/api/v4/projects/" + Encode(project) + "/repository/branches/" + Encode(branch),
              std::nullopt, kGitLabToken)
        .status;
  }
  std::size_t HookCount(const std::string& project, const std::string& lane_ns) {
    auto hooks = GitLab().Send("GET", "/api/v4/projects/" + Encode(project) + "/hooks",
                               std::nullopt, kGitLabToken);
    std::size_t n = 0;
    if (!hooks.json.is_array()) return 0;
    for (const auto& h : hooks.json.as_array()) {
      if (Text(h.at("url")).ends_with("lane=" + lane_ns)) ++n;
    }
    return n;
  }
  long JobStatus(const std::string& path) {
    std::string url;
    std::size_t start = 0;
    while (start <= path.size()) {
      auto slash = path.find('/', start);
      url += "/job/" +
             path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    return Jenkins().Send("GET", url + "/api/json", std::nullopt, kJenkinsAuth).status;
  }
  std::vector<connectors::DnsRecord> Dns(const std::string& host) {
    auto records = DnsClient().Query(host, connectors::DnsType::kA);
    return records.ok() ? *records : std::vector<connectors::DnsRecord>{};
  }
  connectors::dns::DnsClient DnsClient() {
    const std::string address = server().SandboxUrl("dns");
    connectors::dns::DnsSettings s;
    auto colon = address.rfind(':');
    s.server = address.substr(
        address.find("//") == std::string::npos ? 0 : address.find("//") + 2,
        colon - (address.find("//") == std::string::npos ? 0 : address.find("//") + 2));
    s.port = static_cast<std::uint16_t>(std::stoi(address.substr(colon + 1)));
    s.zone = sandbox::kSandboxDnsZone;
    s.key_name = sandbox::kSandboxTsigKeyName;
    s.key_secret = sandbox::kSandboxTsigSecret;
    return connectors::dns::DnsClient(s);
  }
  // The drift report's artefacts that are not present, as "kind name".
  std::vector<std::string> Missing(Api& api, std::int64_t id) {
    auto drift = api.Get("/api/v1/lanes/" + std::to_string(id) + "/drift");
    EXPECT_EQ(drift.status, 200) << drift;
    std::vector<std::string> out;
    for (const auto& item : drift.Object().at("items").as_array()) {
      if (!item.at("present").is_bool() || !item.at("present").as_bool()) {
        out.push_back(Text(item.at("kind")) + " " + Text(item.at("name")));
      }
    }
    return out;
  }
};

TEST_F(LaneFlowTest, DryRunCreatePushEditDeleteLeavesNothingAnywhere) {
  const auto order = App("order", json::array{"web"});
  const auto pay = App("pay");
  const auto user = App("user");
  const std::string lane = UniqueName("Pay_Q3");
  const std::string ns = NamespaceOf(lane);
  // QA's config of order names a QA host and an internal service.
  auto put = Consul().SendRaw(
      "PUT", "/v1/kv/slipway/config/" + order + "/test/sandbox/app.properties",
      "site=https://web-qa.sandbox.test/home\nuser.url=http://" + user + ".app:8080\n",
      "text/plain", kConsulToken);
  ASSERT_EQ(put.status, 200) << put;
  auto api = server().As(owner_);
  json::object body{{"name", lane},
                    {"story", Story()},
                    {"apps", json::array{json::object{{"app", order}}, json::object{{"app", pay}}}},
                    {"coloring", {{"producers", json::array{json::value(order)}}}}};

  // The plan names every artefact before anything exists.
  auto plan = api.Post("/api/v1/lanes?dry_run=1", body);
  ASSERT_EQ(plan.status, 200) << plan;
  const std::string plan_text = json::serialize(plan.Object().at("plan"));
  for (const std::string& expected : std::vector<std::string>{
           "\"namespace\"", "feature/" + lane, lane + "/" + order, "web-" + ns + ".sandbox.test",
           "fallback-service", ns + "/" + user, "https://web-" + ns + ".sandbox.test/home",
           "http://" + user + "." + ns + ":8080"}) {
    EXPECT_NE(plan_text.find(expected), std::string::npos) << expected << " not in " << plan_text;
  }
  EXPECT_EQ(plan.Object().at("lane").at("description").as_string().empty(), false)
      << "the story's title";
  EXPECT_EQ(KubeStatus("/api/v1/namespaces/" + ns), 404) << "a dry run creates nothing";
  EXPECT_EQ(api.Get("/api/v1/lanes").Object().at("items").as_array().size(),
            api.Get("/api/v1/lanes").Object().at("items").as_array().size());

  // Create: every artefact in every system.
  auto created = api.Post("/api/v1/lanes", body);
  ASSERT_EQ(created.status, 202) << created;
  const auto id = created.Object().at("lane").at("id").as_int64();
  auto active =
      WaitForLane(owner_, id, [](const Reply& r) { return r.Str("state") != "creating"; });
  ASSERT_EQ(active.Str("state"), "active") << active;
  EXPECT_EQ(BranchStatus("trade/" + order, "feature/" + lane), 200);
  EXPECT_EQ(BranchStatus("trade/" + pay, "feature/" + lane), 200);
  EXPECT_EQ(JobStatus(lane + "/" + order), 200);
  EXPECT_EQ(JobStatus(lane + "/" + pay), 200);
  EXPECT_EQ(HookCount("trade/" + order, ns), 1u);
  EXPECT_EQ(KubeStatus("/api/v1/namespaces/" + ns), 200);
  EXPECT_EQ(KubeStatus("/apis/apps/v1/namespaces/" + ns + "/deployments/" + order), 200);
  EXPECT_EQ(KubeStatus("/apis/apps/v1/namespaces/" + ns + "/deployments/" + pay), 200);
  auto fallback = Kube().Get("/api/v1/namespaces/" + ns + "/services/" + user);
  ASSERT_EQ(fallback.status, 200) << fallback;
  EXPECT_EQ(Text(fallback.Object().at("spec").at("type")), "ExternalName");
  EXPECT_EQ(
      KubeStatus("/apis/networking.k8s.io/v1/namespaces/" + ns + "/ingresses/" + order + "-web"),
      200);
  auto records = Dns("web-" + ns + ".sandbox.test");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].value, "127.0.0.1");
  const std::string lane_config =
      "slipway/config/" + order + "/feature-" + ns + "/sandbox/app.properties";
  EXPECT_EQ(ConsulValue(lane_config), "site=https://web-" + ns +
                                          ".sandbox.test/home\nuser.url=http://" + user + "." + ns +
                                          ":8080\n");
  auto deployment = Kube().Get("/apis/apps/v1/namespaces/" + ns + "/deployments/" + order);
  const std::string container = json::serialize(deployment.Object().at("spec").at("template"));
  EXPECT_NE(container.find("SLIPWAY_LANE_COLOR"), std::string::npos)
      << "order produces colored messages";
  EXPECT_NE(container.find("SLIPWAY_CONFIG_CONSUL_PATH"), std::string::npos);

  // Progress: the create workflow and one child per application, all done, readable by the owner.
  auto progress = api.Get("/api/v1/lanes/" + std::to_string(id) + "/workflow");
  ASSERT_EQ(progress.status, 200) << progress;
  EXPECT_EQ(Text(progress.Object().at("workflow").at("state")), "succeeded");
  ASSERT_EQ(progress.Object().at("children").as_array().size(), 2u);
  for (const auto& child : progress.Object().at("children").as_array()) {
    EXPECT_EQ(Text(child.at("kind")), "lane.app.create");
    EXPECT_EQ(child.at("steps").as_array().size(), 6u)
        << "branch, config, job, hook, deploy, domains";
  }

  // Drift and repair: what someone removes shows as missing, and a sync remakes it.
  EXPECT_EQ(Missing(api, id), std::vector<std::string>{});
  ASSERT_TRUE(DnsClient().Delete("web-" + ns + ".sandbox.test", connectors::DnsType::kA).ok());
  ASSERT_EQ(Kube().Delete("/api/v1/namespaces/" + ns + "/services/" + user).status, 200);
  EXPECT_EQ(Missing(api, id), (std::vector<std::string>{"record web-" + ns + ".sandbox.test",
                                                        "fallback-service " + ns + "/" + user}));
  auto sync = api.Post("/api/v1/lanes/" + std::to_string(id) + "/sync");
  ASSERT_EQ(sync.status, 202) << sync;
  WaitForLane(owner_, id,
              [](const Reply& r) { return Text(r.Object().at("workflow_state")) != "running"; });
  EXPECT_EQ(Missing(api, id), std::vector<std::string>{});
  EXPECT_EQ(HookCount("trade/" + order, ns), 1u) << "a sync makes nothing twice";

  // The hook outside the session: a wrong token is refused, an event for no lane ignored.
  const std::string push_event = json::serialize(
      json::object{{"object_kind", "push"},
                   {"ref", "refs/heads/feature/" + lane},
                   {"before", std::string(40, '0')},
                   {"after", std::string(40, 'a')},
                   {"project", {{"id", 1}, {"path_with_namespace", "trade/" + order}}}});
  auto forged = server().Anonymous().SendRaw(
      "POST", "/hooks/gitlab", push_event, "application/json",
      {{"X-Gitlab-Event", "Push Hook"}, {"X-Gitlab-Token", "guessed"}});
  EXPECT_EQ(forged.status, 401) << forged;
  std::string elsewhere = push_event;
  elsewhere.replace(elsewhere.find("feature/" + lane), 8 + lane.size(), "main");
  auto ignored = server().Anonymous().SendRaw(
      "POST", "/hooks/gitlab", elsewhere, "application/json",
      {{"X-Gitlab-Event", "Push Hook"}, {"X-Gitlab-Token", "guessed"}});
  EXPECT_EQ(ignored.status, 202) << ignored;
  EXPECT_TRUE(ignored.Object().at("ignored").as_bool());

  // Push-to-deploy: a commit on feature/<lane> builds the lane's job and runs the image in the
  // lane.
  auto pushed = GitLab().Post("/sandbox/push",
                              {{"project", "trade/" + order}, {"branch", "feature/" + lane}});
  ASSERT_LT(pushed.status, 300) << pushed;
  auto deployed = WaitForLane(owner_, id, [&](const Reply& r) {
    for (const auto& a : r.Object().at("apps").as_array()) {
      if (Text(a.at("app")) == order &&
          Text(a.at("live").at("deployed_image")).find(":" + ns + "-") != std::string::npos) {
        return true;
      }
    }
    return false;
  });
  auto image = [&](const Reply& r) {
    for (const auto& a : r.Object().at("apps").as_array()) {
      if (Text(a.at("app")) == order) return Text(a.at("live").at("deployed_image"));
    }
    return std::string();
  };
  ASSERT_NE(image(deployed).find(":" + ns + "-"), std::string::npos)
      << deployed << "\npush: " << pushed
      << "\nevents: " << api.Get("/api/v1/lanes/" + std::to_string(id) + "/events");
  auto running = Kube().Get("/apis/apps/v1/namespaces/" + ns + "/deployments/" + order);
  EXPECT_NE(json::serialize(running.Object()).find(image(deployed)), std::string::npos);
  auto events = api.Get("/api/v1/lanes/" + std::to_string(id) + "/events");
  EXPECT_NE(json::serialize(events.Object()).find("\"deploy\""), std::string::npos) << events;

  // A build started by hand in the lane's Jenkins job is noticed and deployed too, by digest.
  connectors::jenkins::JenkinsSettings jenkins;
  jenkins.transport.base_url = server().SandboxUrl("jenkins");
  jenkins.transport.basic_user = "admin";
  jenkins.transport.basic_password = "slipway-sandbox-token";
  auto queued = connectors::jenkins::JenkinsClient(jenkins).TriggerBuild(
      lane + "/" + order, std::map<std::string, std::string>{}, 0);
  ASSERT_TRUE(queued.ok()) << queued.error().message;
  auto by_hand = WaitForLane(owner_, id, [&](const Reply& r) {
    return image(r).find("-manual@sha256:") != std::string::npos;
  });
  EXPECT_NE(image(by_hand).find(":" + ns + "-manual@sha256:"), std::string::npos) << by_hand;

  auto tag_of = [](const std::string& image) {
    auto at = image.find('@');
    auto base = image.substr(0, at);
    return base.substr(base.rfind(':') + 1);
  };
  const std::string pushed_tag = tag_of(image(deployed));
  connectors::registry::RegistryClient registry({.base_url = server().SandboxUrl("registry")});
  auto image_present = [&](const std::string& tag) {
    return registry.HeadManifest("slipway/" + order, tag).ok();
  };
  EXPECT_TRUE(image_present(pushed_tag)) << pushed_tag;
  EXPECT_TRUE(image_present(ns + "-manual"));

  // Edit: pay leaves (its artefacts go, its fallback comes back), user joins.
  auto current = api.Get("/api/v1/lanes/" + std::to_string(id));
  auto edited =
      api.Patch("/api/v1/lanes/" + std::to_string(id),
                {{"version", current.Int("version")},
                 {"apps", json::array{json::object{{"app", order}}, json::object{{"app", user}}}}});
  ASSERT_EQ(edited.status, 200) << edited;
  auto after_edit = WaitForLane(owner_, id, [&](const Reply& r) {
    return Text(r.Object().at("workflow_state")) != "running";
  });
  EXPECT_EQ(after_edit.Str("state"), "active") << after_edit;
  EXPECT_EQ(KubeStatus("/apis/apps/v1/namespaces/" + ns + "/deployments/" + pay), 404);
  EXPECT_EQ(Text(Kube()
                     .Get("/api/v1/namespaces/" + ns + "/services/" + pay)
                     .Object()
                     .at("spec")
                     .at("type")),
            "ExternalName");
  EXPECT_EQ(KubeStatus("/apis/apps/v1/namespaces/" + ns + "/deployments/" + user), 200);
  EXPECT_NE(Text(Kube()
                     .Get("/api/v1/namespaces/" + ns + "/services/" + user)
                     .Object()
                     .at("spec")
                     .at("type")),
            "ExternalName");
  EXPECT_EQ(JobStatus(lane + "/" + pay), 404);
  EXPECT_EQ(HookCount("trade/" + pay, ns), 0u);

  // Delete: synchronous, and nothing of the lane is left in any system.
  auto refused = api.Delete("/api/v1/lanes/" + std::to_string(id) + "?confirm=wrong");
  EXPECT_EQ(refused.status, 400) << refused;
  auto deleted = api.Delete("/api/v1/lanes/" + std::to_string(id) + "?confirm=" + lane);
  ASSERT_EQ(deleted.status, 200) << deleted;
  EXPECT_EQ(KubeStatus("/api/v1/namespaces/" + ns), 404);
  EXPECT_EQ(JobStatus(lane), 404);
  EXPECT_EQ(HookCount("trade/" + order, ns), 0u);
  EXPECT_TRUE(Dns("web-" + ns + ".sandbox.test").empty());
  EXPECT_EQ(ConsulValue(lane_config), "<404>");
  EXPECT_EQ(BranchStatus("trade/" + order, "feature/" + lane), 200)
      << "branches are kept by default";
  EXPECT_FALSE(image_present(pushed_tag)) << "the lane's images go with it";
  EXPECT_FALSE(image_present(ns + "-manual"));
  auto gone = api.Get("/api/v1/lanes/" + std::to_string(id));
  EXPECT_EQ(gone.Str("state"), "deleted");
  auto again = api.Delete("/api/v1/lanes/" + std::to_string(id) + "?confirm=" + lane);
  EXPECT_EQ(again.status, 200) << "deleting a deleted lane is done";
  auto by_name = api.Delete("/api/v1/lanes/" + lane + "?confirm=" + lane);
  EXPECT_EQ(by_name.status, 200) << "by name too: " << by_name;
}

TEST_F(LaneFlowTest, BadInputIsRefusedNamingTheFieldAndCreatesNothing) {
  const auto app = App("bad");
  auto api = server().As(owner_);
  auto lanes_before = api.Get("/api/v1/lanes").Object().at("items").as_array().size();
  auto create = [&](json::object changes) {
    json::object body{{"name", UniqueName("bad")},
                      {"story", Story()},
                      {"apps", json::array{json::object{{"app", app}}}}};
    for (auto& [k, v] : changes) body[k] = v;
    return api.Post("/api/v1/lanes", body);
  };
  struct Case {
    json::object body;
    long status;
    std::string field;
  };
  for (const auto& c : std::vector<Case>{
           {{{"name", ""}}, 400, "name"},
           {{{"name", std::string(41, 'a')}}, 400, "name"},
           {{{"name", "a/b"}}, 400, "name"},
           {{{"apps", json::array{}}}, 400, "apps"},
           {{{"apps", json::array{json::object{{"app", "no-such-app"}}}}}, 400, "apps[0].app"},
           {{{"apps", json::array{json::object{{"app", app}}, json::object{{"app", app}}}}},
            400,
            "apps[1].app"},
           {{{"apps", json::array{json::object{{"app", app}, {"domains", json::array{"web"}}}}}},
            400,
            "apps[0].domains[0]"},
           {{{"story",
              {{"workspace_id", sandbox::kSandboxTapdWorkspace}, {"id", "1010158231599999999"}}}},
            400,
            "story_id"},
           {{{"base_env_type", "prod"}}, 400, "apps[0].app"},
           {{{"members", json::array{"nobody-of-that-name"}}}, 400, "members[0]"},
           {{{"unknown", 1}}, 400, "unknown"},
       }) {
    auto r = create(c.body);
    EXPECT_EQ(r.status, c.status) << json::serialize(c.body) << " → " << r;
    EXPECT_EQ(r.ErrorDetail("field"), c.field) << json::serialize(c.body) << " → " << r;
  }
  // Two names that map to one namespace: the second is refused naming the first.
  const std::string first = UniqueName("Twin_A");
  auto one = api.Post(
      "/api/v1/lanes",
      {{"name", first}, {"story", Story()}, {"apps", json::array{json::object{{"app", app}}}}});
  ASSERT_EQ(one.status, 202) << one;
  std::string twin = first;
  for (auto& c : twin) c = c == '_' ? '-' : static_cast<char>(std::tolower(c));
  auto two = api.Post(
      "/api/v1/lanes",
      {{"name", twin}, {"story", Story()}, {"apps", json::array{json::object{{"app", app}}}}});
  EXPECT_EQ(two.status, 409) << two;
  EXPECT_EQ(two.ErrorDetail("lane"), first);
  EXPECT_EQ(api.Get("/api/v1/lanes").Object().at("items").as_array().size(), lanes_before + 1);
  auto id = one.Object().at("lane").at("id").as_int64();
  WaitForLane(owner_, id, [](const Reply& r) { return r.Str("state") != "creating"; });
  EXPECT_EQ(api.Delete("/api/v1/lanes/" + std::to_string(id) + "?confirm=" + first).status, 200);
}

TEST_F(LaneFlowTest, OwnersMembersAndAdminsChangeALaneOthersOnlyRead) {
  const auto app = App("rights");
  auto member = server().CreateUser("developer", "lane-member");
  auto outsider = server().CreateUser("developer", "lane-outsider");
  auto viewer = server().CreateUser("viewer", "lane-viewer");
  const std::string name = UniqueName("rights");
  auto created = server().As(owner_).Post("/api/v1/lanes",
                                          {{"name", name},
                                           {"story", Story()},
                                           {"members", json::array{json::value(member.username)}},
                                           {"apps", json::array{json::object{{"app", app}}}}});
  ASSERT_EQ(created.status, 202) << created;
  const auto path =
      "/api/v1/lanes/" + std::to_string(created.Object().at("lane").at("id").as_int64());
  EXPECT_EQ(server().As(viewer).Post("/api/v1/lanes", {{"name", "x"}}).status, 403);
  // A developer who is not a member of the application cannot put it in a
  // lane (branches, jobs and hooks in someone else's repository), and the
  // refusal leaves no lane behind.
  const std::string foreign = UniqueName("foreign");
  auto refused = server().As(outsider).Post(
      "/api/v1/lanes",
      {{"name", foreign}, {"story", Story()}, {"apps", json::array{json::object{{"app", app}}}}});
  EXPECT_EQ(refused.status, 403) << refused;
  EXPECT_EQ(server().As(outsider).Get("/api/v1/lanes/" + foreign).status, 404);
  EXPECT_EQ(server().As(viewer).Get(path).status, 200);
  EXPECT_EQ(server().As(viewer).Post(path + "/renew").status, 403);
  EXPECT_EQ(server().As(outsider).Post(path + "/renew").status, 403);
  EXPECT_EQ(server().As(outsider).Delete(path + "?confirm=" + name).status, 403);
  EXPECT_EQ(server().As(member).Post(path + "/renew").status, 200);
  EXPECT_EQ(server().As(owner_).Post(path + "/renew").status, 200);
  EXPECT_EQ(server().Admin().Post(path + "/renew").status, 200);
  auto renamed = server().As(owner_).Patch(
      path, {{"version", server().As(owner_).Get(path).Int("version")}, {"name", name + "x"}});
  EXPECT_EQ(renamed.status, 400) << renamed;
  EXPECT_EQ(renamed.ErrorDetail("field"), "name");
  WaitForLane(server().admin_user(), created.Object().at("lane").at("id").as_int64(),
              [](const Reply& r) { return r.Str("state") != "creating"; });
  EXPECT_EQ(server().Admin().Delete(path + "?confirm=" + name).status, 200);
}

}  // namespace
}  // namespace slipway::testing
