#include "support/slipway_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/temp_dir.hpp"

extern char** environ;

namespace slipway::testing {
namespace {

// Child processes are watched by polling: there is no portable way to wait
// for "exited or timed out" on one child.
constexpr std::chrono::milliseconds kPollStep{20};

std::string Binary() {
  const char* binary = std::getenv("SLIPWAY_BINARY");
  if (binary == nullptr || *binary == '\0') {
    throw std::runtime_error("env SLIPWAY_BINARY must name the slipway binary (ctest sets it)");
  }
  return binary;
}

std::vector<std::string> MergedEnvironment(const EnvList& extra) {
  std::set<std::string> overridden;
  for (const auto& [name, value] : extra) overridden.insert(name);
  std::vector<std::string> merged;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string line = *entry;
    if (!overridden.count(line.substr(0, line.find('=')))) merged.push_back(std::move(line));
  }
  for (const auto& [name, value] : extra) merged.push_back(name + "=" + value);
  return merged;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Everything is prepared before fork(): the child of a threaded process may
// only make async-signal-safe calls until exec.
pid_t Spawn(std::vector<std::string> args, const EnvList& env, const std::string& out,
            const std::string& err) {
  args.insert(args.begin(), Binary());
  std::vector<std::string> environment = MergedEnvironment(env);
  std::vector<char*> argv = Pointers(args);
  std::vector<char*> envp = Pointers(environment);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    // A test that dies must not leave servers behind.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    const int in_fd = open("/dev/null", O_RDONLY);
    const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0) _exit(127);
    dup2(in_fd, STDIN_FILENO);
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  return pid;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Tail(const std::string& text) {
  constexpr std::size_t kTail = 2000;
  return text.size() <= kTail ? text : "…" + text.substr(text.size() - kTail);
}

ExitStatus Decode(int wait_status) {
  ExitStatus status;
  if (WIFEXITED(wait_status)) status.code = WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) status.signal = WTERMSIG(wait_status);
  return status;
}

}  // namespace

std::string ExitStatus::Describe() const {
  if (signal != 0) return "killed by signal " + std::to_string(signal);
  return "exit code " + std::to_string(code);
}

SlipwayProcess::SlipwayProcess(ProcessOptions options) : dir_(std::make_unique<TempDir>()) {
  stdout_path_ = dir_->path() + "/stdout.log";
  stderr_path_ = dir_->path() + "/stderr.log";
  if (!options.serve) {
    pid_ = Spawn(options.args, options.env, stdout_path_, stderr_path_);
    return;
  }
  // The port was free a moment ago; another process (or this server's own
  // sandbox, which binds its emulators first) may take it meanwhile. Then
  // `serve` exits with "Address already in use": try another port.
  for (int attempt = 1;; ++attempt) {
    port_ = FreeLoopbackPort();
    base_url_ = "http://127.0.0.1:" + std::to_string(port_);
    std::vector<std::string> args = options.args;
    args.push_back("--listen");
    args.push_back("127.0.0.1:" + std::to_string(port_));
    pid_ = Spawn(args, options.env, stdout_path_, stderr_path_);
    status_.reset();
    try {
      WaitHealthy(options.ready_timeout);
      return;
    } catch (const std::runtime_error&) {
      if (attempt >= 3 || running() ||
          ReadStderr().find("Address already in use") == std::string::npos)
        throw;
    }
  }
}

SlipwayProcess::~SlipwayProcess() {
  if (pid_ > 0 && !status_) Kill();
}

bool SlipwayProcess::Reap(bool block) {
  if (status_) return true;
  int wait_status = 0;
  const pid_t done = waitpid(pid_, &wait_status, block ? 0 : WNOHANG);
  if (done != pid_) return false;
  status_ = Decode(wait_status);
  return true;
}

bool SlipwayProcess::running() { return !Reap(false); }

std::optional<ExitStatus> SlipwayProcess::Wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!Reap(false)) {
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(kPollStep);
  }
  return status_;
}

ExitStatus SlipwayProcess::Terminate(std::chrono::milliseconds timeout) {
  if (!status_) kill(pid_, SIGTERM);
  if (auto status = Wait(timeout)) return *status;
  return Kill();
}

ExitStatus SlipwayProcess::Kill() {
  if (!status_) {
    kill(pid_, SIGKILL);
    Reap(true);
  }
  return *status_;
}

std::string SlipwayProcess::ReadStdout() const { return ReadFile(stdout_path_); }
std::string SlipwayProcess::ReadStderr() const { return ReadFile(stderr_path_); }

void SlipwayProcess::WaitHealthy(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (!running()) {
      throw std::runtime_error("slipway exited before it was ready (" + status_->Describe() +
                               "): " + Tail(ReadStderr()));
    }
    if (HttpGetStatus(port_, "/healthz") == 200) return;
    if (std::chrono::steady_clock::now() >= deadline) {
      Kill();
      throw std::runtime_error("slipway did not answer /healthz in time: " + Tail(ReadStderr()));
    }
    std::this_thread::sleep_for(kPollStep);
  }
}

CommandResult RunSlipway(std::vector<std::string> args, EnvList env,
                         std::chrono::milliseconds timeout) {
  ProcessOptions options;
  options.args = std::move(args);
  options.env = std::move(env);
  options.serve = false;
  SlipwayProcess process(std::move(options));
  CommandResult result;
  auto status = process.Wait(timeout);
  result.status = status ? *status : process.Kill();
  result.out = process.ReadStdout();
  result.err = process.ReadStderr();
  return result;
}

int FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
                  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  close(fd);
  if (!ok) throw std::runtime_error(std::string("bind: ") + std::strerror(errno));
  return ntohs(address.sin_port);
}

int HttpGetStatus(int port, const std::string& path) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  timeval timeout{.tv_sec = 2, .tv_usec = 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  int status = 0;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0) {
    const std::string request = "GET " + path +
                                " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nConnection: close\r\n\r\n";
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
        static_cast<ssize_t>(request.size())) {
      char buffer[64] = {};
      std::size_t got = 0;
      // The status line "HTTP/1.1 200 OK" fits in the first bytes.
      while (got < 12) {
        const ssize_t n = recv(fd, buffer + got, sizeof(buffer) - 1 - got, 0);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
      }
      if (got >= 12 && std::strncmp(buffer, "HTTP/1.", 7) == 0) status = std::atoi(buffer + 9);
    }
  }
  close(fd);
  return status;
}

}  // namespace slipway::testing
