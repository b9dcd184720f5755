#include "connectors/kubernetes/kubeconfig.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>

#include "support/temp_dir.hpp"

namespace slipway::connectors {
namespace {

std::string B64(const std::string& text) {
  std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

const std::string kCa = "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n";
const std::string kCert = "-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n";
const std::string kKey = "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n";

std::string TwoContexts() {
  return R"(apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: c-prod
  cluster:
    server: https://10.0.0.1:6443
    certificate-authority-data: )" +
         B64(kCa) + R"(
    proxy-url: http://proxy:3128
    tls-server-name: kubernetes.internal
- name: c-dev
  cluster:
    server: https://dev:6443
    insecure-skip-tls-verify: true
users:
- name: u-prod
  user:
    client-certificate-data: )" +
         B64(kCert) + R"(
    client-key-data: )" +
         B64(kKey) +
         R"(
- name: u-dev
  user:
    token: dev-token
contexts:
- name: prod
  context: {cluster: c-prod, user: u-prod, namespace: team-a}
- name: dev
  context: {cluster: c-dev, user: u-dev}
)";
}

TEST(Kubeconfig, CurrentContextWithBase64Data) {
  auto s = ParseKubeconfig(TwoContexts(), "/nowhere");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->transport.base_url, "https://10.0.0.1:6443");
  EXPECT_EQ(s->transport.tls.ca_pem, kCa);
  EXPECT_EQ(s->transport.tls.client_cert_pem, kCert);
  EXPECT_EQ(s->transport.tls.client_key_pem, kKey);
  EXPECT_EQ(s->transport.proxy, "http://proxy:3128");
  EXPECT_EQ(s->transport.tls.server_name, "kubernetes.internal");
  EXPECT_FALSE(s->transport.tls.insecure_skip_verify);
  EXPECT_EQ(s->transport.bearer_token, "");
  EXPECT_EQ(s->default_namespace, "team-a");
}

TEST(Kubeconfig, NamedContextWithTokenAndInsecure) {
  auto s = ParseKubeconfig(TwoContexts(), "/nowhere", "dev");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->transport.base_url, "https://dev:6443");
  EXPECT_TRUE(s->transport.tls.insecure_skip_verify);
  EXPECT_EQ(s->transport.tls.server_name, "");
  EXPECT_EQ(s->transport.bearer_token, "dev-token");
  EXPECT_EQ(s->transport.bearer_token_file, "");
  EXPECT_EQ(s->default_namespace, "default");
}

TEST(Kubeconfig, FilesAreRelativeToTheKubeconfigFolder) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() + "/pki");
  Write(dir.path() + "/pki/ca.crt", kCa);
  Write(dir.path() + "/pki/client.crt", kCert);
  Write(dir.path() + "/pki/client.key", kKey);
  Write(dir.path() + "/token", "file-token\n");
  Write(dir.path() + "/config", R"(
current-context: c
clusters: [{name: k, cluster: {server: "https://k:6443", certificate-authority: pki/ca.crt}}]
users:
- name: u
  user: {tokenFile: token, client-certificate: pki/client.crt, client-key: pki/client.key}
contexts: [{name: c, context: {cluster: k, user: u, namespace: ns1}}]
)");
  auto s = LoadKubeconfig(dir.path() + "/config");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->transport.tls.ca_file, dir.path() + "/pki/ca.crt");
  EXPECT_EQ(s->transport.tls.client_cert_file, dir.path() + "/pki/client.crt");
  EXPECT_EQ(s->transport.tls.client_key_file, dir.path() + "/pki/client.key");
  EXPECT_EQ(s->transport.bearer_token, "file-token");
  EXPECT_EQ(s->transport.bearer_token_file, dir.path() + "/token") << "re-read when rotated";
  EXPECT_EQ(s->default_namespace, "ns1");
}

// A kubeconfig registered over the API names no file on Slipway's server:
// the file's content would go to the server the kubeconfig names, and one
// that never ends (/dev/zero) would never be read to the end.
TEST(Kubeconfig, AnInlineKubeconfigRefusesEveryFileField) {
  testing::TempDir dir;
  Write(dir.path() + "/secret", "server-side secret\n");
  const std::string secret = dir.path() + "/secret";
  const std::string user = "users: [{name: u, user: {";
  const std::string rest =
      "}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\ncurrent-context: c\n";
  const std::string cluster = "clusters: [{name: k, cluster: {server: 'https://k'}}]\n";
  struct Case {
    std::string yaml;
    std::string field;
  };
  for (const auto& c :
       {Case{cluster + user + "tokenFile: " + secret + rest, "tokenFile"},
        Case{cluster + user + "tokenFile: /dev/zero" + rest, "tokenFile"},
        Case{"clusters: [{name: k, cluster: {server: 'https://k', certificate-authority: " +
                 secret + "}}]\n" + user + "token: t" + rest,
             "certificate-authority"},
        Case{cluster + user + "client-certificate: " + secret + ", client-key-data: " + B64(kKey) +
                 rest,
             "client-certificate"},
        Case{cluster + user + "client-certificate-data: " + B64(kCert) + ", client-key: " + secret +
                 rest,
             "client-key"}}) {
    auto s = ParseInlineKubeconfig(c.yaml);
    ASSERT_FALSE(s.ok()) << c.yaml;
    EXPECT_EQ(s.error().code, core::Code::kInvalid);
    EXPECT_NE(s.error().message.find(c.field + " names a file"), std::string::npos)
        << s.error().message;
  }
  auto inline_only =
      ParseInlineKubeconfig(cluster + user + "token: t, client-certificate-data: " + B64(kCert) +
                            ", client-key-data: " + B64(kKey) + rest);
  ASSERT_TRUE(inline_only.ok()) << inline_only.error().message;
  EXPECT_EQ(inline_only->transport.bearer_token, "t");
}

TEST(Kubeconfig, AnInlineTokenWinsOverATokenFile) {
  auto s = ParseKubeconfig(
      "current-context: c\nclusters: [{name: k, cluster: {server: 'https://k'}}]\n"
      "users: [{name: u, user: {token: inline, tokenFile: /nowhere/token}}]\n"
      "contexts: [{name: c, context: {cluster: k, user: u}}]\n",
      "/nowhere");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->transport.bearer_token, "inline");
  EXPECT_EQ(s->transport.bearer_token_file, "");
}

TEST(Kubeconfig, ClearErrors) {
  auto expect_error = [](const std::string& yaml, const std::string& context,
                         const std::string& words) {
    auto s = ParseKubeconfig(yaml, "/nowhere", context, "kubeconfig test.yaml");
    ASSERT_FALSE(s.ok()) << words;
    EXPECT_EQ(s.error().code, core::Code::kInvalid);
    EXPECT_NE(s.error().message.find(words), std::string::npos) << s.error().message;
    EXPECT_EQ(s.error().message.rfind("kubeconfig test.yaml: ", 0), 0u) << s.error().message;
  };
  expect_error(TwoContexts(), "staging", "context \"staging\" not found");
  expect_error("clusters: []\n", "", "no current-context");
  expect_error("current-context: a\ncontexts: [{name: a, context: {cluster: gone, user: u}}]\n", "",
               "cluster \"gone\" (of context \"a\") not found");
  expect_error(
      "current-context: a\nclusters: [{name: k, cluster: {server: 'https://k'}}]\n"
      "contexts: [{name: a, context: {cluster: k, user: nobody}}]\n",
      "", "user \"nobody\" (of context \"a\") not found");
  expect_error(
      "current-context: a\nclusters: [{name: k, cluster: {}}]\ncontexts: [{name: a, context: "
      "{cluster: k}}]\n",
      "", "cluster \"k\" has no server");
  expect_error(
      "current-context: a\nclusters: [{name: k, cluster: {server: 'https://k', "
      "certificate-authority-data: '%%%'}}]\n"
      "contexts: [{name: a, context: {cluster: k}}]\n",
      "", "certificate-authority-data is not valid base64");
  expect_error(
      "current-context: a\nclusters: [{name: k, cluster: {server: 'https://k', "
      "certificate-authority: missing.crt}}]\n"
      "contexts: [{name: a, context: {cluster: k}}]\n",
      "", "cannot read /nowhere/missing.crt");
  expect_error(
      "current-context: a\nclusters: [{name: k, cluster: {server: 'https://k'}}]\n"
      "users: [{name: u, user: {exec: {command: aws}}}]\n"
      "contexts: [{name: a, context: {cluster: k, user: u}}]\n",
      "", "exec credential plugins are not supported");
  expect_error(
      "current-context: a\nclusters: [{name: k, cluster: {server: 'https://k', "
      "insecure-skip-tls-verify: true, "
      "certificate-authority-data: " +
          B64(kCa) + "}}]\ncontexts: [{name: a, context: {cluster: k}}]\n",
      "", "insecure flag is not allowed");
  expect_error("key: [unclosed\n", "", "not valid YAML");
}

// yaml-cpp answers the first of two equal keys, kubectl the last: which
// server a kubeconfig names must not depend on the reader.
TEST(Kubeconfig, RefusesARepeatedKey) {
  const std::string yaml =
      "current-context: a\n"
      "clusters: [{name: k, cluster: {server: 'https://checked', server: 'https://used'}}]\n"
      "contexts: [{name: a, context: {cluster: k}}]\n";
  auto s = ParseKubeconfig(yaml, "/nowhere", "", "kubeconfig");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "kubeconfig: not valid YAML: the key \"server\" appears twice in one mapping (line 2)");
  auto top =
      ParseKubeconfig("current-context: a\ncurrent-context: b\n", "/nowhere", "", "kubeconfig");
  ASSERT_FALSE(top.ok());
  EXPECT_NE(top.error().message.find("\"current-context\" appears twice"), std::string::npos)
      << top.error().message;
}

TEST(Kubeconfig, MissingFile) {
  auto s = LoadKubeconfig("/nonexistent/kubeconfig");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("/nonexistent/kubeconfig"), std::string::npos);
}

TEST(InCluster, ReadsTheServiceAccount) {
  testing::TempDir dir;
  Write(dir.path() + "/token", "sa-token\n");
  Write(dir.path() + "/ca.crt", kCa);
  Write(dir.path() + "/namespace", "slipway-system");
  InClusterOptions options;
  options.service_account_dir = dir.path();
  options.host = "10.96.0.1";
  options.port = "443";
  auto s = InClusterSettings(options);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->transport.base_url, "https://10.96.0.1:443");
  EXPECT_EQ(s->transport.bearer_token, "sa-token");
  EXPECT_EQ(s->transport.bearer_token_file, dir.path() + "/token") << "the kubelet rotates it";
  EXPECT_EQ(s->transport.tls.ca_file, dir.path() + "/ca.crt");
  EXPECT_EQ(s->default_namespace, "slipway-system");

  options.host = "fd00::1";
  EXPECT_EQ(InClusterSettings(options)->transport.base_url, "https://[fd00::1]:443");
}

TEST(InCluster, EnvironmentAndMissingToken) {
  testing::TempDir dir;
  InClusterOptions options;
  options.service_account_dir = dir.path();
  unsetenv("KUBERNETES_SERVICE_HOST");
  auto outside = InClusterSettings(options);
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.error().message.find("KUBERNETES_SERVICE_HOST"), std::string::npos);

  setenv("KUBERNETES_SERVICE_HOST", "10.96.0.1", 1);
  setenv("KUBERNETES_SERVICE_PORT", "6443", 1);
  auto no_token = InClusterSettings(options);
  unsetenv("KUBERNETES_SERVICE_HOST");
  unsetenv("KUBERNETES_SERVICE_PORT");
  ASSERT_FALSE(no_token.ok());
  EXPECT_NE(no_token.error().message.find("service account token"), std::string::npos);
}

}  // namespace
}  // namespace slipway::connectors
