// The bodies of `slipway connector set|test`: the settings shown with the
// flags over them; secrets only from files or the environment.
#include "cli/connector_requests.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>

#include "cli/failure.hpp"
#include "support/temp_dir.hpp"

namespace slipway::cli {
namespace {

const boost::json::object kShown = {{"url", "https://ci.example.com"},
                                    {"user", "slipway"},
                                    {"ca_file", ""},
                                    {"insecure_skip_tls_verify", false}};

TEST(ConnectorBody, TheFlagsGoOverTheSettingsShown) {
  ConnectorFlags flags;
  flags.sets = {"url=https://ci2.example.com", "insecure_skip_tls_verify=true"};
  auto body = ConnectorBody("jenkins", kShown, flags);
  EXPECT_EQ(body.at("url").as_string(), "https://ci2.example.com");
  EXPECT_EQ(body.at("user").as_string(), "slipway");
  EXPECT_TRUE(body.at("insecure_skip_tls_verify").as_bool());
  EXPECT_FALSE(body.contains("token")) << "no secret given: the stored one stays";
}

TEST(ConnectorBody, SecretsComeFromFilesOrTheEnvironmentOnly) {
  testing::TempDir dir;
  const auto path = dir.path() + "/token";
  std::ofstream(path) << "s3cret\n";
  ConnectorFlags flags;
  flags.secret_files = {"token=" + path};
  EXPECT_EQ(ConnectorBody("jenkins", kShown, flags).at("token").as_string(), "s3cret");

  ::setenv("SLIPWAY_TEST_CONNECTOR_SECRET", "from-env", 1);
  ConnectorFlags env;
  env.secret_envs = {"key_secret=SLIPWAY_TEST_CONNECTOR_SECRET"};
  EXPECT_EQ(ConnectorBody("dns", {}, env).at("key_secret").as_string(), "from-env");

  ConnectorFlags inline_secret;
  inline_secret.sets = {"token=s3cret"};
  EXPECT_THROW(ConnectorBody("jenkins", kShown, inline_secret), Failure);
}

TEST(ConnectorBody, UnknownFieldsAndSystemsAreUsageErrors) {
  ConnectorFlags flags;
  flags.sets = {"datacenter=dc1"};
  try {
    ConnectorBody("jenkins", kShown, flags);
    FAIL() << "jenkins takes no datacenter";
  } catch (const Failure& f) {
    EXPECT_EQ(f.exit(), ExitCode::kUsage);
    EXPECT_NE(std::string(f.what()).find("datacenter"), std::string::npos) << f.what();
  }
  EXPECT_THROW(ConnectorBody("svn", {}, {}), Failure);
  ConnectorFlags not_secret;
  not_secret.secret_files = {"url=/dev/null"};
  EXPECT_THROW(ConnectorBody("jenkins", kShown, not_secret), Failure);
  ConnectorFlags bad_flag;
  bad_flag.sets = {"insecure_skip_tls_verify=yes"};
  EXPECT_THROW(ConnectorBody("jenkins", kShown, bad_flag), Failure);
}

}  // namespace
}  // namespace slipway::cli
