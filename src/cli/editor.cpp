#include "cli/editor.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/failure.hpp"

namespace slipway::cli {

namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Editor() {
  for (const char* name : {"VISUAL", "EDITOR"}) {
    const char* v = std::getenv(name);
    if (v && *v) return v;
  }
  return "vi";
}

}  // namespace

std::string ReadInput(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageFailure("cannot read " + path);
  text << in.rdbuf();
  return text.str();
}

std::string EditText(const std::string& text, const std::string& file_name) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/slipway-XXXXXX-" + file_name;
  const int suffix = static_cast<int>(file_name.size()) + 1;
  const int fd = mkstemps(path.data(), suffix);
  if (fd < 0) throw UsageFailure("cannot create a temporary file for the editor");
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!written) {
    ::unlink(path.c_str());
    throw UsageFailure("cannot write the temporary file " + path);
  }
  const std::string editor = Editor();
  const int status = std::system((editor + " " + ShellQuote(path)).c_str());
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    ::unlink(path.c_str());
    throw UsageFailure("the editor (" + editor + ") failed; nothing was saved");
  }
  std::string edited = ReadInput(path);
  ::unlink(path.c_str());
  return edited;
}

}  // namespace slipway::cli
