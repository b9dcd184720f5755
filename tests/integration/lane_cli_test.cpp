// `slipway lane …` end to end: the real client binary against a server with
// the sandbox — dry run, create --wait, show (with the workflow's steps),
// list, plan, drift, renew, delete — checking exit codes and what is printed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "sandbox/tapd/tapd_emulator.hpp"
#include "support/api_fixture.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class LaneCliTest : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { server_.reset(); }
  static ApiServer& server() {
    if (!server_) server_ = std::make_unique<ApiServer>(SandboxOptions());
    return *server_;
  }
  static inline std::unique_ptr<ApiServer> server_;

  void SetUp() override {
    auto login =
        Run({"login", "--server", server().base_url(), "--username", "admin", "--password-stdin"},
            std::string(ApiServer::kAdminPassword) + "\n");
    ASSERT_EQ(login.exit_code, 0) << login;
  }
  CliResult Run(const std::vector<std::string>& args, const std::string& input = "") {
    return RunCli(dir_.path(), args, input);
  }

  // An approved app with a port, `domain` as business domain and a test
  // environment on the sandbox cluster: what a lane copies.
  std::string App(const std::string& prefix, const std::string& domain) {
    const std::string name = UniqueName(prefix);
    RegisterApprovedApp(server(), server().admin_user(), name);
    auto complete =
        Run({"app", "complete", name, "--port", "http:8080", "--business-domain", domain});
    EXPECT_EQ(complete.exit_code, 0) << complete;
    auto env = Run({"env", "create", name, "--type", "test", "--cluster", "sandbox"});
    EXPECT_EQ(env.exit_code, 0) << env;
    return name;
  }

  TempDir dir_;
};

TEST_F(LaneCliTest, DryRunCreateWaitShowDelete) {
  const auto order = App("lcli-order", "web");
  const auto pay = App("lcli-pay", "pay");
  const std::string lane = UniqueName("lcli");
  const std::string story =
      std::string(sandbox::kSandboxTapdWorkspace) + ":" + sandbox::kSandboxTapdStoryId;
  const std::vector<std::string> create{"lane",
                                        "create",
                                        lane,
                                        "--story",
                                        story,
                                        "--app",
                                        order,
                                        "--app",
                                        pay + ",replicas=1",
                                        "--producer",
                                        order,
                                        "--consumer",
                                        pay + ":orders:pay-group"};

  // The dry run prints the plan and creates nothing.
  auto plan_args = create;
  plan_args.push_back("--dry-run");
  auto plan = Run(plan_args);
  ASSERT_EQ(plan.exit_code, 0) << plan;
  EXPECT_THAT(plan.out, HasSubstr("SYSTEM      KIND"));
  EXPECT_THAT(plan.out, HasSubstr("feature/" + lane));
  EXPECT_THAT(plan.out, HasSubstr("web-" + lane + "."));
  EXPECT_THAT(plan.out, HasSubstr("(dry run: nothing was changed)"));
  EXPECT_EQ(Run({"lane", "show", lane}).exit_code, 4) << "a dry run creates no lane";

  // Bad notation is a usage error before any request.
  EXPECT_EQ(Run({"lane", "create", lane, "--story", "nocolon", "--app", order}).exit_code, 2);

  auto wait_args = create;
  wait_args.insert(wait_args.end(), {"--wait", "--timeout", "2m"});
  auto created = Run(wait_args);
  ASSERT_EQ(created.exit_code, 0) << created;
  EXPECT_THAT(created.out, HasSubstr("creating lane " + lane + " (workflow "));
  EXPECT_THAT(created.out, HasSubstr("state:            active\n"));

  // Show: per-app live state, coloring, the workflow's steps and its children.
  auto show = Run({"lane", "show", lane});
  ASSERT_EQ(show.exit_code, 0) << show;
  EXPECT_THAT(show.out, HasSubstr("branch:           feature/" + lane + "\n"));
  EXPECT_THAT(show.out, HasSubstr("producers:        " + order + "\n"));
  EXPECT_THAT(show.out, HasSubstr(order + "." + lane));
  EXPECT_THAT(show.out, HasSubstr("pay-group-" + lane));
  EXPECT_THAT(show.out, HasSubstr("(lane.create): succeeded\n"));
  EXPECT_THAT(show.out, HasSubstr("lane.app.create"));
  auto json = Run({"lane", "show", lane, "-o", "json"});
  ASSERT_EQ(json.exit_code, 0) << json;
  const auto shown = boost::json::parse(json.out);
  EXPECT_EQ(shown.at("lane").at("state"), "active");
  EXPECT_EQ(shown.at("progress").at("workflow").at("kind"), "lane.create");
  // Anyone signed in follows the workflow, not only admins; only members change the lane.
  const auto viewer = server().CreateUser("viewer", "lcli-viewer");
  auto seen = Run({"lane", "show", lane, "--server", server().base_url(), "--token", viewer.token});
  ASSERT_EQ(seen.exit_code, 0) << seen;
  EXPECT_THAT(seen.out, HasSubstr("(lane.create): succeeded\n"));
  EXPECT_EQ(Run({"lane", "renew", lane, "--server", server().base_url(), "--token", viewer.token})
                .exit_code,
            1);

  auto list = Run({"lane", "list"});
  ASSERT_EQ(list.exit_code, 0) << list;
  EXPECT_THAT(list.out, HasSubstr(lane + "  active"));
  auto stored_plan = Run({"lane", "plan", lane});
  ASSERT_EQ(stored_plan.exit_code, 0) << stored_plan;
  EXPECT_THAT(stored_plan.out, HasSubstr("feature-" + lane + " "));
  auto drift = Run({"lane", "drift", lane});
  ASSERT_EQ(drift.exit_code, 0) << drift;
  EXPECT_THAT(drift.out, HasSubstr("present\n"));
  EXPECT_THAT(drift.out, Not(HasSubstr("MISSING"))) << "a lane just made lacks nothing";
  auto renewed = Run({"lane", "renew", lane});
  EXPECT_EQ(renewed.exit_code, 0) << renewed;
  auto events = Run({"lane", "events", lane});
  ASSERT_EQ(events.exit_code, 0) << events;
  EXPECT_THAT(events.out, HasSubstr("renew"));

  // Delete: refused without the right name, then done (and done again).
  auto refused = Run({"lane", "delete", lane, "--confirm", "wrong"});
  EXPECT_EQ(refused.exit_code, 1) << refused;
  auto deleted = Run({"lane", "delete", lane, "--confirm", lane});
  ASSERT_EQ(deleted.exit_code, 0) << deleted;
  EXPECT_EQ(deleted.out, "lane deleted\n");
  // A deleted lane is still found by its name (the newest of that name) and by its id; deleting
  // again is done.
  auto by_name = Run({"lane", "show", lane});
  EXPECT_EQ(by_name.exit_code, 0) << by_name;
  EXPECT_THAT(by_name.out, HasSubstr("state:            deleted\n"));
  EXPECT_EQ(Run({"lane", "delete", lane, "--confirm", lane}).exit_code, 0);
  const std::string id = std::to_string(shown.at("lane").at("id").as_int64());
  auto gone = Run({"lane", "show", id});
  ASSERT_EQ(gone.exit_code, 0) << gone;
  EXPECT_THAT(gone.out, HasSubstr("state:            deleted\n"));
  EXPECT_THAT(gone.out, HasSubstr("(lane.delete): succeeded\n"));
  auto again = Run({"lane", "delete", id, "--confirm", lane});
  EXPECT_EQ(again.exit_code, 0) << again;
  EXPECT_THAT(Run({"lane", "list"}).out, Not(HasSubstr(lane)));
}

}  // namespace
}  // namespace slipway::testing
