#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors {

struct JenkinsParameter {
  std::string name{};
  std::string default_value{};
};

/// A job or folder. `path` is the slash-separated full name ("team-a/web").
struct JenkinsItem {
  std::string path{};
  std::string url{};
  bool is_folder = false;
  bool buildable = false;
  std::vector<JenkinsParameter> parameters{};  ///< jobs: their parameter definitions
  std::vector<std::string> children{};         ///< folders: names of the items inside
  std::optional<std::int64_t> last_build{};
};

/// A queue item. Once it left the queue it is either cancelled or has a build.
struct JenkinsQueueItem {
  std::int64_t id = 0;
  bool left = false;  ///< Queue$LeftItem
  bool cancelled = false;
  std::optional<std::int64_t> build_number{};  ///< executable.number
  std::string why{};                           ///< why it still waits, if it does
};

struct JenkinsBuild {
  std::int64_t number = 0;
  bool building = false;
  std::optional<std::string>
      result{};  ///< SUCCESS, FAILURE, UNSTABLE, ABORTED, NOT_BUILT; none while building
  std::int64_t timestamp_ms = 0;
  std::int64_t duration_ms = 0;  ///< 0 while building
  std::map<std::string, std::string> parameters{};
  std::optional<std::int64_t> queue_id{};
};

/// A piece of console text from byte offset `start` to `next_start`.
struct JenkinsConsoleChunk {
  std::string text{};
  std::int64_t next_start = 0;  ///< X-Text-Size: pass as the next start
  bool more = false;            ///< X-More-Data: the build still writes
};

/// The Jenkins remote API as Slipway uses it to build images: folders and
/// jobs from config.xml, parameterised builds followed from queue item to
/// build to result, progressive console text, cancel and stop. Job paths
/// are slash-separated ("team-a/web-deploy" = /job/team-a/job/web-deploy/).
/// Thread-safe. Failures: kNotFound (item, queue item or build unknown),
/// kInvalid (Jenkins' X-Error text: name taken, bad name, not
/// parameterised), kConflict (job not buildable, queue item not
/// cancellable), kUnauthenticated (bad user or API token), kForbidden
/// (no permission, missing crumb), kTransient (unreachable, 5xx — reads
/// retried; POSTs never repeated).
class Jenkins {
 public:
  virtual ~Jenkins() = default;

  /// Creates an empty folder (inside its parent folder, which must exist).
  virtual core::Status CreateFolder(std::string_view path) = 0;
  /// Creates a job from its config.xml. kInvalid if the name is taken.
  virtual core::Status CreateJob(std::string_view path, std::string_view config_xml) = 0;
  /// The job or folder; kNotFound when absent. Idempotent.
  virtual core::Result<JenkinsItem> GetItem(std::string_view path) = 0;
  /// The job's or folder's config.xml as Jenkins keeps it (GET …/config.xml:
  /// the bytes it was created from until someone saves it); kNotFound when
  /// absent. Idempotent.
  virtual core::Result<std::string> GetJobConfig(std::string_view path) = 0;
  /// Deletes a job or a folder with everything in it; kNotFound when absent.
  virtual core::Status DeleteItem(std::string_view path) = 0;

  /// POST buildWithParameters (missing parameters take their defaults);
  /// `quiet_period_s` ≥ 0 overrides the job's quiet period. Returns the queue
  /// item id (an identical waiting request is merged into the same item).
  /// Not idempotent: never retried.
  virtual core::Result<std::int64_t> TriggerBuild(
      std::string_view path, const std::map<std::string, std::string>& parameters,
      int quiet_period_s = -1) = 0;
  /// The queue item; once left it names its build. Idempotent. Jenkins
  /// forgets left items after about 5 minutes (kNotFound).
  virtual core::Result<JenkinsQueueItem> GetQueueItem(std::int64_t id) = 0;
  /// Cancels a waiting queue item. kNotFound if unknown.
  virtual core::Status CancelQueueItem(std::int64_t id) = 0;

  /// The build; idempotent.
  virtual core::Result<JenkinsBuild> GetBuild(std::string_view path, std::int64_t number) = 0;
  /// Console text from byte `start` (progressiveText). Idempotent.
  virtual core::Result<JenkinsConsoleChunk> ReadConsole(std::string_view path, std::int64_t number,
                                                        std::int64_t start) = 0;
  /// Asks a running build to stop (it ends ABORTED); no effect on a finished one.
  virtual core::Status StopBuild(std::string_view path, std::int64_t number) = 0;
};

}  // namespace slipway::connectors
