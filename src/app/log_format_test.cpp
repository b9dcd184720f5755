#include "app/log_format.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/common/utf8.hpp"

namespace slipway::app {
namespace {

// One line of valid UTF-8 JSON: what a log shipper needs from every record.
boost::json::object ParseLine(const std::string& line) {
  EXPECT_TRUE(core::IsValidUtf8(line)) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  boost::system::error_code ec;
  auto v = boost::json::parse(line, ec);
  EXPECT_FALSE(ec) << line;
  return !ec && v.is_object() ? v.as_object() : boost::json::object{};
}

TEST(LogTextTest, KeepsTextAndEscapesWhatCouldBreakOrForgeALine) {
  EXPECT_EQ(LogText("/api/v1/apps?q=caf\xc3\xa9"), "/api/v1/apps?q=caf\xc3\xa9");
  EXPECT_EQ(LogText("/\xff\xfe"), "/\\xff\\xfe");
  EXPECT_EQ(LogText("a\r\nGET /forged 200"), "a\\x0d\\x0aGET /forged 200");
  EXPECT_EQ(LogText("back\\slash"), "back\\\\slash")
      << "so \\xNN in the log always means an escaped byte";
}

TEST(AccessLineTest, JsonLinesStayJsonWhateverTheRequestHeld) {
  http::Request req;
  req.method = "GET";
  req.path = "/\xff\"quoted\"\n";
  req.target = "/%ff\"quoted\"%0a";
  req.remote_address = "127.0.0.1";
  req.request_id = "abc";
  http::Response res;
  res.status = 404;
  auto line = ParseLine(AccessLine(req, res, 0.002, true));
  EXPECT_EQ(line.at("path").as_string(), "/\\xff\"quoted\"\\x0a");
  EXPECT_EQ(line.at("target").as_string(), "/%ff\"quoted\"%0a");
  EXPECT_EQ(line.at("status").as_int64(), 404);
}

TEST(AccessLineTest, TextLinesAreOneLineAndNameRefusedRequests) {
  http::Request refused;  // the parser refused it: no method or target known
  refused.remote_address = "127.0.0.1";
  refused.request_id = "r1";
  http::Response res;
  res.status = 400;
  res.body = "{}";
  EXPECT_EQ(AccessLine(refused, res, 0, false), "127.0.0.1 - - 400 2B 0.00ms r1");
  refused.method = "GET";
  refused.target = "/x\n127.0.0.1 GET /admin 200";
  auto line = AccessLine(refused, res, 0, false);
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
}

TEST(JsonLogFormatterTest, MessagesWithQuotesNewlinesAndInvalidBytesStayOneValidLine) {
  JsonLogFormatter formatter;
  const std::string payload = "cannot parse \"x\"\nsecond line \xff end";
  spdlog::details::log_msg msg("engine", spdlog::level::warn, payload);
  spdlog::memory_buf_t out;
  formatter.format(msg, out);
  std::string text(out.data(), out.size());
  ASSERT_TRUE(text.ends_with("\n"));
  text.pop_back();
  auto line = ParseLine(text);
  EXPECT_EQ(line.at("level").as_string(), "warning");
  EXPECT_EQ(line.at("logger").as_string(), "engine");
  EXPECT_EQ(line.at("message").as_string(), "cannot parse \"x\"\nsecond line \xef\xbf\xbd end");
  EXPECT_TRUE(std::string(line.at("time").as_string()).ends_with("Z"));
}

}  // namespace
}  // namespace slipway::app
