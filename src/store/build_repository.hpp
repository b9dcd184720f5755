#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/builds/build.hpp"
#include "store/database.hpp"

namespace slipway::store {

/// A page of an application's builds, newest first.
struct BuildQuery {
  std::int64_t app_id = 0;
  std::optional<core::BuildState> state;
  int limit = 50;
  std::optional<std::int64_t> before_id;  ///< keyset cursor: the last id of the previous page
};

/// Console text from a byte offset on, and where the stored log ends.
struct BuildLogPiece {
  std::string text;
  std::int64_t end = 0;
};

/// Builds and their console logs. All functions run inside the caller's
/// transaction. Reads report the state the build is effectively in: a build
/// whose workflow failed or was cancelled while it was queued or running
/// reads as failed, with the workflow's error as its reason (nobody follows
/// it any more).
namespace builds {

/// Inserts `build` (id and row_version ignored) and returns its id;
/// UniqueViolation when the application already has a build of that version.
std::int64_t Insert(Tx& tx, const core::Build& build);
std::optional<core::Build> Get(Tx& tx, std::int64_t id);
/// The application's build of `version` (its image tag), if any.
std::optional<core::Build> WithVersion(Tx& tx, std::int64_t app_id, const std::string& version);
/// Up to `limit + 1` builds, so the caller knows whether another page follows.
std::vector<core::Build> List(Tx& tx, const BuildQuery& query);
/// The digest of the application's newest succeeded build of `image`, if any.
std::optional<std::string> SucceededImageDigest(Tx& tx, std::int64_t app_id,
                                                const std::string& image);
/// Builds whose image has this digest (any application).
std::vector<core::Build> WithDigest(Tx& tx, const std::string& digest);

bool SetWorkflow(Tx& tx, std::int64_t id, const std::string& workflow_id);
/// Records that Jenkins is about to be asked to build. False when a trigger
/// was already recorded (another run got there first).
bool MarkTriggerSent(Tx& tx, std::int64_t id, core::Millis at, std::int64_t last_build_before);
void SetQueueId(Tx& tx, std::int64_t id, std::int64_t queue_id, core::Millis at);
/// queued → running with the Jenkins build number. False when not queued.
bool MarkStarted(Tx& tx, std::int64_t id, std::int64_t build_number, core::Millis at);
void SetCommit(Tx& tx, std::int64_t id, const std::string& commit, core::Millis at);
void SetJenkinsResult(Tx& tx, std::int64_t id, const std::string& result, core::Millis at);

/// What ending a build records.
struct Ending {
  core::BuildState from;
  core::BuildState to;
  std::string reason;
  std::string digest;  ///< succeeded builds
  core::Millis at = 0;
};
/// Ends the build if it is still in `ending.from`; false otherwise.
bool End(Tx& tx, std::int64_t id, const Ending& ending);
/// Notes who asked to cancel; false when the build ended or a cancel was already asked.
bool RequestCancel(Tx& tx, std::int64_t id, const std::string& by, core::Millis at);
/// Deletes the build and its log; false when absent.
bool Delete(Tx& tx, std::int64_t id);

/// Stores console text read from byte `start` to `end`, if `start` is where
/// the stored log ends (so a repeated read is not stored twice). False otherwise.
bool AppendLog(Tx& tx, std::int64_t id, std::int64_t start, std::int64_t end,
               const std::string& text);
/// Bytes of console text stored (what builds.log_max_bytes caps).
std::int64_t StoredLogBytes(Tx& tx, std::int64_t id);
/// Where the stored log ends (0 when empty): the next console read starts there.
std::int64_t LogEnd(Tx& tx, std::int64_t id);
/// The stored text after byte offset `from` (an offset a previous read
/// returned as `end`, or 0).
BuildLogPiece ReadLog(Tx& tx, std::int64_t id, std::int64_t from);

}  // namespace builds
}  // namespace slipway::store
