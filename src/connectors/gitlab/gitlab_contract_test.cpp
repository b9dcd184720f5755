// The GitLab port's contract, with identical assertions against the
// in-memory fake and the real client talking to the sandbox emulator (no
// real GitLab runs here).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "connectors/gitlab/client.hpp"
#include "connectors/gitlab/fake.hpp"
#include "sandbox/gitlab/gitlab_emulator.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::connectors::gitlab {
namespace {

bool Is40Hex(const std::string& s) {
  return s.size() == 40 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

class GitLabContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "fake") {
      auto fake = std::make_unique<FakeGitLab>();
      fake->AddProject("team/web");
      port_ = std::move(fake);
    } else {
      auto emulator = std::make_unique<sandbox::gitlab::GitLabEmulator>();
      emulator->CreateProject("team/web");
      host_ = std::make_unique<sandbox::SandboxHost>();
      host_->Add(std::move(emulator));
      host_->Start();
      port_ = std::make_unique<GitLabClient>(
          GitLabSettings{.transport = {.base_url = host_->endpoints().at("gitlab")},
                         .token = "glpat-slipway-sandbox"});
    }
  }
  GitLab& g() { return *port_; }
  std::unique_ptr<sandbox::SandboxHost> host_;
  std::unique_ptr<GitLab> port_;
};

TEST_P(GitLabContract, ProjectIsFoundByItsPath) {
  auto p = g().GetProject("team/web");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_GT(p->id, 0);
  EXPECT_EQ(p->path_with_namespace, "team/web");
  EXPECT_EQ(p->name, "web");
  EXPECT_EQ(p->default_branch, "main");
  EXPECT_TRUE(p->http_url_to_repo.ends_with("/team/web.git")) << p->http_url_to_repo;
}

TEST_P(GitLabContract, UnknownProjectIsNotFoundWithGitLabsMessage) {
  auto p = g().GetProject("team/nope");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, core::Code::kNotFound);
  EXPECT_NE(p.error().message.find("404 Project Not Found"), std::string::npos)
      << p.error().message;
}

TEST_P(GitLabContract, DefaultBranchHasACommit) {
  auto b = g().GetBranch("team/web", "main");
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(b->name, "main");
  EXPECT_TRUE(b->is_default);
  EXPECT_TRUE(Is40Hex(b->commit_sha)) << b->commit_sha;
  auto missing = g().GetBranch("team/web", "nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::Code::kNotFound);
  EXPECT_NE(missing.error().message.find("404 Branch Not Found"), std::string::npos)
      << missing.error().message;
}

TEST_P(GitLabContract, BranchesAreCreatedFromABranchOrASha) {
  auto main = g().GetBranch("team/web", "main");
  ASSERT_TRUE(main.ok());
  auto from_branch = g().CreateBranch("team/web", "release/1.4", "main");
  ASSERT_TRUE(from_branch.ok()) << from_branch.error().message;
  EXPECT_EQ(from_branch->name, "release/1.4");
  EXPECT_EQ(from_branch->commit_sha, main->commit_sha);
  EXPECT_FALSE(from_branch->is_default);
  auto from_sha = g().CreateBranch("team/web", "hotfix", main->commit_sha);
  ASSERT_TRUE(from_sha.ok()) << from_sha.error().message;
  EXPECT_EQ(from_sha->commit_sha, main->commit_sha);
  auto got = g().GetBranch("team/web", "release/1.4");
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got->commit_sha, main->commit_sha);
}

TEST_P(GitLabContract, DuplicateBranchIsAConflictAndUnknownRefIsInvalid) {
  ASSERT_TRUE(g().CreateBranch("team/web", "feature", "main").ok());
  auto again = g().CreateBranch("team/web", "feature", "main");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);
  EXPECT_NE(again.error().message.find("Branch already exists"), std::string::npos)
      << again.error().message;
  auto bad_ref = g().CreateBranch("team/web", "other", "no-such-ref");
  ASSERT_FALSE(bad_ref.ok());
  EXPECT_EQ(bad_ref.error().code, core::Code::kInvalid);
  EXPECT_NE(bad_ref.error().message.find("invalid reference name"), std::string::npos)
      << bad_ref.error().message;
  auto no_project = g().CreateBranch("team/nope", "x", "main");
  ASSERT_FALSE(no_project.ok());
  EXPECT_EQ(no_project.error().code, core::Code::kNotFound);
}

TEST_P(GitLabContract, ListingFollowsEveryPageInNameOrder) {
  for (int i = 0; i < 24; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "b%02d", i);
    ASSERT_TRUE(g().CreateBranch("team/web", name, "main").ok());
  }
  auto all = g().ListBranches("team/web");
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 25u);
  EXPECT_EQ(all->front().name, "b00");
  EXPECT_EQ(all->back().name, "main");
  EXPECT_TRUE(
      std::is_sorted(all->begin(), all->end(), [](auto& a, auto& b) { return a.name < b.name; }));
}

TEST_P(GitLabContract, DeletedBranchIsGoneAndTheDefaultBranchStays) {
  ASSERT_TRUE(g().CreateBranch("team/web", "release/2.0", "main").ok());
  ASSERT_TRUE(g().DeleteBranch("team/web", "release/2.0").ok());
  auto gone = g().GetBranch("team/web", "release/2.0");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, core::Code::kNotFound);
  auto again = g().DeleteBranch("team/web", "release/2.0");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kNotFound);
  auto main = g().DeleteBranch("team/web", "main");
  ASSERT_FALSE(main.ok());
  EXPECT_EQ(main.error().code, core::Code::kInvalid);
  EXPECT_TRUE(g().GetBranch("team/web", "main").ok());
}

TEST_P(GitLabContract, HooksAreCreatedListedAndDeleted) {
  auto a = g().CreateHook("team/web", {.url = "http://127.0.0.1:9/hook", .token = "s3cret"});
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_GT(a->id, 0);
  EXPECT_TRUE(a->push_events);
  auto b = g().CreateHook(
      "team/web", {.url = "http://127.0.0.1:9/other", .push_events_branch_filter = "release/*"});
  ASSERT_TRUE(b.ok());
  auto hooks = g().ListHooks("team/web");
  ASSERT_TRUE(hooks.ok()) << hooks.error().message;
  ASSERT_EQ(hooks->size(), 2u);
  EXPECT_EQ((*hooks)[1].push_events_branch_filter, "release/*");
  ASSERT_TRUE(g().DeleteHook("team/web", a->id).ok());
  hooks = g().ListHooks("team/web");
  ASSERT_TRUE(hooks.ok());
  ASSERT_EQ(hooks->size(), 1u);
  EXPECT_EQ(hooks->front().id, b->id);
  auto missing = g().DeleteHook("team/web", a->id);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, GitLabContract, ::testing::Values("fake", "emulator"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace slipway::connectors::gitlab
