#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/builds/build.hpp"
#include "core/common/clock.hpp"
#include "core/common/error.hpp"
#include "services/builds/build_commands.hpp"
#include "services/builds/build_log_tails.hpp"
#include "services/builds/build_references.hpp"
#include "services/platform/connections.hpp"
#include "services/platform/context.hpp"
#include "services/platform/parsed.hpp"
#include "services/platform/settings.hpp"
#include "store/database.hpp"

namespace slipway::engine {
class Engine;
}

namespace slipway::services {

/// A build as one caller sees it: the data and what this caller may do now.
struct BuildView {
  core::Build build;
  std::string app_name;
  core::BuildActions actions;
};

struct BuildList {
  std::vector<BuildView> items;
  std::optional<std::string> next_cursor;
};

/// Image builds (R-BLD-1..4). Starting one records it and starts the `build`
/// workflow (build_workflow.hpp) in one transaction; the workflow does the
/// Jenkins and registry work. `id` arguments are build ids as path text.
class BuildService {
 public:
  BuildService(store::Database& db, const core::Clock& clock, engine::Engine& engine,
               const Connections& connections, BuildSettings settings);

  /// Only approved self-developed applications are built (409 otherwise,
  /// with the reason).
  core::Result<BuildView> Start(const RequestContext& ctx, const std::string& app_ref,
                                const Parsed<StartBuildCommand>& command);
  core::Result<BuildView> Get(const RequestContext& ctx, const std::string& id);
  /// Newest first; `state` filters when not empty; `cursor` is a previous next_cursor.
  core::Result<BuildList> List(const RequestContext& ctx, const std::string& app_ref,
                               const std::string& state, int limit, const std::string& cursor);
  /// Asks the workflow to cancel the queue item or stop the running build;
  /// the build ends `cancelled` once Jenkins confirms. Asking again is a no-op.
  core::Result<BuildView> Cancel(const RequestContext& ctx, const std::string& id);
  /// Deletes the image from the registry by digest, then the build and its
  /// log (the version becomes free again). Refused (409) while the build is
  /// queued or running, and — unless an admin passes `force` — while
  /// BuildReferences names the image.
  core::Status Delete(const RequestContext& ctx, const std::string& id, bool force);

  /// The stored console text after byte `from`.
  core::Result<BuildLog> ReadLog(const RequestContext& ctx, const std::string& id,
                                 std::int64_t from);
  /// Sends the log so far to `push`, then what is added, until the build
  /// ends (then `close`) or `push` returns false (the reader left). NotFound
  /// when there is no such build; TooManyRequests with too many followers.
  core::Status FollowLog(const RequestContext& ctx, const std::string& id,
                         std::function<bool(std::string)> push, std::function<void()> close);

 private:
  /// Every check of a start, in order (who, which application, the command,
  /// the environment, the connectors); the build to record.
  core::Result<core::Build> Prepare(store::Tx& tx, const RequestContext& ctx,
                                    const std::string& app_ref,
                                    const Parsed<StartBuildCommand>& command);
  core::Result<BuildView> View(store::Tx& tx, const RequestContext& ctx, core::Build build);

  store::Database& db_;
  const core::Clock& clock_;
  engine::Engine& engine_;
  const Connections& connections_;
  BuildSettings settings_;
  BuildLogTails tails_;  // last: its threads read through the members above
};

}  // namespace slipway::services
