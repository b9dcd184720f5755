// The Registry port's contract, run with identical assertions against the
// in-memory fake, the real client talking to the sandbox emulator, and the
// real client talking to Debian's docker-registry started for the test.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "connectors/registry/client.hpp"
#include "connectors/registry/digest.hpp"
#include "connectors/registry/fake.hpp"
#include "connectors/registry/real_registry_for_tests.hpp"
#include "sandbox/registry/registry_emulator.hpp"
#include "sandbox/sandbox_host.hpp"
#include "support/real_servers.hpp"

namespace slipway::connectors::registry {
namespace {

/// One backend under test; keeps whatever serves it alive.
struct Backend {
  std::unique_ptr<sandbox::SandboxHost> host;
  std::unique_ptr<testing::RealRegistry> real;
  std::unique_ptr<Registry> port;
};

class RegistryContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string& kind = GetParam();
    if (kind == "fake") {
      b_.port = std::make_unique<FakeRegistry>();
    } else if (kind == "emulator") {
      b_.host = std::make_unique<sandbox::SandboxHost>();
      b_.host->Add(std::make_unique<sandbox::registry::RegistryEmulator>());
      b_.host->Start();
      b_.port = std::make_unique<RegistryClient>(
          TransportSettings{.base_url = b_.host->endpoints().at("registry")});
    } else {
      SLIPWAY_REQUIRE_INSTALLED(testing::RealRegistry::Available(), "docker-registry");
      b_.real = std::make_unique<testing::RealRegistry>();
      ASSERT_TRUE(b_.real->ready()) << "docker-registry did not start";
      b_.port = std::make_unique<RegistryClient>(TransportSettings{.base_url = b_.real->url()});
    }
  }
  Registry& r() { return *b_.port; }
  Backend b_;
};

TEST_P(RegistryContract, PingSucceeds) { EXPECT_TRUE(r().Ping().ok()); }

TEST_P(RegistryContract, PushedImageHasADigestThatHeadAndGetAgreeOn) {
  auto pushed = r().PushImage("contract/web", "1.0.0");
  ASSERT_TRUE(pushed.ok()) << pushed.error().message;
  EXPECT_TRUE(IsDigest(pushed->digest));
  EXPECT_EQ(pushed->media_type, kOciManifest);

  auto head = r().HeadManifest("contract/web", "1.0.0");
  ASSERT_TRUE(head.ok()) << head.error().message;
  EXPECT_EQ(head->digest, pushed->digest);
  EXPECT_EQ(head->media_type, kOciManifest);
  EXPECT_TRUE(head->body.empty());

  auto get = r().GetManifest("contract/web", "1.0.0");
  ASSERT_TRUE(get.ok()) << get.error().message;
  EXPECT_EQ(get->digest, pushed->digest);
  EXPECT_EQ(Sha256Digest(get->body), pushed->digest);
  EXPECT_EQ(get->size, static_cast<std::int64_t>(get->body.size()));
  EXPECT_EQ(head->size, get->size) << "HEAD's Content-Length is the manifest's size";

  auto by_digest = r().GetManifest("contract/web", pushed->digest);
  ASSERT_TRUE(by_digest.ok()) << by_digest.error().message;
  EXPECT_EQ(by_digest->body, get->body);
}

TEST_P(RegistryContract, PushingTheSameTagTwiceGivesTheSameDigest) {
  auto a = r().PushImage("contract/same", "2.0");
  auto b = r().PushImage("contract/same", "2.0");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->digest, b->digest);
  auto c = r().PushImage("contract/same", "2.1");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->digest, a->digest);
}

TEST_P(RegistryContract, MissingTagOrRepositoryIsNotFound) {
  ASSERT_TRUE(r().PushImage("contract/miss", "1").ok());
  auto tag = r().HeadManifest("contract/miss", "nope");
  ASSERT_FALSE(tag.ok());
  EXPECT_EQ(tag.error().code, core::Code::kNotFound);
  auto repo = r().GetManifest("contract/never-pushed", "1");
  ASSERT_FALSE(repo.ok());
  EXPECT_EQ(repo.error().code, core::Code::kNotFound);
  EXPECT_NE(repo.error().message.find("MANIFEST_UNKNOWN"), std::string::npos)
      << repo.error().message;
  auto tags = r().ListTags("contract/never-pushed", 0);
  ASSERT_FALSE(tags.ok());
  EXPECT_EQ(tags.error().code, core::Code::kNotFound);
  EXPECT_NE(tags.error().message.find("NAME_UNKNOWN"), std::string::npos) << tags.error().message;
}

TEST_P(RegistryContract, TagsAreListedSortedAcrossPages) {
  for (const char* tag : {"1.10", "1.2", "1.9", "0.1"})
    ASSERT_TRUE(r().PushImage("contract/tags", tag).ok());
  std::vector<std::string> expected{"0.1", "1.10", "1.2", "1.9"};
  auto all = r().ListTags("contract/tags", 0);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(*all, expected);
  auto paged = r().ListTags("contract/tags", 1);
  ASSERT_TRUE(paged.ok()) << paged.error().message;
  EXPECT_EQ(*paged, expected);
}

TEST_P(RegistryContract, DeletingADigestRemovesEveryTagPointingAtIt) {
  auto v1 = r().PushImage("contract/del", "1.0");
  ASSERT_TRUE(v1.ok());
  ASSERT_TRUE(r().PushImage("contract/del", "2.0").ok());
  ASSERT_TRUE(r().DeleteManifest("contract/del", v1->digest).ok());

  auto gone = r().HeadManifest("contract/del", "1.0");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, core::Code::kNotFound);
  auto by_digest = r().GetManifest("contract/del", v1->digest);
  ASSERT_FALSE(by_digest.ok());
  EXPECT_EQ(by_digest.error().code, core::Code::kNotFound);
  auto tags = r().ListTags("contract/del", 0);
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, std::vector<std::string>{"2.0"});
}

TEST_P(RegistryContract, RepositoryWithEveryTagDeletedListsNoTags) {
  auto v = r().PushImage("contract/empty", "1.0");
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(r().DeleteManifest("contract/empty", v->digest).ok());
  auto tags = r().ListTags("contract/empty", 0);
  ASSERT_TRUE(tags.ok()) << tags.error().message;
  EXPECT_TRUE(tags->empty());
}

TEST_P(RegistryContract, DeleteByTagIsInvalidAndUnknownDigestIsNotFound) {
  ASSERT_TRUE(r().PushImage("contract/deltag", "1.0").ok());
  auto by_tag = r().DeleteManifest("contract/deltag", "1.0");
  ASSERT_FALSE(by_tag.ok());
  EXPECT_EQ(by_tag.error().code, core::Code::kInvalid);
  EXPECT_TRUE(r().HeadManifest("contract/deltag", "1.0").ok());
  auto unknown = r().DeleteManifest("contract/deltag", Sha256Digest("no such manifest"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, core::Code::kNotFound);
}

TEST_P(RegistryContract, BadNamesAndTagsAreRefused) {
  auto upper = r().PushImage("Contract/App", "1.0");
  ASSERT_FALSE(upper.ok());
  EXPECT_EQ(upper.error().code, core::Code::kInvalid);
  auto tag = r().PushImage("contract/app", "bad tag");
  ASSERT_FALSE(tag.ok());
  EXPECT_EQ(tag.error().code, core::Code::kInvalid);
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistryContract, ::testing::Values("fake", "emulator", "real"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace slipway::connectors::registry
