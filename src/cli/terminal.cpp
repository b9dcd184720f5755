#include "cli/terminal.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <optional>

#include "cli/failure.hpp"

namespace slipway::cli {
namespace {

std::string WithoutLineEnd(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Restores the terminal even when reading throws or the stream fails.
class EchoOff {
 public:
  EchoOff() : active_(tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!active_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~EchoOff() {
    if (!active_) return;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    std::cerr << '\n';  // the user's Enter was not echoed
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_;
};

}  // namespace

std::string ReadStdinLine() {
  std::string line;
  if (!std::getline(std::cin, line)) throw UsageFailure("expected a line on standard input");
  return WithoutLineEnd(std::move(line));
}

std::string Prompt(const std::string& prompt, bool secret, const std::string& alternative) {
  if (!isatty(STDIN_FILENO)) {
    throw UsageFailure("standard input is not a terminal: " + alternative);
  }
  std::cerr << prompt << std::flush;
  std::string line;
  {
    std::optional<EchoOff> echo_off;
    if (secret) echo_off.emplace();
    if (!std::getline(std::cin, line)) throw UsageFailure("no answer on the terminal");
  }
  return WithoutLineEnd(std::move(line));
}

std::string ReadNewPassword(bool from_stdin) {
  if (from_stdin) return ReadStdinLine();
  const std::string hint = "pass --password-stdin and pipe the password";
  std::string first = Prompt("New password: ", true, hint);
  if (Prompt("Repeat password: ", true, hint) != first) throw UsageFailure("passwords differ");
  return first;
}

}  // namespace slipway::cli
