// The ConsulKv contract: the same assertions on the fake and on the real
// client talking to the sandbox emulator over HTTP.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

#include "connectors/consul/client.hpp"
#include "connectors/consul/fake.hpp"
#include "sandbox/consul/consul_emulator.hpp"
#include "sandbox/sandbox_host.hpp"

namespace slipway::connectors::consul {
namespace {

using namespace std::chrono_literals;

enum class Target { kFake, kEmulator };

class ConsulContract : public ::testing::TestWithParam<Target> {
 protected:
  void SetUp() override {
    if (GetParam() == Target::kFake) {
      kv_ = std::make_unique<FakeConsulKv>();
      return;
    }
    sandbox::ConsulEmulatorOptions options;
    options.tokens.push_back({"root-secret", "accessor-root", "", true});
    host_ = std::make_unique<sandbox::SandboxHost>();
    host_->Add(std::make_unique<sandbox::ConsulEmulator>(options));
    host_->Start();
    ConsulSettings settings;
    settings.transport.base_url = host_->endpoints().at("consul");
    settings.transport.retry_backoff = 10ms;
    settings.token = "root-secret";
    kv_ = std::make_unique<ConsulClient>(settings);
  }

  std::unique_ptr<sandbox::SandboxHost> host_;
  std::unique_ptr<ConsulKv> kv_;
};

TEST_P(ConsulContract, PutThenGetKeepsBytesAndIndexes) {
  ASSERT_TRUE(kv_->Put("app/prod/db_url", "postgres://db/x").ok());
  auto entry = kv_->Get("app/prod/db_url");
  ASSERT_TRUE(entry.ok()) << entry.error().message;
  EXPECT_EQ(entry->key, "app/prod/db_url");
  EXPECT_EQ(entry->value, "postgres://db/x");
  EXPECT_GT(entry->modify_index, 0u);
  EXPECT_EQ(entry->create_index, entry->modify_index);

  const std::string binary("a\0b\xff\n", 5);
  ASSERT_TRUE(kv_->Put("app/prod/my key/ü", binary).ok());
  auto odd = kv_->Get("app/prod/my key/ü");
  ASSERT_TRUE(odd.ok()) << odd.error().message;
  EXPECT_EQ(odd->value, binary);

  ASSERT_TRUE(kv_->Put("app/empty", "").ok());
  auto empty = kv_->Get("app/empty");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->value, "");
}

TEST_P(ConsulContract, MissingKeyIsNotFound) {
  auto missing = kv_->Get("nothing/here");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::Code::kNotFound);
}

TEST_P(ConsulContract, CheckAndSetDetectsConcurrentChanges) {
  ASSERT_TRUE(kv_->Put("cfg/web.yml", "v1", 0).ok()) << "cas=0 creates an absent key";
  auto again = kv_->Put("cfg/web.yml", "other", 0);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::Code::kConflict);

  auto first = kv_->Get("cfg/web.yml");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(kv_->Put("cfg/web.yml", "v2", first->modify_index).ok());
  auto second = kv_->Get("cfg/web.yml");
  ASSERT_TRUE(second.ok());
  EXPECT_GT(second->modify_index, first->modify_index);
  EXPECT_EQ(second->create_index, first->create_index);

  auto stale = kv_->Put("cfg/web.yml", "v3", first->modify_index);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, core::Code::kConflict);
  EXPECT_EQ(kv_->Get("cfg/web.yml")->value, "v2");
}

TEST_P(ConsulContract, DeleteWithAndWithoutCas) {
  ASSERT_TRUE(kv_->Put("d/a", "1").ok());
  auto entry = kv_->Get("d/a");
  ASSERT_TRUE(entry.ok());
  auto wrong = kv_->Delete("d/a", entry->modify_index + 100);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, core::Code::kConflict);
  ASSERT_TRUE(kv_->Delete("d/a", entry->modify_index).ok());
  EXPECT_EQ(kv_->Get("d/a").error().code, core::Code::kNotFound);
  EXPECT_TRUE(kv_->Delete("d/a").ok()) << "deleting a missing key is fine";
}

TEST_P(ConsulContract, ListUsesPrefixSemanticsAndSortsKeys) {
  ASSERT_TRUE(kv_->Put("app/b", "2").ok());
  ASSERT_TRUE(kv_->Put("app/a", "1").ok());
  ASSERT_TRUE(kv_->Put("apple", "x").ok());
  ASSERT_TRUE(kv_->Put("other", "y").ok());
  auto listed = kv_->List("app");
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  ASSERT_EQ(listed->entries.size(), 3u);
  EXPECT_EQ(listed->entries[0].key, "app/a");
  EXPECT_EQ(listed->entries[1].key, "app/b");
  EXPECT_EQ(listed->entries[2].key, "apple");
  EXPECT_GE(listed->index, listed->entries[2].modify_index);

  auto none = kv_->List("nope/");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->entries.empty());
  EXPECT_GT(none->index, 0u);
}

TEST_P(ConsulContract, KeysFoldAtTheSeparator) {
  for (auto* k :
       {"cfg/master/web/app.yml", "cfg/master/web/db.yml", "cfg/master/api.yml", "cfg/lane-a/x"}) {
    ASSERT_TRUE(kv_->Put(k, "v").ok());
  }
  auto all = kv_->Keys("cfg/master/");
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(*all, (std::vector<std::string>{"cfg/master/api.yml", "cfg/master/web/app.yml",
                                            "cfg/master/web/db.yml"}));
  auto level = kv_->Keys("cfg/", "/");
  ASSERT_TRUE(level.ok());
  EXPECT_EQ(*level, (std::vector<std::string>{"cfg/lane-a/", "cfg/master/"}));
  auto none = kv_->Keys("zzz/");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_P(ConsulContract, DeleteTreeSparesSiblingsSharingThePrefix) {
  ASSERT_TRUE(kv_->Put("app/prod/a", "1").ok());
  ASSERT_TRUE(kv_->Put("app/prod/b/c", "2").ok());
  ASSERT_TRUE(kv_->Put("app/prod-old/a", "3").ok());
  ASSERT_TRUE(kv_->DeleteTree("app/prod/").ok());
  auto left = kv_->List("app/");
  ASSERT_TRUE(left.ok());
  ASSERT_EQ(left->entries.size(), 1u);
  EXPECT_EQ(left->entries[0].key, "app/prod-old/a");
  EXPECT_TRUE(kv_->DeleteTree("app/prod/").ok()) << "idempotent";
}

TEST_P(ConsulContract, BlockingListReturnsWhenThePrefixChanges) {
  ASSERT_TRUE(kv_->Put("watch/a", "1").ok());
  auto first = kv_->List("watch/");
  ASSERT_TRUE(first.ok());
  auto writer = std::async(std::launch::async, [this] {
    std::this_thread::sleep_for(300ms);
    return kv_->Put("watch/a", "2").ok();
  });
  const auto start = std::chrono::steady_clock::now();
  auto next = kv_->List("watch/", {first->index, 5s});
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(writer.get());
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_GE(took, 250ms);
  EXPECT_LT(took, 4s);
  EXPECT_GT(next->index, first->index);
  ASSERT_EQ(next->entries.size(), 1u);
  EXPECT_EQ(next->entries[0].value, "2");
}

TEST_P(ConsulContract, BlockingReadTimesOutWithTheSameIndex) {
  ASSERT_TRUE(kv_->Put("quiet/a", "1").ok());
  auto first = kv_->List("quiet/");
  ASSERT_TRUE(first.ok());
  const auto start = std::chrono::steady_clock::now();
  auto next = kv_->List("quiet/", {first->index, 400ms});
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_GE(std::chrono::steady_clock::now() - start, 350ms);
  EXPECT_EQ(next->index, first->index);
}

TEST_P(ConsulContract, WatchOfOneKeyIgnoresOtherKeys) {
  ASSERT_TRUE(kv_->Put("w/target", "1").ok());
  auto first = kv_->Watch("w/target", {0, 0ms});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->entries.size(), 1u);
  auto writer = std::async(std::launch::async, [this] {
    std::this_thread::sleep_for(100ms);
    bool ok = kv_->Put("w/other", "x").ok();
    std::this_thread::sleep_for(300ms);
    return ok && kv_->Put("w/target", "2").ok();
  });
  const auto start = std::chrono::steady_clock::now();
  auto next = kv_->Watch("w/target", {first->index, 5s});
  ASSERT_TRUE(writer.get());
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_GE(std::chrono::steady_clock::now() - start, 350ms);
  ASSERT_EQ(next->entries.size(), 1u);
  EXPECT_EQ(next->entries[0].value, "2");

  auto gone = kv_->Watch("w/absent", {0, 0ms});
  ASSERT_TRUE(gone.ok());
  EXPECT_TRUE(gone->entries.empty());
}

INSTANTIATE_TEST_SUITE_P(Targets, ConsulContract,
                         ::testing::Values(Target::kFake, Target::kEmulator), [](const auto& info) {
                           return info.param == Target::kFake ? "Fake" : "Emulator";
                         });

TEST(ConsulFake, InjectedFailuresAndCallLog) {
  FakeConsulKv fake;
  fake.FailNext("Put", core::Error{core::Code::kTransient, "consul: down", {}});
  EXPECT_EQ(fake.Put("a", "1").error().code, core::Code::kTransient);
  EXPECT_TRUE(fake.Put("a", "1").ok());
  EXPECT_EQ(fake.calls(), (std::vector<std::string>{"Put a", "Put a"}));
}

}  // namespace
}  // namespace slipway::connectors::consul
