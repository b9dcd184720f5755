#include "cli/wait.hpp"

#include <boost/json.hpp>
#include <functional>
#include <thread>
#include <vector>

#include "cli/build_views.hpp"
#include "cli/client_session.hpp"
#include "cli/failure.hpp"
#include "cli/release_views.hpp"
#include "cli/url.hpp"
#include "core/common/json_path.hpp"

namespace slipway::cli {
namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kMaxSeconds = 366LL * 24 * 3600;

// Failures a poll rides out until the timeout: a server restarting, a
// replica going away, a proxy answering for it.
bool Transient(const Failure& failure) {
  return failure.exit() == ExitCode::kCannotConnect || failure.code() == "internal" ||
         failure.code() == "unavailable" || failure.code() == "too_many_requests";
}

std::string IdOf(const json::value& resource) {
  const auto* id = resource.is_object() ? resource.as_object().if_contains("id") : nullptr;
  if (!id || !id->is_int64()) {
    throw Failure(ExitCode::kServerError, "internal", "server answered without an id");
  }
  return std::to_string(id->as_int64());
}

// The index of the step a canary release is paused at, -1 when none is.
std::int64_t PausedStep(const json::value& release) {
  if (core::StringAt(release, {"state"}) != "canary") return -1;
  const auto* steps = release.is_object() ? release.as_object().if_contains("steps") : nullptr;
  if (!steps || !steps->is_array()) return -1;
  for (const auto& step : steps->as_array()) {
    if (core::StringAt(step, {"state"}) == "waiting") return core::IntAt(step, {"index"}, -1);
  }
  return -1;
}

struct Followed {
  json::value last;  ///< the last reading
  bool timed_out = false;
};

struct Follower {
  std::string path;  ///< what to GET
  std::function<std::vector<std::string>(const json::value&, const json::value&)> progress;
  std::function<bool(const json::value&)> done;
  /// "still …" after a long silence, from the last reading and the time waited.
  std::function<std::string(const json::value&, std::chrono::seconds)> reminder;
};

Followed Follow(Session& session, const Follower& f, json::value first, const WaitSettings& s,
                bool quiet) {
  const auto start = Clock::now();
  const auto deadline = start + s.timeout;
  auto say = [&](const std::string& line) {
    if (!quiet) session.Progress(line);
  };
  json::value before = nullptr;
  std::optional<json::value> now = std::move(first);
  auto last_news = start;
  bool unreachable = false;
  while (true) {
    if (now) {
      const auto lines = f.progress(before, *now);
      for (const auto& line : lines) say(line);
      if (!lines.empty()) last_news = Clock::now();
      if (f.done(*now)) return {std::move(*now), false};
      before = std::move(*now);
      now.reset();
    }
    const auto t = Clock::now();
    if (t >= deadline) return {std::move(before), true};
    if (t - last_news >= s.heartbeat) {
      say(f.reminder(before, std::chrono::duration_cast<std::chrono::seconds>(t - start)));
      last_news = t;
    }
    std::this_thread::sleep_for(
        std::min<Clock::duration>(s.interval, std::chrono::ceil<Clock::duration>(deadline - t)));
    try {
      now = session.Call("GET", f.path);
      if (unreachable) say("the server answers again");
      unreachable = false;
    } catch (const Failure& failure) {
      if (!Transient(failure)) throw;
      if (!unreachable)
        say(std::string("the server does not answer (") + failure.what() + "); still waiting");
      unreachable = true;
    }
  }
}

}  // namespace

CLI::Validator DurationValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        return ParseDuration(text) ? ""
                                   : "not a duration: " + text + " (e.g. 600, 90s, 15m, 1h30m)";
      },
      "");
}

std::optional<std::chrono::seconds> ParseDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::int64_t n = 0;
    const std::size_t digits = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      n = n * 10 + (text[i++] - '0');
      if (n > kMaxSeconds) return std::nullopt;
    }
    if (i == digits) return std::nullopt;
    std::int64_t unit = 1;
    if (i < text.size()) {
      switch (text[i++]) {
        case 's':
          unit = 1;
          break;
        case 'm':
          unit = 60;
          break;
        case 'h':
          unit = 3600;
          break;
        case 'd':
          unit = 86400;
          break;
        default:
          return std::nullopt;
      }
    } else if (digits != 0) {
      return std::nullopt;  // "1h30": the last number needs its unit too
    }
    total += n * unit;
    if (total > kMaxSeconds) return std::nullopt;
  }
  if (total == 0) return std::nullopt;
  return std::chrono::seconds(total);
}

std::string FormatDuration(std::chrono::seconds duration) {
  const auto s = duration.count();
  std::string out;
  if (s >= 3600) out += std::to_string(s / 3600) + "h";
  if (s % 3600 >= 60) out += std::to_string(s % 3600 / 60) + "m";
  if (s % 60 != 0 || out.empty()) out += std::to_string(s % 60) + "s";
  return out;
}

void AddWaitOptions(CLI::App* command, WaitArgs& args, const std::string& default_timeout,
                    bool releases, bool always) {
  args.timeout = default_timeout;
  CLI::Option* wait = nullptr;
  if (!always) {
    wait = command->add_flag("--wait", args.wait,
                             releases ? "Follow the release, a line per change, until it ends: "
                                        "exit 0 when it completed, 1 when it failed"
                                      : "Follow the build until it ends: exit 0 when it "
                                        "succeeded, 1 when it failed or was cancelled");
  }
  auto* timeout =
      command
          ->add_option("--timeout", args.timeout,
                       "How long to wait (600, 90s, 15m, 1h30m); still running then: exit 7")
          ->type_name("DURATION")
          ->check(DurationValidator())
          ->capture_default_str();
  if (wait) timeout->needs(wait);
  if (releases) {
    auto* paused = command->add_flag(
        "--until-paused", args.until_paused,
        "Stop waiting (exit 0) when a canary pauses for promotion, instead of waiting for "
        "the promotion");
    if (wait) paused->needs(wait);
  }
}

WaitSettings SettingsOf(const WaitArgs& args) {
  WaitSettings settings;
  if (auto timeout = ParseDuration(args.timeout)) settings.timeout = *timeout;
  settings.until_paused = args.until_paused;
  return settings;
}

void WaitForRelease(Session& session, json::value first, const WaitSettings& settings) {
  const std::string id = IdOf(first);
  Follower follower;
  follower.path = "/api/v1/releases/" + PercentEncode(id);
  // With `promoted`, the pause of the first reading is the one just left.
  std::optional<std::int64_t> promoted_pause;
  if (settings.promoted && PausedStep(first) >= 0) promoted_pause = PausedStep(first);
  follower.progress = [&](const json::value& before, const json::value& now) {
    auto lines = ReleaseProgress(before, now);
    if (before.is_null() && promoted_pause && !lines.empty()) {
      lines.back() = "release " + id + " promoted: it goes on from the canary step";
    }
    return lines;
  };
  follower.done = [&](const json::value& r) {
    const auto state = core::StringAt(r, {"state"});
    if (promoted_pause && PausedStep(r) != *promoted_pause) promoted_pause.reset();
    return state == "completed" || state == "failed" ||
           (settings.until_paused && state == "canary" && !promoted_pause);
  };
  follower.reminder = [&](const json::value& r, std::chrono::seconds waited) {
    const auto state = core::StringAt(r, {"state"});
    return "release " + id + ": still " +
           (state == "canary" ? "waiting for promotion (`slipway release promote " + id + "`)"
                              : state) +
           " after " + FormatDuration(waited);
  };
  auto followed = Follow(session, follower, std::move(first), settings, false);
  if (session.json_output()) session.Print(followed.last, [](const json::value&) { return ""; });
  const auto state = core::StringAt(followed.last, {"state"});
  if (followed.timed_out) {
    throw Failure(ExitCode::kTimeout, "timeout",
                  "release " + id + " is still " +
                      (state == "canary" ? "waiting for promotion" : state) + " after " +
                      FormatDuration(settings.timeout) + ": `slipway release wait " + id +
                      "` follows it further",
                  {{"state", state}});
  }
  if (state == "failed") {
    const auto error = core::StringAt(followed.last, {"error"});
    json::object details;
    if (const auto rollback = RollbackReleaseOf(followed.last))
      details["rollback_release"] = rollback;
    throw Failure(ExitCode::kServerError, "release_failed",
                  "release " + id + " failed" + (error.empty() ? "" : ": " + error),
                  std::move(details));
  }
}

void WaitForBuild(Session& session, json::value first, const WaitSettings& settings, bool quiet) {
  const std::string id = IdOf(first);
  Follower follower;
  follower.path = "/api/v1/builds/" + PercentEncode(id);
  follower.progress = BuildProgress;
  follower.done = [](const json::value& b) {
    const auto state = core::StringAt(b, {"state"});
    return state == "succeeded" || state == "failed" || state == "cancelled";
  };
  follower.reminder = [&](const json::value& b, std::chrono::seconds waited) {
    return "build " + id + ": still " + core::StringAt(b, {"state"}) + " after " +
           FormatDuration(waited);
  };
  auto followed = Follow(session, follower, std::move(first), settings, quiet);
  if (!quiet && session.json_output()) {
    session.Print(followed.last, [](const json::value&) { return ""; });
  }
  const auto state = core::StringAt(followed.last, {"state"});
  if (followed.timed_out) {
    throw Failure(ExitCode::kTimeout, "timeout",
                  "build " + id + " is still " + state + " after " +
                      FormatDuration(settings.timeout) + ": `slipway build wait " + id +
                      "` follows it further",
                  {{"state", state}});
  }
  if (state != "succeeded") {
    const auto reason = core::StringAt(followed.last, {"reason"});
    throw Failure(ExitCode::kServerError, "build_" + state,
                  "build " + id + " " + state + (reason.empty() ? "" : ": " + reason));
  }
}

json::value WaitForLaneCreation(Session& session, json::value first, std::chrono::seconds timeout) {
  const std::string id = IdOf(first);
  WaitSettings settings;
  settings.timeout = timeout;
  Follower follower;
  follower.path = "/api/v1/lanes/" + PercentEncode(id);
  follower.progress = [](const json::value&, const json::value&) {
    return std::vector<std::string>{};
  };
  follower.done = [](const json::value& l) { return core::StringAt(l, {"state"}) != "creating"; };
  follower.reminder = [&](const json::value&, std::chrono::seconds waited) {
    return "lane " + id + ": still creating after " + FormatDuration(waited);
  };
  auto followed = Follow(session, follower, std::move(first), settings, false);
  if (followed.timed_out) {
    throw Failure(ExitCode::kTimeout, "timeout",
                  "lane " + id + " is still being created after " + FormatDuration(timeout) +
                      ": follow it with `slipway lane show " + id + "`");
  }
  return std::move(followed.last);
}

}  // namespace slipway::cli
