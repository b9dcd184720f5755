#include "cli/config_views.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace slipway::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ConfigViews, KeyDiffMarksAddedRemovedAndChangedKeys) {
  auto diff = boost::json::parse(R"({"kind":"keys","changed":true,"stale":false,"keys":[
      {"key":"a","change":"removed","from":"1"},{"key":"b","change":"changed","from":"2","to":"3"},
      {"key":"c","change":"added","to":"4"}]})");
  EXPECT_EQ(RenderConfigDiff(diff), "- a = 1\n~ b: 2 → 3\n+ c = 4\n");
}

TEST(ConfigViews, StaleDiffWarnsBeforeTheLines) {
  auto diff = boost::json::parse(R"({"kind":"lines","changed":true,"stale":true,"base_version":3,
      "live_version":9,"unified":"--- live\n+++ draft\n"})");
  auto text = RenderConfigDiff(diff);
  EXPECT_THAT(text, HasSubstr("version 3 → 9"));
  EXPECT_THAT(text, HasSubstr("+++ draft"));
  EXPECT_EQ(RenderConfigDiff(boost::json::parse(R"({"kind":"lines","changed":false})")),
            "no changes: the draft equals the live value\n");
}

TEST(ConfigViews, FileListAndFileShowLiveAndDraft) {
  auto list = boost::json::parse(R"({"items":[
      {"name":"app.yaml","format":"yaml","backend":"consul","live":{"exists":true,"version":12},"draft":null},
      {"name":"new.json","format":"json","backend":"consul","live":{"exists":false,"version":0},
       "draft":{"updated_by":"alice","base_version":0}}]})");
  auto text = RenderConfigFileList(list);
  EXPECT_THAT(text, HasSubstr("version 12"));
  EXPECT_THAT(text, HasSubstr("not live"));
  EXPECT_THAT(text, HasSubstr("by alice, based on version 0"));
  auto file = boost::json::parse(
      R"({"name":"app.yaml","format":"yaml","backend":"consul","location":"k/app.yaml",
      "live":{"exists":true,"version":12,"content":"a: 1"},"draft":null})");
  auto shown = RenderConfigFile(file);
  EXPECT_THAT(shown, HasSubstr("consul k/app.yaml"));
  EXPECT_THAT(shown, HasSubstr("\na: 1\n"));
  EXPECT_THAT(RenderConfigPublish(boost::json::parse(R"({"file":"a","written":false})")),
              HasSubstr("already live"));
  EXPECT_THAT(RenderConfigPublish(boost::json::parse(R"({"file":"a","written":true})")),
              Not(HasSubstr("already live")));
}

TEST(ConfigViews, DeletionsAndTheDeletePreview) {
  auto deleted = RenderConfigPublish(boost::json::parse(
      R"({"file":"a.yaml","action":"delete","backend":"consul","location":"k/a.yaml",
      "base_version":7,"version_after":0,"written":true})"));
  EXPECT_THAT(deleted, HasSubstr("deleted"));
  EXPECT_THAT(deleted, HasSubstr("7 → deleted"));
  EXPECT_THAT(deleted, HasSubstr("consul k/a.yaml"));
  auto history = RenderConfigHistory(boost::json::parse(
      R"({"items":[{"id":2,"file":"a.yaml","action":"delete","base_version":7,"version_after":0},
      {"id":1,"file":"a.yaml","action":"publish","base_version":0,"version_after":7}]})"));
  EXPECT_THAT(history, HasSubstr("7 → deleted"));
  EXPECT_THAT(history, HasSubstr("0 → 7"));
  auto preview = RenderConfigDeletePreview(boost::json::parse(
      R"({"name":"a.yaml","backend":"apollo","location":"FAT/x/c/a.yaml",
      "live":{"exists":true,"version":42,"content":"k: v\n"}})"));
  EXPECT_THAT(preview,
              HasSubstr("would delete a.yaml (live version 42) from apollo FAT/x/c/a.yaml"));
  EXPECT_THAT(preview, HasSubstr("\nk: v\n"));
  EXPECT_THAT(preview, HasSubstr("--yes --version 42"));
}

}  // namespace
}  // namespace slipway::cli
