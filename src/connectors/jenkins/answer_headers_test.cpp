#include "connectors/jenkins/answer_headers.hpp"

#include <gtest/gtest.h>

#include <string>

namespace slipway::connectors::jenkins {
namespace {

TEST(JenkinsAnswerHeaders, AConsoleAnswerCarriesTheNextOffsetAndWhetherMoreComes) {
  auto chunk = ConsoleAnswer("Started\n", "8", "true");
  ASSERT_TRUE(chunk.ok());
  EXPECT_EQ(chunk->text, "Started\n");
  EXPECT_EQ(chunk->next_start, 8);
  EXPECT_TRUE(chunk->more);
  auto last = ConsoleAnswer("", "9223372036854775807", std::nullopt);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->next_start, 9223372036854775807);
  EXPECT_FALSE(last->more);
}

// atoll made 0 of these (the next read started over) or, past 2^63, was
// undefined; a missing header repeated the same offset.
TEST(JenkinsAnswerHeaders, AnUnusableTextSizeIsATransientError) {
  for (const std::string size :
       {"", "abc", "-1", "+5", " 5", "5 ", "12a", "9223372036854775808", "99999999999999999999"}) {
    auto chunk = ConsoleAnswer("text", size, "true");
    ASSERT_FALSE(chunk.ok()) << size;
    EXPECT_EQ(chunk.error().code, core::Code::kTransient) << size;
  }
  EXPECT_FALSE(ConsoleAnswer("text", std::nullopt, "true").ok());
}

TEST(JenkinsAnswerHeaders, TheQueueItemIsTheNumberAfterTheLastQueueItem) {
  EXPECT_EQ(QueueItemOfLocation("https://ci.example.com/queue/item/17/"), 17);
  EXPECT_EQ(QueueItemOfLocation("http://ci/jenkins/queue/item/9"), 9);
  for (const std::string location :
       {"", "https://ci/queue/item/", "https://ci/queue/item/abc/", "https://ci/queue/item/0/",
        "https://ci/queue/item/-3/", "https://ci/queue/item/99999999999999999999/",
        "https://ci/job/x/"}) {
    EXPECT_EQ(QueueItemOfLocation(location), std::nullopt) << location;
  }
}

}  // namespace
}  // namespace slipway::connectors::jenkins
