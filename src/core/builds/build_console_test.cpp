#include "core/builds/build_console.hpp"

#include <gtest/gtest.h>

namespace slipway::core {
namespace {

TEST(ReportedCommit, FromTheConsole) {
  EXPECT_EQ(
      FindReportedCommit(
          "Started\nCommit: 0123456789ABCDEF0123456789abcdef01234567\nFinished: SUCCESS\n", {}),
      "0123456789abcdef0123456789abcdef01234567");
  EXPECT_EQ(FindReportedCommit("Checking out Revision 3f2a9c1d5e (refs/remotes/origin/main)\n", {}),
            "3f2a9c1d5e");
}

TEST(ReportedCommit, TheLastReportWins) {
  EXPECT_EQ(FindReportedCommit("Commit: aaaaaaa\nCommit: bbbbbbb\n", {}), "bbbbbbb");
}

TEST(ReportedCommit, ParametersComeFirst) {
  EXPECT_EQ(FindReportedCommit("Commit: aaaaaaa\n", {{"GIT_COMMIT", "ccccccc"}}), "ccccccc");
}

TEST(ReportedCommit, NothingThatIsNotAnSha) {
  EXPECT_FALSE(FindReportedCommit("Commit: not-a-sha\n", {}).has_value());
  EXPECT_FALSE(FindReportedCommit("Commit: abc\n", {}).has_value());  // too short
  EXPECT_FALSE(FindReportedCommit("Commit: 0123456789abcdefg\n", {}).has_value());
  EXPECT_FALSE(FindReportedCommit("  Commit: aaaaaaa\n", {}).has_value());
  EXPECT_FALSE(FindReportedCommit("", {{"COMMIT", "main"}}).has_value());
}

TEST(LastErrorLine, TheLastOne) {
  EXPECT_EQ(
      LastErrorLine("a\nERROR: first\nb\nERROR: branch 'x' does not exist\nFinished: FAILURE\n"),
      "ERROR: branch 'x' does not exist");
  EXPECT_FALSE(LastErrorLine("all fine\n").has_value());
  EXPECT_FALSE(LastErrorLine(" ERROR: indented\n").has_value());
}

TEST(ConsoleText, KeepsValidUtf8AndReplacesTheRest) {
  EXPECT_EQ(ConsoleText("構建 ok\n"), "構建 ok\n");
  EXPECT_EQ(ConsoleText(std::string("a\0b", 3)),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(ConsoleText("a\xff"
                        "b"),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(ConsoleText("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");  // overlong '/'
  EXPECT_EQ(ConsoleText("\xed\xa0\x80").size(), 9u);               // a surrogate: three bad bytes
}

TEST(CompleteUtf8Prefix, HoldsBackACharacterCutInTwo) {
  const std::string word = "構";  // three bytes
  EXPECT_EQ(CompleteUtf8Prefix("ab" + word), 5u);
  EXPECT_EQ(CompleteUtf8Prefix("ab" + word.substr(0, 2)), 2u);
  EXPECT_EQ(CompleteUtf8Prefix("ab" + word.substr(0, 1)), 2u);
  EXPECT_EQ(CompleteUtf8Prefix("ab\xff"), 3u);  // invalid is not incomplete
  EXPECT_EQ(CompleteUtf8Prefix(""), 0u);
}

TEST(CappedConsolePiece, WholeBelowTheCapCutBetweenCharactersAtItNothingAfter) {
  EXPECT_EQ(CappedConsolePiece(0, "hello\n", 100), "hello\n");
  EXPECT_EQ(CappedConsolePiece(94, "hello\n", 100), "hello\n") << "exactly at the cap";
  const auto cut = CappedConsolePiece(95, "hello\n", 100);
  EXPECT_TRUE(cut.starts_with("hello\n[Slipway keeps the first 100 bytes")) << cut;
  EXPECT_NE(cut.find("the rest is in Jenkins"), std::string::npos);
  // "é" is two bytes: one byte of room does not split it.
  EXPECT_TRUE(CappedConsolePiece(99, "\xc3\xa9!", 100).starts_with("\n[Slipway"))
      << "nothing of é is kept";
  EXPECT_EQ(CappedConsolePiece(100, "more", 100), "");
  EXPECT_EQ(CappedConsolePiece(250, "more", 100), "");
}

}  // namespace
}  // namespace slipway::core
