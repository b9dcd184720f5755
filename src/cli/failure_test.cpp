#include "cli/failure.hpp"

#include <gtest/gtest.h>

namespace slipway::cli {
namespace {

TEST(CliFailure, ErrorCodesMapToExitCodes) {
  EXPECT_EQ(ExitCodeFor("unauthenticated", 401), ExitCode::kUnauthenticated);
  EXPECT_EQ(ExitCodeFor("not_found", 404), ExitCode::kNotFound);
  EXPECT_EQ(ExitCodeFor("conflict", 409), ExitCode::kConflict);
  for (const char* code : {"invalid", "forbidden", "payload_too_large", "unsupported_media_type",
                           "too_many_requests", "unavailable", "internal"}) {
    EXPECT_EQ(ExitCodeFor(code, 400), ExitCode::kServerError) << code;
  }
  // Without a contract body, the status decides.
  EXPECT_EQ(ExitCodeFor("", 401), ExitCode::kUnauthenticated);
  EXPECT_EQ(ExitCodeFor("", 404), ExitCode::kNotFound);
  EXPECT_EQ(ExitCodeFor("", 409), ExitCode::kConflict);
  EXPECT_EQ(ExitCodeFor("", 502), ExitCode::kServerError);
  EXPECT_EQ(static_cast<int>(UsageFailure("x").exit()), 2);
}

TEST(CliFailure, ReadsTheContractErrorBody) {
  HttpResponse response{409,
                        R"({"error":{"code":"conflict","message":"app is online",)"
                        R"("details":{"state":"online","allowed_actions":["request_offline"]}}})",
                        {}};
  Failure failure = FailureFromResponse(response);
  EXPECT_EQ(failure.exit(), ExitCode::kConflict);
  EXPECT_EQ(FormatFailure(failure),
            "error: app is online (conflict)\n"
            "  state: online\n"
            "  allowed_actions: [\"request_offline\"]\n");
}

TEST(CliFailure, FallsBackToTheStatusAndKeepsRetryAfter) {
  HttpResponse response{429, "<html>slow down</html>", {{"Retry-After", "30"}}};
  Failure failure = FailureFromResponse(response);
  EXPECT_EQ(failure.exit(), ExitCode::kServerError);
  EXPECT_EQ(FormatFailure(failure),
            "error: server answered HTTP 429 (too_many_requests)\n"
            "  retry_after: 30\n");
}

TEST(CliFailure, TransportErrorsMeanCannotConnect) {
  Failure failure = FailureFromTransport({core::Code::kTransient, "cannot reach http://x", {}});
  EXPECT_EQ(static_cast<int>(failure.exit()), 6);
  EXPECT_EQ(FormatFailure(failure), "error: cannot reach http://x (cannot_connect)\n");
}

}  // namespace
}  // namespace slipway::cli
