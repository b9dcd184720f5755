#include "app/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/temp_dir.hpp"

namespace slipway::app {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  Config Load(const std::string& yaml) {
    const auto path = dir_.path() + "/slipway.yaml";
    std::ofstream(path) << yaml;
    return LoadConfig(path);
  }
  std::string Error(const std::string& yaml) {
    try {
      Load(yaml);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "(accepted)";
  }
  testing::TempDir dir_;
};

TEST_F(ConfigTest, EmptyAndAbsentSectionsKeepTheDefaults) {
  auto c = Load("connectors:\nbuilds:\n");
  EXPECT_FALSE(c.connectors.jenkins);
  EXPECT_EQ(c.environments.env_types, (std::vector<std::string>{"prod", "test"}));
  EXPECT_EQ(c.builds.job_path, "{app}");
  EXPECT_TRUE(c.sandbox);
  EXPECT_EQ(c.sandbox_settings.pod_ready_delay.count(), 1500);
}

TEST_F(ConfigTest, HowOftenReplicasLookForConnectorChangesIsConfigurable) {
  EXPECT_EQ(Load("").connectors.refresh_ms, 2000);
  EXPECT_EQ(Load("connectors:\n  refresh_ms: 500\n").connectors.refresh_ms, 500);
  EXPECT_NE(Error("connectors:\n  refresh_ms: 10\n").find("connectors.refresh_ms"),
            std::string::npos);
}

TEST_F(ConfigTest, TheSandboxPodReadyDelayIsConfigurable) {
  EXPECT_EQ(Load("sandbox:\n  pod_ready_delay_ms: 1000\n").sandbox_settings.pod_ready_delay.count(),
            1000);
  EXPECT_EQ(Load("sandbox: {pod_ready_delay_ms: 0}\n").sandbox_settings.pod_ready_delay.count(), 0);
  EXPECT_NE(Error("sandbox:\n  pod_ready_delay_ms: -1\n").find("sandbox.pod_ready_delay_ms"),
            std::string::npos);
}

TEST_F(ConfigTest, TheSandboxKubernetesTickIsConfigurable) {
  EXPECT_EQ(Load("").sandbox_settings.kubernetes_tick.count(), 100);
  EXPECT_EQ(Load("sandbox: {kubernetes_tick_ms: 5}\n").sandbox_settings.kubernetes_tick.count(), 5);
  EXPECT_NE(Error("sandbox: {kubernetes_tick_ms: 0}\n").find("sandbox.kubernetes_tick_ms"),
            std::string::npos);
}

TEST_F(ConfigTest, TheBaselineConfigSizeCapIsConfigurable) {
  EXPECT_EQ(Load("").releases.baseline_config_max_bytes, 1 << 20);
  EXPECT_EQ(
      Load("releases:\n  baseline_config_max_bytes: 2048\n").releases.baseline_config_max_bytes,
      2048);
  EXPECT_NE(Error("releases:\n  baseline_config_max_bytes: -1\n")
                .find("releases.baseline_config_max_bytes"),
            std::string::npos);
}

TEST_F(ConfigTest, StreamCapsAndMetricsAccessAreConfigurable) {
  auto defaults = Load("");
  EXPECT_EQ(defaults.api.streams.per_user, 16);
  EXPECT_EQ(defaults.api.streams.total, 256);
  EXPECT_EQ(defaults.api.metrics_access, http::MetricsAccess::kLocalOrToken);
  auto c = Load("server:\n  max_streams_per_user: 4\n  max_streams: 40\n  metrics_access: token\n");
  EXPECT_EQ(c.api.streams.per_user, 4);
  EXPECT_EQ(c.api.streams.total, 40);
  EXPECT_EQ(c.api.metrics_access, http::MetricsAccess::kToken);
  EXPECT_EQ(Load("server: {metrics_access: public}\n").api.metrics_access,
            http::MetricsAccess::kPublic);
  EXPECT_NE(Error("server:\n  metrics_access: everyone\n").find("server.metrics_access"),
            std::string::npos);
  EXPECT_NE(Error("server:\n  max_streams_per_user: 0\n").find("server.max_streams_per_user"),
            std::string::npos);
}

TEST_F(ConfigTest, ReadsConnectorsAndReleaseSettings) {
  auto c = Load(
      "connectors:\n"
      "  jenkins: {url: https://ci.example.com/jenkins, user: slipway, token: t0k}\n"
      "  registry: {url: https://registry.example.com:5000, ca_file: /etc/ssl/r.pem}\n"
      "  consul_datacenter: dc2\n"
      "environments:\n  types: [prod, staging, test]\n"
      "builds:\n  job_path: '{team}/{app}-build'\n  image_namespace: shop\n  create_missing_jobs: "
      "true\n"
      "config_files:\n  consul_prefix: cfg\n  apollo_envs: {prod: PRO, test: FAT}\n"
      "secrets:\n  key_file: /etc/slipway/key\n");
  ASSERT_TRUE(c.connectors.jenkins);
  EXPECT_EQ(c.connectors.jenkins->user, "slipway");
  EXPECT_EQ(c.connectors.jenkins->token, "t0k");
  EXPECT_EQ(c.connectors.registry->ca_file, "/etc/ssl/r.pem");
  EXPECT_FALSE(c.connectors.apollo);
  EXPECT_EQ(c.connectors.consul_datacenter, "dc2");
  EXPECT_EQ(c.environments.env_types.size(), 3u);
  EXPECT_EQ(c.builds.job_path, "{team}/{app}-build");
  EXPECT_TRUE(c.builds.create_missing_jobs);
  EXPECT_EQ(c.config_files.apollo_envs.at("test"), "FAT");
  EXPECT_EQ(c.secret_key_file, "/etc/slipway/key");
}

TEST_F(ConfigTest, ReadsTapdAndTheLaneDnsZone) {
  std::ofstream(dir_.path() + "/lanes.key")
      << "key \"slipway-key\" {\n\talgorithm hmac-sha512;\n\tsecret \"c2VjcmV0\";\n};\n";
  auto c = Load(
      "connectors:\n"
      "  tapd: {url: https://api.tapd.cn, user: slipway-api, token: pw, web_url: "
      "https://tapd.corp}\n"
      "  dns:\n"
      "    server: 10.0.0.53:5353\n"
      "    zone: lanes.example.com\n"
      "    key_name: slipway-key.\n"
      "    key_algorithm: hmac-sha512\n"
      "    key_secret_file: " +
      dir_.path() + "/lanes.key\n");
  ASSERT_TRUE(c.connectors.tapd);
  EXPECT_EQ(c.connectors.tapd->url, "https://api.tapd.cn");
  EXPECT_EQ(c.connectors.tapd->user, "slipway-api");
  EXPECT_EQ(c.connectors.tapd->token, "pw");
  EXPECT_EQ(c.connectors.tapd_web_url, "https://tapd.corp");
  ASSERT_TRUE(c.connectors.dns);
  EXPECT_EQ(c.connectors.dns->server, "10.0.0.53");
  EXPECT_EQ(c.connectors.dns->port, 5353);
  EXPECT_EQ(c.connectors.dns->zone, "lanes.example.com.");
  EXPECT_EQ(c.connectors.dns->key_algorithm, "hmac-sha512.");
  EXPECT_EQ(c.connectors.dns->key_secret, "c2VjcmV0");
  std::ofstream(dir_.path() + "/plain.key") << "  c2VjcmV0\n";
  auto plain =
      Load("connectors:\n  dns: {server: '[fd00::53]', zone: z., key_name: k, key_secret_file: " +
           dir_.path() + "/plain.key}\n");
  EXPECT_EQ(plain.connectors.dns->server, "fd00::53");
  EXPECT_EQ(plain.connectors.dns->port, 53);
  EXPECT_EQ(plain.connectors.dns->key_algorithm, "hmac-sha256.");
  EXPECT_EQ(plain.connectors.dns->key_secret, "c2VjcmV0");
  auto none = Load("connectors:\n  gitlab: {url: http://g}\n");
  EXPECT_FALSE(none.connectors.tapd);
  EXPECT_FALSE(none.connectors.dns);
}

TEST_F(ConfigTest, ReadsTheLanesDefaultNoticeChannel) {
  EXPECT_TRUE(Load("").lanes.notify.url.empty()) << "none unless configured";
  ::setenv("SLIPWAY_TEST_LANE_ROBOT_SECRET", "SECfromenv", 1);
  auto c = Load(
      "lanes:\n"
      "  notify:\n"
      "    url: https://oapi.dingtalk.com/robot/send?access_token=abc123\n"
      "    secret_env: SLIPWAY_TEST_LANE_ROBOT_SECRET\n");
  ::unsetenv("SLIPWAY_TEST_LANE_ROBOT_SECRET");
  EXPECT_EQ(c.lanes.notify.type, "dingtalk");
  EXPECT_EQ(c.lanes.notify.url, "https://oapi.dingtalk.com/robot/send?access_token=abc123");
  EXPECT_EQ(c.lanes.notify.secret, "SECfromenv");
  EXPECT_EQ(Load("lanes: {notify: {type: webhook, url: 'https://hooks.example.com/lanes'}}\n")
                .lanes.notify.type,
            "webhook");

  EXPECT_NE(Error("lanes: {notify: {url: 'https://oapi.dingtalk.com/robot/send'}}\n")
                .find("lanes.notify.url"),
            std::string::npos)
      << "a robot URL carries its access_token";
  EXPECT_NE(Error("lanes: {notify: {type: mail, url: 'https://x.example.com'}}\n")
                .find("lanes.notify.type"),
            std::string::npos);
  EXPECT_NE(Error("lanes: {notify: {secret: SEC1}}\n").find("lanes.notify.secret"),
            std::string::npos);
  EXPECT_NE(Error("lanes: {notify: {channel: x}}\n").find("lanes.notify.channel"),
            std::string::npos);
}

TEST_F(ConfigTest, RefusesAnIncompleteOrBadLaneDnsZone) {
  std::ofstream(dir_.path() + "/k") << "c2VjcmV0\n";
  const std::string key = ", key_secret_file: " + dir_.path() + "/k}\n";
  EXPECT_NE(Error("connectors:\n  dns: {server: ns.example.com, zone: z, key_name: k" + key)
                .find("connectors.dns.server must be IP"),
            std::string::npos);
  EXPECT_NE(Error("connectors:\n  dns: {server: 10.0.0.1:99999, zone: z, key_name: k" + key)
                .find("bad port"),
            std::string::npos);
  EXPECT_NE(
      Error("connectors:\n  dns: {server: 10.0.0.1, key_name: k" + key).find("connectors.dns.zone"),
      std::string::npos);
  EXPECT_NE(
      Error("connectors:\n  dns: {server: 10.0.0.1, zone: z" + key).find("connectors.dns.key_name"),
      std::string::npos);
  EXPECT_NE(
      Error("connectors:\n  dns: {server: 10.0.0.1, zone: z, key_name: k, key_algorithm: rot13" +
            key)
          .find("connectors.dns.key_algorithm"),
      std::string::npos);
  EXPECT_NE(Error("connectors:\n  dns: {server: 10.0.0.1, zone: z, key_name: k, key_secret_file: "
                  "/nonexistent}\n")
                .find("cannot read /nonexistent"),
            std::string::npos);
  EXPECT_NE(Error("connectors:\n  dns: {server: 10.0.0.1, zone: z, key_name: k, secret: x" + key)
                .find("connectors.dns.secret"),
            std::string::npos);
  EXPECT_NE(Error("connectors:\n  tapd: {url: api.tapd.cn}\n").find("connectors.tapd.url"),
            std::string::npos);
}

TEST_F(ConfigTest, BuildTimingsAreReadAndBounded) {
  auto c = Load(
      "builds:\n  poll_interval_ms: 2000\n  trigger_recovery_ms: 60000\n  outage_ms: 120000\n");
  EXPECT_EQ(c.builds.poll_interval_ms, 2000);
  EXPECT_EQ(c.builds.trigger_recovery_ms, 60000);
  EXPECT_EQ(c.builds.outage_ms, 120000);
  EXPECT_NE(Error("builds:\n  poll_interval_ms: 10\n").find("builds.poll_interval_ms"),
            std::string::npos);
  EXPECT_NE(Error("builds:\n  outage_ms: 5\n").find("builds.outage_ms"), std::string::npos);
}

TEST_F(ConfigTest, ReleaseRecheckIsReadAndBounded) {
  EXPECT_EQ(Load("").release_runner.recheck_ms, 5000);
  EXPECT_EQ(Load("releases:\n  recheck_ms: 600000\n").release_runner.recheck_ms, 600000);
  EXPECT_NE(Error("releases:\n  recheck_ms: 10\n").find("releases.recheck_ms"), std::string::npos);
  EXPECT_NE(Error("releases:\n  recheck: 1000\n").find("releases.recheck"), std::string::npos);
}

TEST_F(ConfigTest, RefusesTyposAndBadValues) {
  EXPECT_NE(
      Error("connectors:\n  jenkins: {url: http://x, tokn: a}\n").find("connectors.jenkins.tokn"),
      std::string::npos);
  EXPECT_NE(Error("connectors:\n  consul: {url: consul:8500}\n").find("connectors.consul.url"),
            std::string::npos);
  EXPECT_NE(Error("environments:\n  types: []\n").find("environments.types"), std::string::npos);
  EXPECT_NE(Error("environments:\n  types: [Prod]\n").find("environments.types"),
            std::string::npos);
  EXPECT_NE(Error("connectors: 3\n").find("connectors"), std::string::npos);
}

// yaml-cpp would read the first of two equal keys; the person meant one of them.
TEST_F(ConfigTest, RefusesARepeatedKey) {
  EXPECT_EQ(Error("builds:\n  image_namespace: a\n  image_namespace: b\n"),
            "cannot read config " + dir_.path() +
                "/slipway.yaml: the key \"image_namespace\" appears twice in one "
                "mapping (line 3)");
  EXPECT_NE(Error("log: {level: info}\nlog: {level: debug}\n").find("\"log\" appears twice"),
            std::string::npos);
}

TEST_F(ConfigTest, TheBuildJobPathMustBeAJenkinsItemPath) {
  EXPECT_EQ(Load("builds:\n  job_path: 'ci/{team}/{app}-build'\n").builds.job_path,
            "ci/{team}/{app}-build");
  for (const char* bad : {"'../{app}'", "'{team}//{app}'", "'/{app}'", "'{app}?x'"}) {
    EXPECT_NE(Error(std::string("builds:\n  job_path: ") + bad + "\n").find("builds.job_path"),
              std::string::npos)
        << bad;
  }
}

TEST_F(ConfigTest, TheSandboxBasePortIsBounded) {
  EXPECT_EQ(Load("").sandbox_base_port, 0);
  EXPECT_EQ(Load("sandbox: {base_port: 18100}\n").sandbox_base_port, 18100);
  EXPECT_NE(Error("sandbox: {base_port: 65500}\n").find("sandbox.base_port"), std::string::npos);
}

TEST_F(ConfigTest, ConfigFilesDefaultToApollosStandardEnvsAndCheckThePrefix) {
  auto defaults = Load("");
  EXPECT_EQ(defaults.config_files.consul_prefix, "slipway/config");
  EXPECT_EQ(defaults.config_files.apollo_envs,
            (std::map<std::string, std::string>{{"prod", "PRO"}, {"test", "FAT"}}));
  EXPECT_EQ(defaults.config_files.apollo_operator, "");
  auto set = Load("config_files:\n  apollo_envs: {prod: PROD}\n  apollo_operator: slipway\n");
  EXPECT_EQ(set.config_files.apollo_envs, (std::map<std::string, std::string>{{"prod", "PROD"}}))
      << "the map replaces the default";
  EXPECT_EQ(set.config_files.apollo_operator, "slipway");
  EXPECT_NE(Error("config_files:\n  consul_prefix: a//b\n").find("config_files.consul_prefix"),
            std::string::npos);
  EXPECT_NE(Error("config_files:\n  consul_prefix: 'a b'\n").find("config_files.consul_prefix"),
            std::string::npos);
}

TEST_F(ConfigTest, ConnectorCredentialsComeFromFilesAndEnvironmentVariables) {
  std::ofstream(dir_.path() + "/jenkins-token") << "from-a-file\n";
  setenv("SLIPWAY_TEST_GITLAB_TOKEN", "from-the-environment", 1);
  setenv("SLIPWAY_TEST_TSIG", "c2VjcmV0", 1);
  auto c = Load(
      "connectors:\n"
      "  jenkins: {url: https://ci.example.com, user: slipway, token_file: " +
      dir_.path() +
      "/jenkins-token}\n"
      "  gitlab: {url: https://gitlab.example.com, token_env: SLIPWAY_TEST_GITLAB_TOKEN}\n"
      "  consul: {url: http://consul:8500, token: inline}\n"
      "  dns: {server: 10.0.0.53, zone: z, key_name: k, key_secret_env: SLIPWAY_TEST_TSIG}\n");
  EXPECT_EQ(c.connectors.jenkins->token, "from-a-file") << "without its newline";
  EXPECT_EQ(c.connectors.gitlab->token, "from-the-environment");
  EXPECT_EQ(c.connectors.consul->token, "inline");
  EXPECT_EQ(c.connectors.dns->key_secret, "c2VjcmV0");
  unsetenv("SLIPWAY_TEST_GITLAB_TOKEN");
  unsetenv("SLIPWAY_TEST_TSIG");
}

TEST_F(ConfigTest, RefusesTwoSourcesOfOneSecretAnUnsetVariableAndAnUnreadableFile) {
  std::ofstream(dir_.path() + "/t") << "x\n";
  std::ofstream(dir_.path() + "/empty") << "\n";
  EXPECT_NE(Error("connectors:\n  jenkins: {url: http://j, token: a, token_file: " + dir_.path() +
                  "/t}\n")
                .find("connectors.jenkins.token: give one of token, token_file and token_env"),
            std::string::npos);
  unsetenv("SLIPWAY_TEST_UNSET");
  EXPECT_NE(Error("connectors:\n  registry: {url: http://r, token_env: SLIPWAY_TEST_UNSET}\n")
                .find("connectors.registry.token_env: the environment variable SLIPWAY_TEST_UNSET "
                      "is not set"),
            std::string::npos);
  EXPECT_NE(Error("connectors:\n  apollo: {url: http://a, token_file: /nonexistent/token}\n")
                .find("connectors.apollo.token_file: cannot read /nonexistent/token"),
            std::string::npos);
  EXPECT_NE(Error("connectors:\n  apollo: {url: http://a, token_file: " + dir_.path() + "/empty}\n")
                .find("is empty"),
            std::string::npos);
  EXPECT_NE(Error("connectors:\n  dns: {server: 10.0.0.1, zone: z, key_name: k}\n")
                .find("connectors.dns needs one of key_secret_file and key_secret_env"),
            std::string::npos);
}

}  // namespace
}  // namespace slipway::app
