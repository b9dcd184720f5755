#include "store/postgres/placeholders.hpp"

#include <gtest/gtest.h>

namespace slipway::store::postgres {
namespace {

TEST(RewritePlaceholders, NumbersEachMarkInOrder) {
  EXPECT_EQ(RewritePlaceholders("SELECT * FROM t WHERE a = ? AND b IN (?, ?)"),
            "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
  EXPECT_EQ(RewritePlaceholders("SELECT 1"), "SELECT 1");
  EXPECT_EQ(RewritePlaceholders(""), "");
  EXPECT_EQ(RewritePlaceholders("?,?"), "$1,$2");
}

TEST(RewritePlaceholders, LeavesStringLiteralsAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT '?', ?"), "SELECT '?', $1");
  EXPECT_EQ(RewritePlaceholders("SELECT 'it''s ?', ?"), "SELECT 'it''s ?', $1");
  EXPECT_EQ(RewritePlaceholders("SELECT '', ?"), "SELECT '', $1");
}

TEST(RewritePlaceholders, HonoursBackslashEscapesOnlyInEStrings) {
  EXPECT_EQ(RewritePlaceholders(R"(SELECT E'\'?', ?)"), R"(SELECT E'\'?', $1)");
  EXPECT_EQ(RewritePlaceholders(R"(SELECT e'a\\', ?)"), R"(SELECT e'a\\', $1)");
  // In a standard string a backslash is an ordinary character.
  EXPECT_EQ(RewritePlaceholders(R"(SELECT 'a\', ?)"), R"(SELECT 'a\', $1)");
  // namE'…' is an identifier followed by a string, not an E-string.
  EXPECT_EQ(RewritePlaceholders(R"(SELECT namE'\', ?)"), R"(SELECT namE'\', $1)");
}

TEST(RewritePlaceholders, LeavesQuotedIdentifiersAlone) {
  EXPECT_EQ(RewritePlaceholders(R"(SELECT "what?" FROM t WHERE x = ?)"),
            R"(SELECT "what?" FROM t WHERE x = $1)");
  EXPECT_EQ(RewritePlaceholders(R"(SELECT "a""?" , ?)"), R"(SELECT "a""?" , $1)");
}

TEST(RewritePlaceholders, LeavesCommentsAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT ? -- why?\n, ?"), "SELECT $1 -- why?\n, $2");
  EXPECT_EQ(RewritePlaceholders("SELECT ? -- why?"), "SELECT $1 -- why?");
  EXPECT_EQ(RewritePlaceholders("SELECT /* a? /* nested? */ b? */ ?"),
            "SELECT /* a? /* nested? */ b? */ $1");
  EXPECT_EQ(RewritePlaceholders("SELECT a - ?"), "SELECT a - $1");
  EXPECT_EQ(RewritePlaceholders("SELECT a / ?"), "SELECT a / $1");
}

TEST(RewritePlaceholders, LeavesDollarQuotedStringsAlone) {
  EXPECT_EQ(RewritePlaceholders("SELECT $$?$$, ?"), "SELECT $$?$$, $1");
  EXPECT_EQ(RewritePlaceholders("SELECT $fn$ a $$ ? $fn$, ?"), "SELECT $fn$ a $$ ? $fn$, $1");
  // Not dollar quotes: a positional parameter (left as is, though mixing the
  // two styles is the caller's error) and a $ inside an identifier.
  EXPECT_EQ(RewritePlaceholders("SELECT $1 FROM t WHERE '$' = ?"),
            "SELECT $1 FROM t WHERE '$' = $1");
  EXPECT_EQ(RewritePlaceholders("SELECT a$b$, ?"), "SELECT a$b$, $1");
}

TEST(RewritePlaceholders, CopiesUnterminatedConstructsVerbatim) {
  EXPECT_EQ(RewritePlaceholders("SELECT '?"), "SELECT '?");
  EXPECT_EQ(RewritePlaceholders("SELECT \"?"), "SELECT \"?");
  EXPECT_EQ(RewritePlaceholders("SELECT /* ?"), "SELECT /* ?");
  EXPECT_EQ(RewritePlaceholders("SELECT $x$ ?"), "SELECT $x$ ?");
}

TEST(RewritePlaceholders, KeepsNonAsciiText) {
  EXPECT_EQ(RewritePlaceholders("SELECT 'héllo ?', ünï = ?"), "SELECT 'héllo ?', ünï = $1");
}

}  // namespace
}  // namespace slipway::store::postgres
