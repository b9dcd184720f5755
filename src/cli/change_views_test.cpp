#include "cli/change_views.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace slipway::cli {
namespace {

TEST(ChangeViews, AChangeShowsWhatItReleasesWhatYouMayDoAndItsHistory) {
  const auto change = boost::json::parse(R"({
    "id":12,"app_id":3,"app":"shop","env_id":7,"env_type":"prod","type":"code","state":"approving",
    "title":"ship 1.2","description":"","build_id":4,"image":"r:5000/slipway/shop:1.2",
    "image_digest":"sha256:ab","replicas":null,"spec":null,"needs_approval":true,"release_id":null,
    "created_by":"alice","created_at":"2026-11-27T02:16:00Z","updated_at":"2026-11-27T02:17:00Z",
    "version":2,"actions":["approve","reject"],
    "events":[{"id":1,"kind":"create","actor":"alice","comment":"","detail":{},"created_at":"2026-11-27T02:16:00Z"},
              {"id":2,"kind":"submit","actor":"alice","comment":"ready","detail":{},"created_at":"2026-11-27T02:17:00Z"}]})");
  EXPECT_EQ(RenderChange(change),
            "id:              12\n"
            "app:             shop\n"
            "type:            code\n"
            "state:           approving\n"
            "environment:     prod (7)\n"
            "title:           ship 1.2\n"
            "image:           r:5000/slipway/shop:1.2\n"
            "digest:          sha256:ab\n"
            "build:           4\n"
            "needs approval:  true\n"
            "release:         -\n"
            "created:         2026-11-27T02:16:00Z by alice\n"
            "version:         2\n"
            "actions:         approve, reject\n"
            "\n"
            "history:\n"
            "TIME                  EVENT   BY     COMMENT  DETAIL\n"
            "2026-11-27T02:16:00Z  create  alice\n"
            "2026-11-27T02:17:00Z  submit  alice  ready\n");
}

TEST(ChangeViews, ListShowsWhatEachChangePutsInPlace) {
  const auto list = boost::json::parse(R"({"items":[
    {"id":3,"type":"scale","state":"released","env_id":7,"env_type":"prod","title":"scale","replicas":4,
     "created_by":"bob","updated_at":"t2","actions":[]},
    {"id":2,"type":"code","state":"closed","env_id":9,"env_type":"","title":"old","image":"r/x:1",
     "created_by":"alice","updated_at":"t1","actions":[]}],"next_cursor":null})");
  EXPECT_EQ(RenderChangeList(list),
            "ID  TYPE   STATE     ENVIRONMENT    TITLE  RELEASES    BY     UPDATED\n"
            "3   scale  released  prod (7)       scale  4 replicas  bob    t2\n"
            "2   code   closed    (deleted) (9)  old    r/x:1       alice  t1\n");
}

TEST(ChangeViews, AClosedChangeSaysWhy) {
  const auto change = boost::json::parse(R"({
    "id":13,"app":"shop","env_id":7,"env_type":"","type":"code","state":"closed","title":"ship 1.3",
    "image":"r:5000/slipway/shop:1.3","image_digest":"","build_id":null,"needs_approval":false,"release_id":null,
    "close_reason":"environment 7 (prod) was deleted by bob","created_by":"alice",
    "created_at":"2026-11-27T02:16:00Z","version":3,"actions":[]})");
  EXPECT_NE(RenderChange(change).find("closed because:  environment 7 (prod) was deleted by bob\n"),
            std::string::npos)
      << RenderChange(change);
}

}  // namespace
}  // namespace slipway::cli
