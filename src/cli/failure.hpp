#pragma once
#include <boost/json/object.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "cli/http_client.hpp"

namespace slipway::cli {

/// Process exit codes of the client commands; scripts rely on them.
enum class ExitCode : int {
  kOk = 0,
  kServerError = 1,      ///< any other 4xx/5xx answer (invalid, forbidden, 429, 500, 503…)
  kUsage = 2,            ///< bad command line or argument values
  kUnauthenticated = 3,  ///< 401, or no stored credentials
  kNotFound = 4,         ///< 404
  kConflict = 5,         ///< 409: stale version, duplicate, illegal transition
  kCannotConnect = 6,    ///< the server could not be reached
  kTimeout = 7,          ///< --wait: still running (or paused) when --timeout ran out
};

/// The exit codes as the commands' --help shows them.
inline constexpr char kExitCodeHelp[] =
    "Exit codes: 0 ok, 1 refused or failed by the server, 2 usage, 3 unauthenticated or not "
    "logged in, 4 not found, 5 conflict, 6 cannot connect, 7 --wait timed out (still running). "
    "With "
    "--wait, a release or build that ends failed, cancelled or aborted exits 1.";

/// Why a client command stopped. Commands are linear scripts of requests
/// where any failure ends the command, so failures are thrown and caught in
/// one place (commands.cpp), which prints them and sets the exit code.
class Failure : public std::runtime_error {
 public:
  Failure(ExitCode exit, std::string code, std::string message, boost::json::object details = {})
      : std::runtime_error(message),
        exit_(exit),
        code_(std::move(code)),
        details_(std::move(details)) {}

  ExitCode exit() const { return exit_; }
  const std::string& code() const { return code_; }  ///< wire code, e.g. "not_found"
  const boost::json::object& details() const { return details_; }

 private:
  ExitCode exit_;
  std::string code_;
  boost::json::object details_;
};

/// A command line that parsed but makes no sense (bad --port syntax…).
Failure UsageFailure(std::string message);

/// Exit code for an error answer, by the contract's error code, falling back
/// to the HTTP status when the body carried no code.
ExitCode ExitCodeFor(std::string_view error_code, long status);

/// The failure an error answer (status >= 400) stands for; reads the
/// contract's `{"error":{"code","message","details"}}` body when present.
Failure FailureFromResponse(const HttpResponse& response);

/// The failure a transport error from HttpClient stands for.
Failure FailureFromTransport(const core::Error& error);

/// `error: <message> (<code>)` then one indented line per detail.
std::string FormatFailure(const Failure& failure);

}  // namespace slipway::cli
