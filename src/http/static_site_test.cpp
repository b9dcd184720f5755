#include "http/static_site.hpp"

#include <gtest/gtest.h>

#include <array>

namespace slipway::http {
namespace {

const std::array<StaticAsset, 2> kAssets{{
    {"/index.html", "<html>console</html>", "GZ-INDEX", "\"idx1\""},
    {"/assets/app-1a2b.js", "console.log(1)", "", "\"js1\""},
}};

StaticSite Site() {
  return StaticSite(
      kAssets, [](std::string_view p) { return p.substr(0, 5) == "/api/" || p == "/healthz"; });
}

Request Get(std::string path) {
  Request r;
  r.method = "GET";
  r.path = r.target = std::move(path);
  return r;
}

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

TEST(StaticSite, HashedAssetsAreCachedForAYearAndTyped) {
  auto r = Site().Handle(Get("/assets/app-1a2b.js"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "console.log(1)");
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(*r, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(r->route, "console");
}

TEST(StaticSite, UnknownPagePathsGetIndexHtmlRevalidatedEachTime) {
  for (const char* path : {"/", "/apps/12/environments", "/login"}) {
    auto r = Site().Handle(Get(path));
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->body, "<html>console</html>") << path;
    EXPECT_EQ(r->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(HeaderOf(*r, "Cache-Control"), "no-cache");
  }
}

TEST(StaticSite, ApiPathsAndWritesAreLeftToTheApi) {
  EXPECT_FALSE(Site().Handle(Get("/api/v1/nope")));
  EXPECT_FALSE(Site().Handle(Get("/healthz")));
  auto post = Get("/apps");
  post.method = "POST";
  EXPECT_FALSE(Site().Handle(post));
}

TEST(StaticSite, AMissingAssetIsNotFoundRatherThanThePage) {
  auto r = Site().Handle(Get("/assets/app-old.js"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST(StaticSite, GzipIsSentOnlyToClientsThatAcceptIt) {
  auto plain = Get("/");
  EXPECT_EQ(Site().Handle(plain)->body, "<html>console</html>");
  auto gz = Get("/");
  gz.headers["accept-encoding"] = "br, gzip;q=0.8";
  auto r = Site().Handle(gz);
  EXPECT_EQ(r->body, "GZ-INDEX");
  EXPECT_EQ(HeaderOf(*r, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(*r, "Vary"), "Accept-Encoding");
  gz.headers["accept-encoding"] = "gzip;q=0, identity";
  EXPECT_EQ(Site().Handle(gz)->body, "<html>console</html>");
}

TEST(StaticSite, AMatchingEtagAnswersNotModified) {
  auto r = Get("/assets/app-1a2b.js");
  r.headers["if-none-match"] = "\"other\", W/\"js1\"";
  auto answer = Site().Handle(r);
  EXPECT_EQ(answer->status, 304);
  EXPECT_TRUE(answer->body.empty());
}

TEST(StaticSite, WithoutAnEmbeddedSiteNothingIsServed) {
  StaticSite empty({}, nullptr);
  EXPECT_FALSE(empty.Handle(Get("/")));
}

TEST(StaticSite, AcceptEncodingWeights) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("deflate, GZIP"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("gzip;q=0.5"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0.0"));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip(""));
}

}  // namespace
}  // namespace slipway::http
