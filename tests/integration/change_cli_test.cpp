// `slipway change …` end to end: the owner creates, edits and submits, the
// approver rejects and approves, with table and JSON output and exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "change_fixture.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;

class ChangeCliTest : public ChangeTest {
 protected:
  // Each user runs the client with a credentials file of their own.
  CliResult As(const TestUser& user, const TempDir& home, const std::vector<std::string>& args) {
    if (!logged_in_.count(user.username)) {
      auto login = RunCli(home.path(),
                          {"login", "--server", server().base_url(), "--username", user.username,
                           "--password-stdin"},
                          user.password + "\n");
      EXPECT_EQ(login.exit_code, 0) << login;
      logged_in_.insert(user.username);
    }
    return RunCli(home.path(), args);
  }
  CliResult Owner(const std::vector<std::string>& args) { return As(owner_, owner_home_, args); }
  CliResult Approver(const std::vector<std::string>& args) {
    return As(approver_, approver_home_, args);
  }

  TempDir owner_home_, approver_home_;
  std::set<std::string> logged_in_;
};

TEST_F(ChangeCliTest, CreateEditSubmitRejectApproveWithdrawClose) {
  auto created = Owner({"change", "create", name_, "--env", "prod", "--title", "grafana 10.2",
                        "--tag", "10.2.0", "-o", "json"});
  ASSERT_EQ(created.exit_code, 0) << created;
  const auto json = boost::json::parse(created.out).as_object();
  EXPECT_EQ(Text(json.at("state")), "developing");
  const std::string id = std::to_string(json.at("id").as_int64());

  auto list = Owner({"change", "list", name_, "--env", "prod"});
  ASSERT_EQ(list.exit_code, 0) << list;
  EXPECT_THAT(list.out, HasSubstr("grafana 10.2"));
  EXPECT_THAT(list.out, HasSubstr("docker.io/grafana/grafana:10.2.0"));

  auto edited = Owner({"change", "edit", id, "--tag", "10.2.1", "--description", "plugins pinned"});
  ASSERT_EQ(edited.exit_code, 0) << edited;
  EXPECT_THAT(edited.out, HasSubstr("image:           docker.io/grafana/grafana:10.2.1"));

  auto submitted = Owner({"change", "submit", id});
  ASSERT_EQ(submitted.exit_code, 0) << submitted;
  EXPECT_THAT(submitted.out, HasSubstr("state:           approving"));
  EXPECT_EQ(Owner({"change", "approve", id}).exit_code, 1);  // forbidden: not an approver
  EXPECT_EQ(Owner({"change", "close", id}).exit_code, 5);    // conflict: approving
  EXPECT_EQ(Owner({"change", "edit", id, "--title", "late"}).exit_code,
            5);                                                // conflict: not developing
  EXPECT_EQ(Approver({"change", "reject", id}).exit_code, 2);  // usage: --comment is required
  EXPECT_EQ(Owner({"change", "create", name_, "--env", "prod", "--title", "x", "--tag", "1",
                   "--image", "r/x:1"})
                .exit_code,
            2);  // usage: one image source
  EXPECT_EQ(Owner({"change", "create", name_, "--env", "staging", "--title", "x", "--tag", "1"})
                .exit_code,
            4);

  auto rejected = Approver({"change", "reject", id, "--comment", "pin the datasource too"});
  ASSERT_EQ(rejected.exit_code, 0) << rejected;
  EXPECT_THAT(rejected.out, HasSubstr("state:           developing"));
  ASSERT_EQ(Owner({"change", "submit", id}).exit_code, 0);
  auto approved = Approver({"change", "approve", id, "--comment", "go", "-o", "json"});
  ASSERT_EQ(approved.exit_code, 0) << approved;
  EXPECT_EQ(Text(boost::json::parse(approved.out).at("state")), "pending_release");
  ASSERT_EQ(Owner({"change", "withdraw", id}).exit_code, 0);
  auto closed = Owner({"change", "close", id, "--comment", "superseded"});
  ASSERT_EQ(closed.exit_code, 0) << closed;
  EXPECT_THAT(closed.out, HasSubstr("state:           closed"));

  auto shown = Owner({"change", "show", id});
  ASSERT_EQ(shown.exit_code, 0) << shown;
  EXPECT_THAT(shown.out, HasSubstr("pin the datasource too"));
  EXPECT_THAT(shown.out, HasSubstr("actions:         (none for you now)"));
  EXPECT_EQ(Owner({"change", "show", "999999"}).exit_code, 4);
  EXPECT_EQ(Owner({"change", "show", "abc"}).exit_code, 2);
}

}  // namespace
}  // namespace slipway::testing
