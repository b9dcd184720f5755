#include "cli/cli_config.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "cli/failure.hpp"
#include "core/common/json_path.hpp"

namespace slipway::cli {
namespace {

namespace fs = std::filesystem;

Failure FileFailure(const std::string& what, const fs::path& path, int err) {
  return Failure(ExitCode::kUsage, "config",
                 what + " " + path.string() + ": " + std::strerror(err));
}

}  // namespace

std::optional<fs::path> DefaultConfigPath() {
  if (const char* explicit_path = std::getenv("SLIPWAY_CONFIG"); explicit_path && *explicit_path) {
    return fs::path(explicit_path);
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return fs::path(home) / ".config" / "slipway" / "cli.json";
  }
  return std::nullopt;
}

std::optional<CliConfig> LoadConfig(const fs::path& path) {
  std::error_code missing;
  if (!fs::exists(path, missing)) return std::nullopt;
  std::ifstream in(path);
  if (!in) throw FileFailure("cannot read", path, errno);
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto json = boost::json::parse(text.str(), ec);
  if (ec || !json.is_object()) {
    throw Failure(ExitCode::kUsage, "config", path.string() + " is not a credentials file");
  }
  const auto& object = json.as_object();
  CliConfig config{core::StringAt(object, {"server"}), core::StringAt(object, {"token"}), 0,
                   core::StringAt(object, {"username"})};
  if (const auto* id = object.if_contains("token_id"); id && id->is_int64()) {
    config.token_id = id->as_int64();
  }
  if (const auto* transport = object.if_contains("transport");
      transport && transport->is_object()) {
    config.transport = TransportFlagsFromJson(transport->as_object());
  }
  return config;
}

void SaveConfig(const fs::path& path, const CliConfig& config) {
  if (path.has_parent_path() && !fs::exists(path.parent_path())) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw FileFailure("cannot create", path.parent_path(), ec.value());
    fs::permissions(path.parent_path(), fs::perms::owner_all, ec);
  }
  boost::json::object object{{"server", config.server},
                             {"token", config.token},
                             {"token_id", config.token_id},
                             {"username", config.username}};
  if (!config.transport.empty()) object["transport"] = TransportFlagsJson(config.transport);
  const std::string text = boost::json::serialize(object) + "\n";
  // Write a private temporary file and rename it over the old one, so the
  // token is never readable by others, not even for an instant, and a
  // crash never leaves a truncated file.
  fs::path temporary = path;
  temporary += ".tmp";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw FileFailure("cannot write", temporary, errno);
  bool written = ::fchmod(fd, 0600) == 0 &&
                 ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                 ::fsync(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
    if (written) err = errno;
    ::unlink(temporary.c_str());
    throw FileFailure("cannot write", path, err);
  }
}

void RemoveConfig(const fs::path& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT)
    throw FileFailure("cannot delete", path, errno);
}

}  // namespace slipway::cli
