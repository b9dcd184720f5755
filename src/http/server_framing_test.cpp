// How the server frames requests, checked on the raw bytes (RFC 9112):
// transfer codings other than chunked, obsolete line folding, Host, bad
// chunks, repeated header lines, and that refused requests are observed
// (logged) like any other.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <mutex>
#include <string>
#include <vector>

#include "http/running_server_for_test.hpp"
#include "support/raw_connection.hpp"

namespace slipway::http {
namespace {

using slipway::testing::RawExchange;
using slipway::testing::RawStatus;
using ::testing::HasSubstr;

struct Observed {
  std::string method;
  std::string target;
  int status = 0;
};

class ServerFramingTest : public ::testing::Test {
 protected:
  // Echoes what the handler saw, and remembers every path that reached it.
  Response Echo(Request& r) {
    {
      std::lock_guard lock(mutex_);
      handled_.push_back(r.path);
    }
    return Response::Json(200, boost::json::object{{"path", r.path},
                                                   {"accept", r.Header("accept")},
                                                   {"cookie", r.Header("cookie")},
                                                   {"body", r.body}});
  }
  void Observe(const Request& r, const Response& res) {
    std::lock_guard lock(mutex_);
    observed_.push_back({r.method, r.target, res.status});
  }
  std::vector<std::string> Handled() {
    std::lock_guard lock(mutex_);
    return handled_;
  }
  std::vector<Observed> ObservedRequests() {
    std::lock_guard lock(mutex_);
    return observed_;
  }
  std::string Send(std::string_view bytes) { return RawExchange(server_.port(), bytes); }

  /// The JSON body of the (only) response in `bytes`.
  static boost::json::object BodyOf(const std::string& bytes) {
    auto at = bytes.find("\r\n\r\n");
    boost::system::error_code ec;
    auto v = boost::json::parse(at == std::string::npos ? "" : bytes.substr(at + 4), ec);
    return !ec && v.is_object() ? v.as_object() : boost::json::object{};
  }

  std::mutex mutex_;
  std::vector<std::string> handled_;
  std::vector<Observed> observed_;
  testing::RunningServer server_{
      [this](Request& r) { return Echo(r); },
      [this](const Request& r, const Response& res, double) { Observe(r, res); }};
};

TEST_F(ServerFramingTest, AnUnknownTransferCodingIs501AndItsBodyIsNeverASecondRequest) {
  auto bytes = Send(
      "POST /first HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n"
      "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n");
  EXPECT_EQ(RawStatus(bytes), 501) << bytes;
  EXPECT_THAT(bytes, HasSubstr("Connection: close"));
  EXPECT_EQ(bytes.find("HTTP/1.1", 1), std::string::npos) << "one answer only:\n" << bytes;
  EXPECT_TRUE(Handled().empty()) << "no request reached the handler";
}

TEST_F(ServerFramingTest, ChunkedMustBeTheOnlyTransferCoding) {
  for (std::string codings : {"Transfer-Encoding: gzip, chunked\r\n",
                              "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"}) {
    auto bytes = Send("POST /x HTTP/1.1\r\nHost: a\r\n" + codings + "\r\n2\r\n{}\r\n0\r\n\r\n");
    EXPECT_EQ(RawStatus(bytes), 501) << codings << bytes;
    EXPECT_EQ(BodyOf(bytes).at("error").at("code").as_string(), "not_implemented") << bytes;
  }
  auto old =
      Send("POST /x HTTP/1.0\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  EXPECT_EQ(RawStatus(old), 400) << "HTTP/1.0 has no transfer codings:\n" << old;
  EXPECT_TRUE(Handled().empty());

  auto chunked = Send(
      "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n"
      "2\r\n{}\r\n0\r\n\r\n");
  EXPECT_EQ(RawStatus(chunked), 200) << chunked;
  EXPECT_EQ(BodyOf(chunked).at("body").as_string(), "{}");
}

TEST_F(ServerFramingTest, ObsoleteLineFoldingIsRefused) {
  auto bytes =
      Send("GET /x HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(RawStatus(bytes), 400) << bytes;
  EXPECT_THAT(std::string(BodyOf(bytes).at("error").at("message").as_string()),
              HasSubstr("line folding"));
  EXPECT_TRUE(Handled().empty());
}

TEST_F(ServerFramingTest, Http11NeedsExactlyOneHost) {
  EXPECT_EQ(RawStatus(Send("GET /x HTTP/1.1\r\nConnection: close\r\n\r\n")), 400);
  EXPECT_EQ(RawStatus(Send("GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n")),
            400);
  EXPECT_TRUE(Handled().empty());
  EXPECT_EQ(RawStatus(Send("GET /x HTTP/1.0\r\n\r\n")), 200) << "HTTP/1.0 may omit it";
}

TEST_F(ServerFramingTest, AnOverflowingChunkSizeIsAnswered400BeforeClosing) {
  auto bytes = Send(
      "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
      "fffffffffffffffffffff\r\n");
  EXPECT_EQ(RawStatus(bytes), 400) << bytes;
  EXPECT_THAT(bytes, HasSubstr("Connection: close"));
  EXPECT_THAT(std::string(BodyOf(bytes).at("error").at("message").as_string()), HasSubstr("chunk"));
  EXPECT_TRUE(Handled().empty());
}

TEST_F(ServerFramingTest, RepeatedHeaderLinesAreCombinedIntoOneList) {
  auto bytes = Send(
      "GET /x HTTP/1.1\r\nHost: a\r\n"
      "Accept: application/vnd.oci.image.manifest.v1+json\r\n"
      "Accept: application/vnd.docker.distribution.manifest.v2+json\r\n"
      "Cookie: a=1\r\nCookie: b=2\r\nConnection: close\r\n\r\n");
  ASSERT_EQ(RawStatus(bytes), 200) << bytes;
  auto body = BodyOf(bytes);
  EXPECT_EQ(body.at("accept").as_string(),
            "application/vnd.oci.image.manifest.v1+json, "
            "application/vnd.docker.distribution.manifest.v2+json");
  EXPECT_EQ(body.at("cookie").as_string(), "a=1; b=2");
}

TEST_F(ServerFramingTest, RefusedRequestsAreObservedLikeOthers) {
  Send("GET /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n");
  Send("NOT A REQUEST\r\n\r\n");
  Send("GET /x HTTP/1.1\r\nHost: a\r\nX-Big: " + std::string(17000, 'x') + "\r\n\r\n");
  // The observer runs after the answer was written; the server answered all three above.
  std::vector<int> statuses;
  for (const auto& o : ObservedRequests()) statuses.push_back(o.status);
  EXPECT_THAT(statuses, ::testing::UnorderedElementsAre(501, 400, 431));
  for (const auto& o : ObservedRequests()) {
    if (o.status == 501) {
      EXPECT_EQ(o.method, "GET");
      EXPECT_EQ(o.target, "/x");
    }
  }
}

TEST_F(ServerFramingTest, ErrorsAboutTheRequestAreValidJson) {
  auto bytes = Send("GET /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \"q\xff\"\r\n\r\n");
  ASSERT_EQ(RawStatus(bytes), 501) << bytes;
  auto body = BodyOf(bytes);
  ASSERT_TRUE(body.contains("error")) << "not JSON: " << bytes;
  EXPECT_THAT(std::string(body.at("error").at("message").as_string()),
              HasSubstr("\"q\xef\xbf\xbd\""));
}

}  // namespace
}  // namespace slipway::http
