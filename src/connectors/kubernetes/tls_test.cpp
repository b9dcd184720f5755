// TLS for real: a throwaway CA, server and client certificates made with the
// openssl CLI, and a small Python HTTPS endpoint (optionally requiring a
// client certificate) that reports the client certificate's CN, the
// Authorization and Host headers and the SNI name it received.

#include <gtest/gtest.h>
#include <signal.h>
#include <sodium.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "connectors/kubernetes/client.hpp"
#include "connectors/kubernetes/kubeconfig.hpp"
#include "support/temp_dir.hpp"

namespace slipway::connectors {
namespace {

const char* kServer = R"(import http.server, json, ssl, sys
cert, key, ca, require = sys.argv[1:5]
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        cn = ""
        for rdn in (self.connection.getpeercert() or {}).get("subject", ()):
            for k, v in rdn:
                if k == "commonName":
                    cn = v
        body = json.dumps({"major": "1", "minor": "35", "gitVersion": "v1.35.0-tls", "client": cn,
                           "authorization": self.headers.get("Authorization", ""),
                           "host": self.headers.get("Host", ""),
                           "sni": getattr(self.connection, "sni", None) or ""}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
ctx.load_verify_locations(ca)
ctx.verify_mode = ssl.CERT_REQUIRED if require == "1" else ssl.CERT_OPTIONAL
def remember_sni(sock, name, context):
    sock.sni = name
ctx.sni_callback = remember_sni
server.socket = ctx.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
)";

const char* kMakeCerts = R"(set -e
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key ca.key; key other-ca.key; key server.key; key client.key
openssl req -x509 -new -key ca.key -out ca.crt -days 1 -subj /CN=slipway-test-ca
openssl req -x509 -new -key other-ca.key -out other-ca.crt -days 1 -subj /CN=someone-else
openssl req -new -key server.key -out server.csr -subj /CN=127.0.0.1
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 1 -extfile server.ext 2>/dev/null
key named.key
openssl req -new -key named.key -out named.csr -subj /CN=kubernetes.internal
printf 'subjectAltName=DNS:kubernetes.internal\nextendedKeyUsage=serverAuth\n' > named.ext
openssl x509 -req -in named.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out named.crt -days 1 -extfile named.ext 2>/dev/null
openssl req -new -key client.key -out client.csr -subj /CN=slipway-client
printf 'extendedKeyUsage=clientAuth\n' > client.ext
openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 1 -extfile client.ext 2>/dev/null
)";

std::string Read(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string B64(const std::string& text) {
  std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();
  return out;
}

/// A python3 HTTPS server we started, stopped by its pid.
struct PythonServer {
  pid_t pid = -1;
  int port = 0;
  /// `cert`: the server's certificate and key, "<cert>.crt" and "<cert>.key" in `dir`.
  void Start(const std::string& dir, bool require_client_cert, const std::string& cert = "server") {
    int out[2];
    ASSERT_EQ(pipe(out), 0);
    pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      dup2(out[1], 1);
      close(out[0]);
      execlp("python3", "python3", (dir + "/server.py").c_str(),
             (dir + "/" + cert + ".crt").c_str(), (dir + "/" + cert + ".key").c_str(),
             (dir + "/ca.crt").c_str(), require_client_cert ? "1" : "0", nullptr);
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    ASSERT_FALSE(line.empty()) << "the python3 TLS server did not start";
    port = std::stoi(line);
  }
  ~PythonServer() {
    if (pid > 0) {
      kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
    }
  }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port); }
};

class TlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    std::ofstream(dir_->path() + "/server.py") << kServer;
    std::ofstream(dir_->path() + "/make-certs.sh") << kMakeCerts;
    ASSERT_EQ(std::system(("cd " + dir_->path() + " && sh make-certs.sh").c_str()), 0);
    optional_ = new PythonServer();
    optional_->Start(dir_->path(), false);
    required_ = new PythonServer();
    required_->Start(dir_->path(), true);
    named_ = new PythonServer();  // its certificate names kubernetes.internal only
    named_->Start(dir_->path(), false, "named");
  }
  static void TearDownTestSuite() {
    delete optional_;
    delete required_;
    delete named_;
    delete dir_;
  }
  static std::string Path(const std::string& name) { return dir_->path() + "/" + name; }

  static KubernetesSettings Settings(const PythonServer& server) {
    KubernetesSettings s;
    s.transport.base_url = server.url();
    s.transport.max_retries = 0;  // a TLS failure is not worth three attempts here
    s.transport.connect_timeout = std::chrono::seconds(5);
    return s;
  }

  static testing::TempDir* dir_;
  static PythonServer* optional_;
  static PythonServer* required_;
  static PythonServer* named_;
};
testing::TempDir* TlsTest::dir_ = nullptr;
PythonServer* TlsTest::optional_ = nullptr;
PythonServer* TlsTest::required_ = nullptr;
PythonServer* TlsTest::named_ = nullptr;

TEST_F(TlsTest, TrustsTheCaFromPemData) {
  auto s = Settings(*optional_);
  s.transport.tls.ca_pem = Read(Path("ca.crt"));
  auto version = KubernetesClient(s).Version();
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(version->at("gitVersion").as_string(), "v1.35.0-tls");
  EXPECT_EQ(version->at("client").as_string(), "");  // no client certificate configured
}

TEST_F(TlsTest, WrongCaIsATransientTlsError) {
  auto s = Settings(*optional_);
  s.transport.tls.ca_file = Path("other-ca.crt");
  auto version = KubernetesClient(s).Version();
  ASSERT_FALSE(version.ok());
  EXPECT_EQ(version.error().code, core::Code::kTransient);
  EXPECT_NE(version.error().message.find("certificate"), std::string::npos)
      << version.error().message;
  EXPECT_NE(version.error().message.find(optional_->url()), std::string::npos)
      << version.error().message;
}

TEST_F(TlsTest, InsecureSkipVerifyConnectsToAnUntrustedServer) {
  auto s = Settings(*optional_);
  s.transport.tls.insecure_skip_verify = true;
  auto version = KubernetesClient(s).Version();
  ASSERT_TRUE(version.ok()) << version.error().message;
}

TEST_F(TlsTest, ClientCertificateFromKubeconfigDataIsSent) {
  const std::string yaml =
      "current-context: c\nclusters: [{name: k, cluster: {server: '" + required_->url() +
      "', certificate-authority-data: " + B64(Read(Path("ca.crt"))) +
      "}}]\nusers: [{name: u, user: {token: t0k, client-certificate-data: " +
      B64(Read(Path("client.crt"))) + ", client-key-data: " + B64(Read(Path("client.key"))) +
      "}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\n";
  auto settings = ParseKubeconfig(yaml, dir_->path());
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  auto version = KubernetesClient(*settings).Version();
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(version->at("client").as_string(), "slipway-client");
  EXPECT_EQ(version->at("authorization").as_string(), "Bearer t0k");
}

TEST_F(TlsTest, ClientCertificateFromFiles) {
  auto s = Settings(*required_);
  s.transport.tls.ca_file = Path("ca.crt");
  s.transport.tls.client_cert_file = Path("client.crt");
  s.transport.tls.client_key_file = Path("client.key");
  auto version = KubernetesClient(s).Version();
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(version->at("client").as_string(), "slipway-client");
}

TEST_F(TlsTest, ServerRequiringAClientCertificateRefusesUsWithout) {
  auto s = Settings(*required_);
  s.transport.tls.ca_file = Path("ca.crt");
  auto version = KubernetesClient(s).Version();
  ASSERT_FALSE(version.ok());
  EXPECT_EQ(version.error().code, core::Code::kTransient);
}

TEST_F(TlsTest, TlsServerNameIsCheckedAndSentInsteadOfTheAddress) {
  auto s = Settings(*named_);
  s.transport.tls.ca_file = Path("ca.crt");
  auto by_address = KubernetesClient(s).Version();
  ASSERT_FALSE(by_address.ok()) << "the certificate does not name 127.0.0.1";
  EXPECT_EQ(by_address.error().code, core::Code::kTransient);

  const std::string yaml = "current-context: c\nclusters: [{name: k, cluster: {server: '" +
                           named_->url() + "', certificate-authority: ca.crt, " +
                           "tls-server-name: kubernetes.internal}}]\n" +
                           "contexts: [{name: c, context: {cluster: k}}]\n";
  auto settings = ParseKubeconfig(yaml, dir_->path());
  ASSERT_TRUE(settings.ok()) << settings.error().message;
  settings->transport.max_retries = 0;
  auto version = KubernetesClient(*settings).Version();
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(version->at("sni").as_string(), "kubernetes.internal");
  EXPECT_EQ(version->at("host").as_string(), "127.0.0.1:" + std::to_string(named_->port))
      << "the Host header names the server as the kubeconfig does";

  s.transport.tls.server_name = "someone-else.internal";
  auto wrong = KubernetesClient(s).Version();
  ASSERT_FALSE(wrong.ok()) << "the name is checked, not just sent";
  EXPECT_NE(wrong.error().message.find(named_->url()), std::string::npos)
      << "errors name the real URL: " << wrong.error().message;
}

}  // namespace
}  // namespace slipway::connectors
