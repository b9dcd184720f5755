#pragma once
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "connectors/jenkins.hpp"

namespace slipway::connectors::jenkins {

/// An in-memory Jenkins for unit tests. Time drives it, without threads: a
/// queue item leaves after its quiet period, its build runs for
/// `build_time` while its console grows line by line, then ends with the
/// scripted result (SUCCESS unless ScriptOutcome said otherwise). Identical
/// waiting requests merge, cancel and stop behave like Jenkins. Records
/// calls and fails the next calls on request. Thread-safe.
class FakeJenkins final : public Jenkins {
 public:
  struct Timing {
    std::chrono::milliseconds quiet_period{50};
    std::chrono::milliseconds build_time{1000};
  };
  FakeJenkins();
  explicit FakeJenkins(Timing timing);

  /// The next builds of the job at `path` end with `result` after these lines.
  void ScriptOutcome(std::string path, std::string result, std::vector<std::string> log_lines);
  /// The next call named `operation` ("TriggerBuild", …; empty: any) fails.
  void FailNext(std::string operation, core::Error error);
  std::vector<std::string> calls() const;

  core::Status CreateFolder(std::string_view path) override;
  core::Status CreateJob(std::string_view path, std::string_view config_xml) override;
  core::Result<JenkinsItem> GetItem(std::string_view path) override;
  core::Result<std::string> GetJobConfig(std::string_view path) override;
  core::Status DeleteItem(std::string_view path) override;
  core::Result<std::int64_t> TriggerBuild(std::string_view path,
                                          const std::map<std::string, std::string>& parameters,
                                          int quiet_period_s) override;
  core::Result<JenkinsQueueItem> GetQueueItem(std::int64_t id) override;
  core::Status CancelQueueItem(std::int64_t id) override;
  core::Result<JenkinsBuild> GetBuild(std::string_view path, std::int64_t number) override;
  core::Result<JenkinsConsoleChunk> ReadConsole(std::string_view path, std::int64_t number,
                                                std::int64_t start) override;
  core::Status StopBuild(std::string_view path, std::int64_t number) override;

 private:
  using Clock = std::chrono::steady_clock;
  struct Build {
    std::int64_t number = 0;
    std::int64_t queue_id = 0;
    std::map<std::string, std::string> parameters;
    Clock::time_point start;
    Clock::time_point end;
    std::optional<Clock::time_point> stopped;
    std::string result;
    std::vector<std::string> lines;
  };
  struct Item {
    bool folder = false;
    std::string config_xml;
    std::vector<JenkinsParameter> parameters;
    std::int64_t next_build = 1;
    std::map<std::int64_t, Build> builds;
  };
  struct QueueEntry {
    std::string path;
    std::map<std::string, std::string> parameters;
    Clock::time_point start_at;
    bool cancelled = false;
    std::optional<std::int64_t> build;
  };
  std::optional<core::Error> Enter(std::string operation, std::string_view detail);
  void Advance();  ///< starts the builds whose quiet period is over
  core::Status AddItem(std::string_view path, Item item);
  std::string ConsoleText(const Build& b, Clock::time_point now) const;

  Timing timing_;
  mutable std::mutex mutex_;
  std::map<std::string, Item, std::less<>> items_;
  std::map<std::int64_t, QueueEntry> queue_;
  std::map<std::string, std::pair<std::string, std::vector<std::string>>>
      scripts_;  ///< path → result, lines
  std::int64_t next_queue_id_ = 1;
  std::deque<std::pair<std::string, core::Error>> failures_;
  std::vector<std::string> calls_;
};

}  // namespace slipway::connectors::jenkins
