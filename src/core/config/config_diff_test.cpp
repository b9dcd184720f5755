#include "core/config/config_diff.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

std::string Ops(const std::vector<DiffLine>& lines) {
  std::string out;
  for (const auto& l : lines)
    out += l.op == LineOp::kSame ? '=' : l.op == LineOp::kAdded ? '+' : '-';
  return out;
}

TEST(LineDiff, EqualTextsHaveNoChanges) {
  auto d = DiffLines("a\nb\n", "a\nb\n");
  EXPECT_EQ(Ops(d), "==");
  EXPECT_FALSE(HasChanges(d));
  EXPECT_EQ(UnifiedDiff(d, "live", "draft"), "");
  EXPECT_TRUE(DiffLines("", "").empty());
}

TEST(LineDiff, FindsALongestCommonSubsequence) {
  auto d = DiffLines("a\nb\nc\nd\n", "a\nc\nx\nd\n");
  EXPECT_EQ(Ops(d), "=-=+=");
  EXPECT_EQ(d[1].text, "b");
  EXPECT_EQ(d[3].text, "x");
}

TEST(LineDiff, AddingTheFinalNewlineIsAChange) {
  auto d = DiffLines("a", "a\n");
  EXPECT_TRUE(HasChanges(d));
  EXPECT_EQ(UnifiedDiff(d, "l", "d"),
            "--- l\n+++ d\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n");
}

TEST(LineDiff, FromNothingAndToNothing) {
  EXPECT_EQ(UnifiedDiff(DiffLines("", "x\ny\n"), "l", "d"),
            "--- l\n+++ d\n@@ -0,0 +1,2 @@\n+x\n+y\n");
  EXPECT_EQ(UnifiedDiff(DiffLines("x\n", ""), "l", "d"), "--- l\n+++ d\n@@ -1,1 +0,0 @@\n-x\n");
}

TEST(LineDiff, UnifiedHunksKeepThreeLinesOfContextAndSplitFarChanges) {
  std::string from, to;
  for (int i = 1; i <= 20; ++i) {
    from += std::to_string(i) + "\n";
    to += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  EXPECT_EQ(UnifiedDiff(DiffLines(from, to), "l", "d"),
            "--- l\n+++ d\n"
            "@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
            "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
}

TEST(LineDiff, NearChangesShareOneHunk) {
  std::string from = "1\n2\n3\n4\n5\n6\n7\n8\n9\n", to = "x\n2\n3\n4\n5\n6\n7\ny\n9\n";
  auto text = UnifiedDiff(DiffLines(from, to), "l", "d");
  EXPECT_EQ(text, "--- l\n+++ d\n@@ -1,9 +1,9 @@\n-1\n+x\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+y\n 9\n");
}

TEST(LineDiff, HugeDifferingMiddleIsReplacedAsAWhole) {
  std::string from, to;
  for (int i = 0; i < 3000; ++i) {
    from += "a" + std::to_string(i) + "\n";
    to += "b" + std::to_string(i) + "\n";
  }
  auto d = DiffLines("head\n" + from + "tail\n", "head\n" + to + "tail\n");
  ASSERT_EQ(d.size(), 6002u);
  EXPECT_EQ(d.front().op, LineOp::kSame);
  EXPECT_EQ(d[1].op, LineOp::kRemoved);
  EXPECT_EQ(d[3001].op, LineOp::kAdded);
  EXPECT_EQ(d.back().op, LineOp::kSame);
}

TEST(KeyDiff, AddedRemovedAndChangedKeysSorted) {
  auto d = DiffKeys({{"a", "1"}, {"b", "2"}, {"c", "3"}}, {{"b", "2"}, {"c", "4"}, {"d", "5"}});
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].key, "a");
  EXPECT_EQ(d[0].from, "1");
  EXPECT_FALSE(d[0].to);
  EXPECT_EQ(d[1].key, "c");
  EXPECT_EQ(d[1].from, "3");
  EXPECT_EQ(d[1].to, "4");
  EXPECT_EQ(d[2].key, "d");
  EXPECT_FALSE(d[2].from);
  EXPECT_EQ(d[2].to, "5");
  EXPECT_TRUE(DiffKeys({{"a", "1"}}, {{"a", "1"}}).empty());
}

}  // namespace
}  // namespace slipway::core
