// The durable engine under real crashes (R-REL-7): `slipway serve` is made to
// exit at each engine fail point, restarted, and the sample workflow must
// still complete with every step committed exactly once; so must a fan-out
// to child workflows crashed in a child's or the parent's commit. Then two
// servers share one PostgreSQL database and no step may run twice.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/http_client.hpp"
#include "core/common/clock.hpp"
#include "engine/engine.hpp"
#include "engine/sample_workflow.hpp"
#include "support/slipway_process.hpp"
#include "support/test_database.hpp"

namespace slipway::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr const char* kAdminPassword = "crash-test-admin-password";
const std::vector<std::string> kSampleSteps = {"prepare", "bake", "promote", "finish"};

TestDatabase OpenDatabase(const std::string& dialect) { return OpenTestDatabaseOf(dialect); }

// How a server process reaches the test's database.
std::vector<std::string> DatabaseArgs(const TestDatabase& db) {
  if (db.dialect() == store::Dialect::kPostgres) return {"--database-url", db.url()};
  const std::string& path = db.sqlite_path();  // <data dir>/slipway.db, as serve names it
  return {"--data-dir", path.substr(0, path.rfind('/'))};
}

std::unique_ptr<SlipwayProcess> StartServer(const TestDatabase& db, const std::string& failpoints,
                                            int lease_ms) {
  ProcessOptions options;
  options.args = {"serve", "--engine-lease-ms", std::to_string(lease_ms)};
  for (std::string& arg : DatabaseArgs(db)) options.args.push_back(std::move(arg));
  options.env = {{"SLIPWAY_TESTING", "1"}, {"SLIPWAY_ADMIN_PASSWORD", kAdminPassword}};
  if (!failpoints.empty()) options.env.emplace_back("SLIPWAY_FAILPOINTS", failpoints);
  return std::make_unique<SlipwayProcess>(std::move(options));
}

// Reads (and, in the two-process test, starts and signals) workflows
// directly in the database; it runs no workers of its own.
class Observer {
 public:
  explicit Observer(store::Database& db) : engine_(db, clock_, SampleRegistry(), {}) {}

  engine::Engine& engine() { return engine_; }

  engine::Workflow Get(const std::string& id) {
    auto workflow = engine_.Get(id);
    if (!workflow.ok()) throw std::runtime_error(workflow.error().message);
    return workflow.value();
  }

  bool WaitsFor(const std::string& id, const std::string& signal) {
    return engine::ToJson(Get(id)).at("waiting_for") == boost::json::value(signal);
  }

 private:
  static engine::Registry SampleRegistry() {
    engine::Registry registry;
    engine::RegisterSampleWorkflow(registry);
    return registry;
  }
  core::SystemClock clock_;
  engine::Engine engine_;
};

// Polls `done` until it holds; real processes do real work, so this waits
// in real time (unit tests use SimulatedClock instead).
void WaitUntil(const std::function<bool()>& done, milliseconds timeout, const std::string& what) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline)
      throw std::runtime_error("timed out: " + what);
    std::this_thread::sleep_for(milliseconds(50));
  }
}

std::map<std::string, std::int64_t> CountPerStep(store::Database& db, const std::string& table,
                                                 const std::string& workflow_id) {
  std::map<std::string, std::int64_t> counts;
  auto tx = db.Begin(store::TxMode::kRead);
  for (const store::Row& row : tx->Query("SELECT step_name, COUNT(*) AS n FROM " + table +
                                             " WHERE workflow_id = ? GROUP BY step_name",
                                         {workflow_id})) {
    counts[row.Text("step_name")] = row.Int("n");
  }
  return counts;
}

std::map<std::string, std::int64_t> OncePerStep() {
  std::map<std::string, std::int64_t> once;
  for (const std::string& step : kSampleSteps) once[step] = 1;
  return once;
}

// `slipway admin start-workflow`, as an operator would run it.
std::string StartSampleFromCli(const TestDatabase& db) {
  std::vector<std::string> args = {"admin", "start-workflow", "sample", "--subject", "crash"};
  for (std::string& arg : DatabaseArgs(db)) args.push_back(std::move(arg));
  CommandResult result = RunSlipway(args, {{"SLIPWAY_TESTING", "1"}});
  if (result.status.code != 0) {
    throw std::runtime_error("start-workflow failed (" + result.status.Describe() +
                             "): " + result.err);
  }
  return result.out.substr(0, result.out.find_first_of("\r\n"));
}

// POST /api/v1/workflows/{id}/signals/promote as the bootstrap admin; the
// HTTP status, or 0 when the server went away before answering.
long PromoteOverHttp(const std::string& base_url, const std::string& id) {
  cli::HttpClientOptions options;
  options.base_url = base_url;
  options.cookies = true;
  cli::HttpClient client(options);
  const boost::json::value credentials = {{"username", "admin"}, {"password", kAdminPassword}};
  auto login = client.SendJson("POST", "/api/v1/auth/login", &credentials);
  if (!login.ok() || login->status != 200) return 0;
  auto body = login->Json();
  if (!body.ok()) return 0;
  client.set_csrf_token(std::string(body->at("csrf_token").as_string()));
  const boost::json::value payload = {{"by", "crash-test"}};
  auto signal = client.SendJson("POST", "/api/v1/workflows/" + id + "/signals/promote", &payload);
  return signal.ok() ? signal->status : 0;
}

struct CrashCase {
  std::string failpoint;
  std::string dialect;
};

// Names the case in test listings (and so in ctest) instead of dumping bytes.
void PrintTo(const CrashCase& c, std::ostream* out) { *out << c.failpoint << " on " << c.dialect; }

class EngineCrashTest : public ::testing::TestWithParam<CrashCase> {};

TEST_P(EngineCrashTest, WorkflowCompletesOnceAfterACrashAtTheFailPoint) {
  const CrashCase& c = GetParam();
  TestDatabase db = OpenDatabase(c.dialect);
  Observer observer(db.db());
  constexpr int kLeaseMs = 1000;  // short, so the restarted server reclaims quickly

  auto server = StartServer(db, c.failpoint, kLeaseMs);
  const std::string id = StartSampleFromCli(db);
  if (c.failpoint == "engine.before_signal_commit") {
    WaitUntil([&] { return observer.WaitsFor(id, "promote"); }, seconds(60), "promote wait");
    EXPECT_NE(PromoteOverHttp(server->base_url(), id), 200);
  }
  auto crashed = server->Wait(seconds(60));
  ASSERT_TRUE(crashed) << "the fail point was never hit; stderr: " << server->ReadStderr();
  ASSERT_EQ(crashed->code, 86) << crashed->Describe() << "; stderr: " << server->ReadStderr();
  EXPECT_NE(server->ReadStderr().find("failpoint " + c.failpoint + " hit"), std::string::npos);
  if (c.failpoint == "engine.before_signal_commit") {
    EXPECT_TRUE(observer.WaitsFor(id, "promote")) << "an uncommitted signal took effect";
  }

  server = StartServer(db, "", kLeaseMs);
  WaitUntil([&] { return observer.WaitsFor(id, "promote"); }, seconds(60), "promote wait");
  ASSERT_EQ(PromoteOverHttp(server->base_url(), id), 200);
  WaitUntil([&] { return observer.Get(id).state != engine::WorkflowState::kRunning; }, seconds(60),
            "workflow end");

  engine::Workflow workflow = observer.Get(id);
  EXPECT_EQ(workflow.state, engine::WorkflowState::kSucceeded) << workflow.error.value_or("");
  EXPECT_EQ(CountPerStep(db.db(), "engine_sample_effect", id), OncePerStep());
  EXPECT_EQ(server->Terminate().code, 0) << server->ReadStderr();
}

std::vector<CrashCase> CrashCases() {
  std::vector<CrashCase> cases;
  for (const char* dialect : {"sqlite", "postgres"}) {
    for (const char* failpoint : {"engine.after_claim", "engine.after_step_run",
                                  "engine.after_step_commit", "engine.before_signal_commit"}) {
      cases.push_back({failpoint, dialect});
    }
  }
  return cases;
}

std::string CaseName(const ::testing::TestParamInfo<CrashCase>& info) {
  std::string name = info.param.failpoint.substr(info.param.failpoint.find('.') + 1);
  return name + "_" + info.param.dialect;
}

INSTANTIATE_TEST_SUITE_P(FailPoints, EngineCrashTest, ::testing::ValuesIn(CrashCases()), CaseName);

// A fan-out (`sample_fanout` starting `sample_child` workflows) with the
// server killed right after a child's or the parent's step committed.
class EngineChildrenCrashTest : public ::testing::TestWithParam<CrashCase> {};

TEST_P(EngineChildrenCrashTest, FanOutCompletesOnceAfterACrashAtTheFailPoint) {
  constexpr int kChildren = 6;
  const CrashCase& c = GetParam();
  TestDatabase db = OpenDatabase(c.dialect);
  Observer observer(db.db());
  constexpr int kLeaseMs = 1000;

  auto server = StartServer(db, c.failpoint, kLeaseMs);
  auto id = observer.engine().StartWorkflow("sample_fanout", "crash", {{"children", kChildren}});
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto crashed = server->Wait(seconds(60));
  ASSERT_TRUE(crashed) << "the fail point was never hit; stderr: " << server->ReadStderr();
  ASSERT_EQ(crashed->code, 86) << crashed->Describe() << "; stderr: " << server->ReadStderr();
  const std::string point = c.failpoint.substr(0, c.failpoint.find('@'));
  EXPECT_NE(server->ReadStderr().find("failpoint " + point + " hit"), std::string::npos);

  server = StartServer(db, "", kLeaseMs);
  WaitUntil([&] { return observer.Get(*id).state != engine::WorkflowState::kRunning; }, seconds(60),
            "fan-out end");

  engine::Workflow workflow = observer.Get(*id);
  EXPECT_EQ(workflow.state, engine::WorkflowState::kSucceeded) << workflow.error.value_or("");
  const std::map<std::string, std::int64_t> parent_once = {
      {"fan_out.start", 1}, {"fan_out", 1}, {"finish", 1}};
  EXPECT_EQ(CountPerStep(db.db(), "engine_sample_effect", *id), parent_once);
  ASSERT_EQ(workflow.children.size(), static_cast<std::size_t>(kChildren))
      << "children started more than once, or not at all";
  const std::map<std::string, std::int64_t> child_once = {{"work", 1}, {"report", 1}};
  for (const engine::ChildResult& child : workflow.children) {
    EXPECT_EQ(child.state, engine::WorkflowState::kSucceeded) << child.id;
    EXPECT_EQ(CountPerStep(db.db(), "engine_sample_effect", child.id), child_once) << child.id;
  }
  EXPECT_EQ(server->Terminate().code, 0) << server->ReadStderr();
}

std::vector<CrashCase> ChildrenCrashCases() {
  std::vector<CrashCase> cases;
  for (const char* dialect : {"sqlite", "postgres"}) {
    // A child's first step; the last child's end (the commit that wakes the
    // parent); the parent's commit that starts the children; its re-run's.
    for (const char* failpoint : {"engine.after_step_commit:sample_child.work@3",
                                  "engine.after_step_commit:sample_child.report@6",
                                  "engine.after_step_commit:sample_fanout.fan_out",
                                  "engine.after_step_commit:sample_fanout.fan_out@2"}) {
      cases.push_back({failpoint, dialect});
    }
  }
  return cases;
}

std::string ChildrenCaseName(const ::testing::TestParamInfo<CrashCase>& info) {
  std::string name = info.param.failpoint.substr(info.param.failpoint.find(':') + 1);
  for (char& ch : name) {
    if (ch == '.' || ch == '@') ch = '_';
  }
  return name + "_" + info.param.dialect;
}

INSTANTIATE_TEST_SUITE_P(FailPoints, EngineChildrenCrashTest,
                         ::testing::ValuesIn(ChildrenCrashCases()), ChildrenCaseName);

TEST(EngineTwoProcessTest, TwoServersOnOneDatabaseNeverRunAStepTwice) {
  constexpr int kWorkflows = 24;
  TestDatabase db = OpenDatabase("postgres");
  Observer observer(db.db());
  // A lease far longer than any step: a second run could only come from a
  // broken claim, never from a legitimate takeover.
  auto first = StartServer(db, "", 60'000);
  auto second = StartServer(db, "", 60'000);

  std::vector<std::string> ids;
  for (int i = 0; i < kWorkflows; ++i) {
    // Bakes longer than an idle poll: both servers are awake and compete for
    // every due step, instead of the first finishing all before the second looks.
    const boost::json::value input = {{"bake_ms", 1500}, {"promote", i % 2 == 0}};
    auto id = observer.engine().StartWorkflow("sample", "two-" + std::to_string(i), input);
    ASSERT_TRUE(id.ok()) << id.error().message;
    ids.push_back(id.value());
  }
  WaitUntil(
      [&] {
        bool all_done = true;
        for (const std::string& id : ids) {
          if (observer.WaitsFor(id, "promote")) {
            EXPECT_TRUE(observer.engine().Signal(id, "promote", {{"by", "test"}}).ok());
          }
          all_done = all_done && observer.Get(id).state != engine::WorkflowState::kRunning;
        }
        return all_done;
      },
      seconds(180), "all workflows end");

  for (const std::string& id : ids) {
    EXPECT_EQ(observer.Get(id).state, engine::WorkflowState::kSucceeded) << id;
    EXPECT_EQ(CountPerStep(db.db(), "engine_sample_effect", id), OncePerStep()) << id;
    EXPECT_EQ(CountPerStep(db.db(), "engine_sample_execution", id), OncePerStep()) << id;
  }
  auto tx = db->Begin(store::TxMode::kRead);
  EXPECT_EQ(tx->QueryOne("SELECT COUNT(DISTINCT process) FROM engine_sample_execution")->Int(0), 2)
      << "both servers should have run steps";
  tx.reset();
  EXPECT_EQ(first->Terminate().code, 0) << first->ReadStderr();
  EXPECT_EQ(second->Terminate().code, 0) << second->ReadStderr();
}

}  // namespace
}  // namespace slipway::testing
