// Lanes against misbehaving systems (R-LANE-4, 11), with `slipway serve` and
// its sandbox: GitLab answering 503 while the lane's branch is created (the
// step retries, the lane becomes active), and the DNS server refusing updates
// while the lane is deleted (DELETE answers 503 naming the step, the lane is
// not deleted; deleting again once DNS is back finishes with nothing left),
// and TAPD unreachable when a lane is created (503, nothing created).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "connectors/dns/client.hpp"
#include "sandbox/dns/dns_responder.hpp"
#include "sandbox/tapd/tapd_emulator.hpp"
#include "support/api_fixture.hpp"

namespace slipway::testing {
namespace {

namespace json = boost::json;

const cli::HeaderList kGitLabToken{{"PRIVATE-TOKEN", "glpat-slipway-sandbox"}};
const cli::HeaderList kJenkinsAuth{{"Authorization", "Basic YWRtaW46c2xpcHdheS1zYW5kYm94LXRva2Vu"}};

std::string Encode(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '/' ? std::string("%2F") : std::string(1, c);
  return out;
}

class LaneFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<ApiServer>(SandboxOptions());
    owner_ = server_->CreateUser("developer", "lane-faults");
  }

  std::string App(const std::string& prefix, json::array domains = {}) {
    const std::string name = UniqueName(prefix);
    auto id = RegisterApprovedApp(*server_, owner_, name);
    const std::string path = "/api/v1/apps/" + std::to_string(id);
    auto app = server_->As(owner_).Get(path);
    auto details = server_->As(owner_).Put(
        path + "/details", {{"version", app.Int("version")},
                            {"ports", json::array{json::object{{"name", "http"}, {"port", 8080}}}},
                            {"business_domains", domains}});
    EXPECT_EQ(details.status, 200) << details;
    auto env = server_->Admin().Post(path + "/environments",
                                     {{"env_type", "test"}, {"cluster", "sandbox"}});
    EXPECT_EQ(env.status, 201) << env;
    return name;
  }

  // Creates the lane of `apps`; its id.
  std::int64_t CreateLane(const std::string& name, const std::vector<std::string>& apps) {
    json::array list;
    for (const auto& a : apps) list.push_back(json::object{{"app", a}});
    auto created = server_->As(owner_).Post(
        "/api/v1/lanes",
        {{"name", name},
         {"story",
          {{"workspace_id", sandbox::kSandboxTapdWorkspace}, {"id", sandbox::kSandboxTapdStoryId}}},
         {"apps", list}});
    EXPECT_EQ(created.status, 202) << created;
    return created.status == 202 ? created.Object().at("lane").at("id").as_int64() : 0;
  }

  Reply WaitForLane(std::int64_t id, const std::function<bool(const Reply&)>& done) {
    Reply last;
    auto api = server_->As(owner_);
    WaitUntil([&] {
      last = api.Get("/api/v1/lanes/" + std::to_string(id));
      return done(last);
    });
    return last;
  }

  Api Sandbox(const std::string& system) { return Api(server_->SandboxUrl(system), ""); }
  void InjectFault(const std::string& system, const json::object& rule) {
    auto added = Sandbox(system).Post("/_sandbox/faults", rule);
    ASSERT_EQ(added.status, 201) << added;
  }
  std::size_t PendingFaults(const std::string& system) {
    const auto state = Sandbox(system).Get("/_sandbox/state");
    return state.Object().at("injection").at("faults").as_array().size();
  }
  int InjectedCalls(const std::string& system) {
    int n = 0;
    const auto calls = Sandbox(system).Get("/_sandbox/calls");
    for (const auto& c : calls.Object().at("calls").as_array()) {
      n += c.at("injected").as_bool();
    }
    return n;
  }
  void ClearFaults(const std::string& system) {
    auto cleared = Sandbox(system).Delete("/_sandbox/faults");
    ASSERT_LT(cleared.status, 300) << cleared;
  }

  long BranchStatus(const std::string& project, const std::string& branch) {
    return Sandbox("gitlab")
        .Send("GET",
              "/api/v4/projects/" + Encode(project) + "/repository/branches/" + Encode(branch),
              std::nullopt, kGitLabToken)
        .status;
  }
  std::size_t HookCount(const std::string& project, const std::string& lane_ns) {
    auto hooks = Sandbox("gitlab").Send("GET", "/api/v4/projects/" + Encode(project) + "/hooks",
                                        std::nullopt, kGitLabToken);
    std::size_t n = 0;
    if (!hooks.json.is_array()) return 0;
    for (const auto& h : hooks.json.as_array()) n += Text(h.at("url")).ends_with("lane=" + lane_ns);
    return n;
  }
  long JobStatus(const std::string& folder) {
    return Sandbox("jenkins")
        .Send("GET", "/job/" + folder + "/api/json", std::nullopt, kJenkinsAuth)
        .status;
  }
  std::vector<std::string> DnsA(const std::string& host) {
    const std::string address = server_->SandboxUrl("dns");
    const auto start = address.find("//") == std::string::npos ? 0 : address.find("//") + 2;
    connectors::dns::DnsSettings s;
    s.server = address.substr(start, address.rfind(':') - start);
    s.port = static_cast<std::uint16_t>(std::stoi(address.substr(address.rfind(':') + 1)));
    s.zone = sandbox::kSandboxDnsZone;
    s.key_name = sandbox::kSandboxTsigKeyName;
    s.key_secret = sandbox::kSandboxTsigSecret;
    auto records = connectors::dns::DnsClient(s).Query(host, connectors::DnsType::kA);
    EXPECT_TRUE(records.ok()) << records.error().message;
    std::vector<std::string> out;
    if (records.ok()) {
      for (const auto& r : *records) out.push_back(r.value);
    }
    return out;
  }

  std::unique_ptr<ApiServer> server_;
  TestUser owner_;
};

TEST_F(LaneFaultsTest, GitLabServerErrorsWhileCreatingTheBranchAreRetried) {
  const auto app = App("branch");
  const std::string lane = UniqueName("lane");
  const std::string project = "trade/" + app;
  ClearFaults("gitlab");
  // Creating the branch fails twice: the client does not repeat a POST, so
  // the step retries. (Faults match the decoded path.)
  InjectFault("gitlab", {{"method", "POST"},
                         {"path_prefix", "/api/v4/projects/" + project + "/repository/branches"},
                         {"count", 2},
                         {"status", 503}});
  const auto id = CreateLane(lane, {app});
  ASSERT_NE(id, 0);
  auto active = WaitForLane(id, [](const Reply& r) { return r.Str("state") != "creating"; });
  EXPECT_EQ(active.Str("state"), "active") << active;
  EXPECT_EQ(PendingFaults("gitlab"), 0u);
  EXPECT_EQ(InjectedCalls("gitlab"), 2);
  EXPECT_EQ(BranchStatus(project, "feature/" + lane), 200);
  EXPECT_EQ(HookCount(project, lane), 1u);
  auto deleted =
      server_->As(owner_).Delete("/api/v1/lanes/" + std::to_string(id) + "?confirm=" + lane);
  EXPECT_EQ(deleted.status, 200) << deleted;
}

TEST_F(LaneFaultsTest, ADnsServerRefusingUpdatesFailsTheDeleteWhichARepeatedDeleteFinishes) {
  const auto app = App("dnsdel", json::array{"shop"});
  const std::string lane = UniqueName("lane");
  const std::string host = "shop-" + lane + ".sandbox.test";
  const auto id = CreateLane(lane, {app});
  ASSERT_NE(id, 0);
  auto active = WaitForLane(id, [](const Reply& r) { return r.Str("state") != "creating"; });
  ASSERT_EQ(active.Str("state"), "active") << active;
  ASSERT_EQ(DnsA(host), std::vector<std::string>{"127.0.0.1"});

  // The DNS server refuses every update of the lane's name.
  ClearFaults("dns-admin");
  InjectFault("dns-admin",
              {{"opcode", "UPDATE"}, {"name", host}, {"rcode", "REFUSED"}, {"count", 1000}});
  const std::string path = "/api/v1/lanes/" + std::to_string(id);
  auto failed = server_->As(owner_).Delete(path + "?confirm=" + lane);
  ASSERT_EQ(failed.status, 503) << failed;
  EXPECT_EQ(failed.Str("workflow_state"), "failed") << failed;
  const auto error = failed.Str("error");
  // The app, the step of its removal, and the artefact: "<app>: domains: DNS record <host>: …".
  EXPECT_NE(error.find(app + ": domains: DNS record " + host), std::string::npos)
      << "the failed step is named: " << failed;
  EXPECT_GT(InjectedCalls("dns-admin"), 0);
  auto stuck = server_->As(owner_).Get(path);
  EXPECT_TRUE(stuck.Str("state") == "failed" || stuck.Str("state") == "deleting") << stuck;
  EXPECT_EQ(DnsA(host), std::vector<std::string>{"127.0.0.1"}) << "the record is still there";

  // DNS is back: deleting again finishes, and nothing of the lane is left.
  ClearFaults("dns-admin");
  auto finished = server_->As(owner_).Delete(path + "?confirm=" + lane);
  ASSERT_EQ(finished.status, 200) << finished;
  EXPECT_EQ(server_->As(owner_).Get(path).Str("state"), "deleted");
  EXPECT_TRUE(DnsA(host).empty());
  EXPECT_EQ(HookCount("trade/" + app, lane), 0u);
  EXPECT_EQ(JobStatus(lane), 404);
  EXPECT_EQ(Api(server_->SandboxUrl("kubernetes"), "").Get("/api/v1/namespaces/" + lane).status,
            404);
}

TEST_F(LaneFaultsTest, TapdUnreachableRefusesTheLaneWith503AndCreatesNothing) {
  const auto app = App("tapd", json::array{"shop"});
  const std::string lane = UniqueName("lane");
  const std::string project = "trade/" + app;
  auto api = server_->As(owner_);
  const auto lanes_before = api.Get("/api/v1/lanes").Object().at("items").as_array().size();
  ClearFaults("tapd");
  InjectFault("tapd", {{"path_prefix", "/"}, {"count", 1000}, {"status", 503}});
  auto refused = api.Post(
      "/api/v1/lanes",
      {{"name", lane},
       {"story",
        {{"workspace_id", sandbox::kSandboxTapdWorkspace}, {"id", sandbox::kSandboxTapdStoryId}}},
       {"apps", json::array{json::object{{"app", app}}}}});
  ASSERT_EQ(refused.status, 503) << refused;
  EXPECT_NE(refused.raw.body.find("TAPD cannot be asked about the story"), std::string::npos)
      << refused;
  EXPECT_GT(InjectedCalls("tapd"), 0) << "TAPD was asked";
  EXPECT_EQ(api.Get("/api/v1/lanes").Object().at("items").as_array().size(), lanes_before);
  EXPECT_EQ(BranchStatus(project, "feature/" + lane), 404);
  EXPECT_EQ(JobStatus(lane), 404);
  EXPECT_EQ(HookCount(project, lane), 0u);
  EXPECT_EQ(Api(server_->SandboxUrl("kubernetes"), "").Get("/api/v1/namespaces/" + lane).status,
            404);

  // TAPD is back: the same request creates the lane.
  ClearFaults("tapd");
  const auto id = CreateLane(lane, {app});
  ASSERT_NE(id, 0);
  auto active = WaitForLane(id, [](const Reply& r) { return r.Str("state") != "creating"; });
  EXPECT_EQ(active.Str("state"), "active") << active;
  EXPECT_EQ(api.Delete("/api/v1/lanes/" + std::to_string(id) + "?confirm=" + lane).status, 200);
}

}  // namespace
}  // namespace slipway::testing
