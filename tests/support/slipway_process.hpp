#pragma once
// The real `slipway` binary as a child process, for integration and crash tests.
#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace slipway::testing {

class TempDir;

using EnvList = std::vector<std::pair<std::string, std::string>>;

/// How a child process ended.
struct ExitStatus {
  int code = -1;   ///< exit code when it exited, else -1
  int signal = 0;  ///< the signal that killed it, else 0

  bool exited() const { return signal == 0 && code >= 0; }
  /// "exit code 86" or "killed by signal 9", for assertion messages.
  std::string Describe() const;
};

struct ProcessOptions {
  /// Arguments after the binary, e.g. {"serve", "--data-dir", dir}.
  std::vector<std::string> args;
  /// Set in the child on top of (or instead of) this process's environment.
  EnvList env;
  /// For `serve`: appends `--listen 127.0.0.1:<free port>` and waits until
  /// GET /healthz answers 200 before the constructor returns.
  bool serve = true;
  std::chrono::milliseconds ready_timeout{30'000};
};

/// A running `slipway` (path from env SLIPWAY_BINARY). stdout and stderr go
/// to files in a temporary folder of its own. Destroying a process that
/// still runs kills it (SIGKILL). Not thread-safe.
class SlipwayProcess {
 public:
  /// Starts the process; with `serve`, also waits for /healthz. Throws
  /// std::runtime_error when it cannot start, exits early or never gets ready
  /// (the message ends with the tail of its stderr).
  explicit SlipwayProcess(ProcessOptions options);
  ~SlipwayProcess();
  SlipwayProcess(const SlipwayProcess&) = delete;
  SlipwayProcess& operator=(const SlipwayProcess&) = delete;

  /// http://127.0.0.1:<port> (serve only; "" otherwise).
  const std::string& base_url() const { return base_url_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  bool running();

  /// Waits up to `timeout` for the process to end on its own.
  std::optional<ExitStatus> Wait(std::chrono::milliseconds timeout);
  /// SIGTERM (graceful shutdown), then waits; SIGKILL after `timeout`.
  ExitStatus Terminate(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  /// SIGKILL, then waits.
  ExitStatus Kill();
  /// How it ended, once it has.
  std::optional<ExitStatus> status() const { return status_; }

  const std::string& stdout_path() const { return stdout_path_; }
  const std::string& stderr_path() const { return stderr_path_; }
  std::string ReadStdout() const;
  std::string ReadStderr() const;

 private:
  bool Reap(bool block);
  void WaitHealthy(std::chrono::milliseconds timeout);

  std::unique_ptr<TempDir> dir_;
  std::string stdout_path_;
  std::string stderr_path_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string base_url_;
  std::optional<ExitStatus> status_;
};

/// The output of a `slipway` command run to its end.
struct CommandResult {
  ExitStatus status;
  std::string out;
  std::string err;
};

/// Runs `slipway args…` to completion (e.g. `admin start-workflow`);
/// SIGKILLs it after `timeout`.
CommandResult RunSlipway(std::vector<std::string> args, EnvList env = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(60));

/// A TCP port on 127.0.0.1 that was free a moment ago.
int FreeLoopbackPort();

/// GET `path` on 127.0.0.1:`port` over a plain socket; the status code, or 0
/// when nothing answers.
int HttpGetStatus(int port, const std::string& path);

}  // namespace slipway::testing
