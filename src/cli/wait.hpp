#pragma once
// `--wait`: following a release or a build until it ends, for scripts and CI.
// The client polls the resource (GET, once a second) rather than reading the
// release's event stream: the poll survives a server restart or a switch of
// replica, honours --timeout while a canary pause sends nothing, and holds
// none of the per-user stream slots.
#include <CLI/CLI.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace slipway::cli {

class Session;

/// A duration as the command line gives it: whole seconds ("90"), or
/// numbers with units s, m, h, d run together ("90s", "15m", "1h30m").
/// nullopt for anything else, zero included.
std::optional<std::chrono::seconds> ParseDuration(std::string_view text);

/// Seconds as ParseDuration reads them: "45s", "15m", "1h30m", "1h5s".
std::string FormatDuration(std::chrono::seconds duration);

/// CLI11's check of a DURATION option (a usage error, exit 2, otherwise).
CLI::Validator DurationValidator();

/// The command line of a waiting command.
struct WaitArgs {
  bool wait = false;
  std::string timeout;  ///< a DURATION; checked by the parser
  bool until_paused = false;
};

/// Adds `--wait` (unless `always`: a command that only waits), `--timeout
/// DURATION` (default `default_timeout`) and, with `releases`,
/// `--until-paused`. The other two need --wait when it is a flag.
void AddWaitOptions(CLI::App* command, WaitArgs& args, const std::string& default_timeout,
                    bool releases, bool always = false);

struct WaitSettings {
  std::chrono::seconds timeout{1800};
  /// A release: stop (exit 0) at the first canary pause instead of waiting
  /// for its promotion.
  bool until_paused = false;
  /// The release was just promoted: the canary pause it was in when
  /// promoted is left behind, not reported as a pause (nor ends the wait).
  bool promoted = false;
  std::chrono::milliseconds interval{1000};  ///< between two polls
  std::chrono::seconds heartbeat{300};       ///< "still waiting" after this long without news
};

/// The settings `args` ask for (its timeout was checked by the parser).
WaitSettings SettingsOf(const WaitArgs& args);

/// Follows a release from `first` (as the server answered it last) until it
/// is completed or failed, or with `until_paused` paused at a canary step:
/// one progress line per change of its state, steps and operations
/// (Session::Progress), a reminder while a canary waits for promotion,
/// then the final release with -o json. Completed, or paused with
/// `until_paused`: returns. Failed (a step failed, aborted; an automatic
/// rollback is named): throws Failure, exit 1. Still running at the
/// timeout: throws Failure, exit 7. The server not answering for a while
/// is waited out until the timeout.
void WaitForRelease(Session& session, boost::json::value first, const WaitSettings& settings);

/// Follows a build from `first` until it succeeded, failed or was cancelled,
/// like WaitForRelease: failed or cancelled throws Failure (exit 1) with the
/// build's reason, the timeout Failure exit 7. With `quiet` it prints
/// nothing (`build logs -f`, whose output is the log).
void WaitForBuild(Session& session, boost::json::value first, const WaitSettings& settings,
                  bool quiet = false);

/// Follows a lane from `first` (as the create answered it) until it is no
/// longer `creating`, and returns it as last read; still creating at
/// `timeout`: throws Failure, exit 7. The server not answering for a while
/// is waited out until the timeout, as for releases.
boost::json::value WaitForLaneCreation(Session& session, boost::json::value first,
                                       std::chrono::seconds timeout);

}  // namespace slipway::cli
