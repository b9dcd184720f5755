#include "http/request_framing.hpp"

#include <gtest/gtest.h>

namespace slipway::http {
namespace {

HeaderScanner ScanAll(std::string_view bytes, std::size_t limit = 1024) {
  HeaderScanner scanner(limit);
  scanner.Scan(bytes);
  return scanner;
}

TEST(HeaderScannerTest, ReadyOnceTheEmptyLineArrivesEvenByteByByte) {
  const std::string request = "GET / HTTP/1.1\r\nHost: a\r\nAccept: x\r\n\r\n";
  HeaderScanner scanner(1024);
  for (std::size_t n = 1; n < request.size(); ++n) {
    scanner.Scan(std::string_view(request).substr(0, n));
    ASSERT_FALSE(scanner.ready()) << "after " << n << " bytes";
  }
  scanner.Scan(request);
  EXPECT_TRUE(scanner.ready());
  EXPECT_FALSE(scanner.obs_fold());
}

TEST(HeaderScannerTest, NoticesObsFold) {
  EXPECT_TRUE(ScanAll("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n").obs_fold());
  EXPECT_TRUE(ScanAll("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n\tc\r\n\r\n").obs_fold());
  EXPECT_FALSE(ScanAll("GET / HTTP/1.1\r\nHost: a\r\nX-A: b c\r\n\r\n").obs_fold());
  // The body is not looked at.
  EXPECT_FALSE(ScanAll("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\n\r\n x").obs_fold());
}

TEST(HeaderScannerTest, ReadyWithoutAnEndWhenTheParserCanRefuseAlready) {
  EXPECT_TRUE(ScanAll("GET / HTTP/1.1\nHost: a\n").ready()) << "a bare LF";
  EXPECT_TRUE(ScanAll(std::string(2000, 'x'), 1024).ready()) << "over the limit";
  EXPECT_FALSE(ScanAll("\r\n\r\nGET / HTTP/1.1\r\n").ready())
      << "empty lines before the request line";
}

TEST(CheckFramingTest, OnlyASingleChunkedCodingIsAccepted) {
  EXPECT_FALSE(CheckFraming(11, {"chunked"}, 1));
  EXPECT_FALSE(CheckFraming(11, {" Chunked "}, 1));
  EXPECT_FALSE(CheckFraming(11, {}, 1));
  for (auto codings : std::vector<std::vector<std::string_view>>{{"xchunked"},
                                                                 {"gzip, chunked"},
                                                                 {"gzip", "chunked"},
                                                                 {"chunked, chunked"},
                                                                 {"identity"}}) {
    auto refusal = CheckFraming(11, codings, 1);
    ASSERT_TRUE(refusal) << codings[0];
    EXPECT_EQ(refusal->status, 501) << codings[0];
  }
  auto old = CheckFraming(10, {"chunked"}, 0);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->status, 400);
}

TEST(CheckFramingTest, Http11NeedsExactlyOneHost) {
  EXPECT_EQ(CheckFraming(11, {}, 0)->status, 400);
  EXPECT_EQ(CheckFraming(11, {}, 2)->status, 400);
  EXPECT_EQ(CheckFraming(10, {}, 2)->status, 400);
  EXPECT_FALSE(CheckFraming(10, {}, 0));
}

}  // namespace
}  // namespace slipway::http
