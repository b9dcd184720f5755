// The lane delete's namespace step waits for the cluster's DELETED event.
#include "services/lanes/namespace_wait.hpp"

#include <gtest/gtest.h>

#include <future>

#include "connectors/kubernetes/fake.hpp"
#include "core/common/clock.hpp"

namespace slipway::services::lanes {
namespace {

namespace kube = connectors::kube;

class NamespaceWaitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fake_.Create(kube::kNamespaces, "", {{"metadata", {{"name", "lane-a"}}}}).ok());
  }

  core::SimulatedClock clock_;
  connectors::FakeKubernetes fake_{&clock_};
};

TEST_F(NamespaceWaitTest, ReturnsWhenTheClusterReportsTheNamespaceDeleted) {
  fake_.SetNamespaceTerminationDelay(5'000);
  ASSERT_TRUE(
      fake_.Delete(kube::kNamespaces, "", "lane-a", connectors::PropagationPolicy::kBackground)
          .ok());
  std::promise<void> watching;
  auto gone = std::async(std::launch::async, [&] {
    watching.set_value();
    return WaitForNamespaceGone(fake_, "lane-a", std::chrono::minutes(5));
  });
  watching.get_future().wait();
  clock_.Advance(5'000);
  // The fake purges on its next call; the watch may start before or after it.
  EXPECT_EQ(fake_.NamespacePhase("lane-a").error().code, core::Code::kNotFound);
  EXPECT_TRUE(gone.get());
}

TEST_F(NamespaceWaitTest, AnAbsentNamespaceIsGoneAtOnce) {
  EXPECT_TRUE(WaitForNamespaceGone(fake_, "never-there", std::chrono::minutes(5)));
}

TEST_F(NamespaceWaitTest, ANamespaceThatStaysIsNotGoneAfterTheLimit) {
  EXPECT_FALSE(WaitForNamespaceGone(fake_, "lane-a", std::chrono::milliseconds(20)));
}

}  // namespace
}  // namespace slipway::services::lanes
