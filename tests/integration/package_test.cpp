// The Debian package (`make package`, scripts/package.sh), built here from the
// binary under test: what it installs, that the unpacked binary runs, that
// the packaged configuration loads, that systemd accepts the unit with its
// hardening, and that the maintainer scripts are valid shell.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/real_servers.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

namespace fs = std::filesystem;

struct ShellRun {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs a shell command; its exit code, stdout and stderr.
ShellRun Shell(const std::string& command, const std::string& err_file) {
  ShellRun run;
  FILE* pipe = popen((command + " 2>'" + err_file + "'").c_str(), "r");
  if (!pipe) return run;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  const int status = pclose(pipe);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  std::stringstream text;
  text << in.rdbuf();
  run.err = text.str();
  return run;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class PackageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const char* binary = std::getenv("SLIPWAY_BINARY");
    ASSERT_NE(binary, nullptr) << "SLIPWAY_BINARY names the slipway under test";
    binary_ = binary;
    auto built = Shell("'" + std::string(SLIPWAY_SOURCE_DIR) + "/scripts/package.sh' '" + binary_ +
                           "' '" + dir_->path() + "/out'",
                       dir_->path() + "/package.err");
    ASSERT_EQ(built.code, 0) << built.err;
    deb_ = Trim(built.out);
    root_ = dir_->path() + "/root";
    auto unpacked = Shell("dpkg-deb -x '" + deb_ + "' '" + root_ + "'", dir_->path() + "/x.err");
    ASSERT_EQ(unpacked.code, 0) << unpacked.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  ShellRun Sh(const std::string& command) { return Shell(command, dir_->path() + "/err"); }

  static inline TempDir* dir_ = nullptr;
  static inline std::string binary_;
  static inline std::string deb_;
  static inline std::string root_;
};

TEST_F(PackageTest, InstallsTheBinaryTheUnitTheConfigurationAndTheDocs) {
  ASSERT_FALSE(deb_.empty());
  auto listing = Sh("dpkg-deb -c '" + deb_ + "'");
  ASSERT_EQ(listing.code, 0) << listing.err;
  for (const char* path :
       {"./usr/bin/slipway", "./lib/systemd/system/slipway.service", "./etc/slipway/slipway.yaml",
        "./etc/slipway/slipway.env", "./usr/share/doc/slipway/README.md",
        "./usr/share/doc/slipway/configuration.md"}) {
    EXPECT_NE(listing.out.find(std::string(path) + "\n"), std::string::npos) << path << " in\n"
                                                                             << listing.out;
  }
  EXPECT_NE(listing.out.find("-rw-r----- root/root"), std::string::npos)
      << "slipway.env is not world-readable";
  const auto conffiles = Sh("dpkg-deb --ctrl-tarfile '" + deb_ + "' | tar -xO ./conffiles");
  EXPECT_EQ(conffiles.out, "/etc/slipway/slipway.yaml\n/etc/slipway/slipway.env\n");
  const auto depends = Sh("dpkg-deb -f '" + deb_ + "' Depends");
  for (const char* package : {"libpq5", "libsqlite3-0", "libcurl4", "adduser"}) {
    EXPECT_NE(depends.out.find(package), std::string::npos) << depends.out;
  }
}

TEST_F(PackageTest, TheUnpackedBinaryRunsAndReportsTheVersionOfTheBuild) {
  const auto packaged = Sh("'" + root_ + "/usr/bin/slipway' --version");
  ASSERT_EQ(packaged.code, 0) << packaged.err;
  const auto built = Sh("'" + binary_ + "' --version");
  EXPECT_TRUE(packaged.out.starts_with("slipway ")) << packaged.out;
  EXPECT_EQ(packaged.out, built.out);
  const auto version = Sh("dpkg-deb -f '" + deb_ + "' Version");
  EXPECT_EQ("slipway " + Trim(version.out) + "\n", packaged.out);
}

TEST_F(PackageTest, ThePackagedConfigurationLoadsAndMigratesADatabase) {
  const auto data = dir_->path() + "/data";
  const auto migrated = Sh("'" + root_ + "/usr/bin/slipway' migrate --config '" + root_ +
                           "/etc/slipway/slipway.yaml' --data-dir '" + data + "'");
  EXPECT_EQ(migrated.code, 0) << migrated.out << migrated.err;
  EXPECT_TRUE(fs::exists(data + "/slipway.db"));
}

TEST_F(PackageTest, SystemdAcceptsTheUnitAndItsHardening) {
  SLIPWAY_REQUIRE_INSTALLED(access("/usr/bin/systemd-analyze", X_OK) == 0, "systemd-analyze");
  const auto unit = ReadFile(root_ + "/lib/systemd/system/slipway.service");
  for (const char* line :
       {"User=slipway", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
        "PrivateTmp=yes", "CapabilityBoundingSet=\n", "SystemCallFilter=@system-service",
        "ReadWritePaths=/var/lib/slipway", "MemoryDenyWriteExecute=yes"}) {
    EXPECT_NE(unit.find(line), std::string::npos) << line;
  }
  // verify looks for ExecStart's binary: point it at the unpacked one. Every
  // unknown or misspelt key is a warning on stderr with exit code 0, so the
  // test wants stderr empty.
  std::string local = unit;
  const std::string exec = "ExecStart=/usr/bin/slipway";
  local.replace(local.find(exec), exec.size(), "ExecStart=" + root_ + "/usr/bin/slipway");
  const auto path = dir_->path() + "/slipway.service";
  std::ofstream(path) << local;
  const auto verified = Sh("systemd-analyze verify '" + path + "'");
  EXPECT_EQ(verified.code, 0) << verified.err;
  EXPECT_EQ(verified.err, "");
}

TEST_F(PackageTest, TheMaintainerScriptsAreValidShellAndMakeTheSystemUser) {
  const auto scripts = dir_->path() + "/control";
  ASSERT_EQ(Sh("dpkg-deb -e '" + deb_ + "' '" + scripts + "'").code, 0);
  for (const char* script : {"postinst", "prerm", "postrm"}) {
    const auto checked = Sh("sh -n '" + scripts + "/" + script + "'");
    EXPECT_EQ(checked.code, 0) << script << ": " << checked.err;
    EXPECT_TRUE(fs::status(scripts + "/" + script).permissions() == fs::perms(0755)) << script;
  }
  const auto postinst = ReadFile(scripts + "/postinst");
  EXPECT_NE(postinst.find("adduser --system --group"), std::string::npos);
  EXPECT_NE(postinst.find("install -d -o slipway -g slipway -m 0750 /var/lib/slipway"),
            std::string::npos);
}

}  // namespace
}  // namespace slipway::testing
