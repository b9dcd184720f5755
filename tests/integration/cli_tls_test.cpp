// The `slipway` client against a server behind TLS and through a proxy: the
// real `serve` fronted by a TLS terminator (a throwaway CA made with the
// openssl CLI; optionally asking for a client certificate), and a small
// forward proxy (CONNECT and absolute-form requests) that logs what it carried.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "support/api_fixture.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace slipway::testing {
namespace {

using ::testing::HasSubstr;

// argv: tls CERT KEY CA REQUIRE_CLIENT_CERT BACKEND_PORT | proxy LOG_FILE.
// Prints the port it listens on, then serves until killed.
const char* kRelay = R"(import socket, ssl, sys, threading
def pump(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
    except OSError:
        pass
    finally:
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
def splice(a, b):
    threading.Thread(target=pump, args=(a, b), daemon=True).start()
    threading.Thread(target=pump, args=(b, a), daemon=True).start()
def tls(client, cert, key, ca, require, backend):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ctx.load_verify_locations(ca)
    ctx.verify_mode = ssl.CERT_REQUIRED if require == "1" else ssl.CERT_OPTIONAL
    try:
        wrapped = ctx.wrap_socket(client, server_side=True)
    except (ssl.SSLError, OSError):
        client.close()
        return
    splice(wrapped, socket.create_connection(("127.0.0.1", int(backend))))
def proxy(client, log):
    head = b""
    while b"\r\n\r\n" not in head:
        data = client.recv(65536)
        if not data:
            client.close()
            return
        head += data
    line = head.split(b"\r\n", 1)[0].decode()
    with open(log, "a") as f:
        f.write(line + "\n")
    method, target, _ = line.split(" ", 2)
    if method == "CONNECT":
        host, port = target.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)))
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        rest = head.split(b"\r\n\r\n", 1)[1]
    else:
        authority = target.split("://", 1)[1].split("/", 1)[0]
        host, port = authority.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)))
        rest = head.replace(target.encode(), b"/" + target.split("://", 1)[1].split("/", 1)[1].encode(), 1)
    if rest:
        upstream.sendall(rest)
    splice(client, upstream)
listener = socket.create_server(("127.0.0.1", 0))
print(listener.getsockname()[1], flush=True)
while True:
    conn, _ = listener.accept()
    if sys.argv[1] == "tls":
        threading.Thread(target=tls, args=(conn, *sys.argv[2:7]), daemon=True).start()
    else:
        threading.Thread(target=proxy, args=(conn, sys.argv[2]), daemon=True).start()
)";

const char* kMakeCerts = R"(set -e
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key ca.key; key server.key; key client.key
openssl req -x509 -new -key ca.key -out ca.crt -days 1 -subj /CN=slipway-cli-test-ca
openssl req -new -key server.key -out server.csr -subj /CN=127.0.0.1
printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 1 -extfile server.ext 2>/dev/null
openssl req -new -key client.key -out client.csr -subj /CN=slipway-cli
printf 'extendedKeyUsage=clientAuth\n' > client.ext
openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 1 -extfile client.ext 2>/dev/null
)";

/// A python3 relay we started, stopped by its pid.
class Relay {
 public:
  explicit Relay(const std::vector<std::string>& args) {
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], 1);
      close(out[0]);
      std::vector<char*> argv{const_cast<char*>("python3")};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execvp("python3", argv.data());
      _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
    close(out[0]);
    if (line.empty()) throw std::runtime_error("the python3 relay did not start");
    port_ = std::stoi(line);
  }
  ~Relay() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  Relay(const Relay&) = delete;
  Relay& operator=(const Relay&) = delete;
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class CliTlsTest : public ApiTest {
 protected:
  void SetUp() override {
    std::ofstream(certs_.path() + "/relay.py") << kRelay;
    std::ofstream(certs_.path() + "/make-certs.sh") << kMakeCerts;
    ASSERT_EQ(std::system(("cd " + certs_.path() + " && sh make-certs.sh").c_str()), 0);
  }

  std::unique_ptr<Relay> TlsFront(bool require_client_cert) {
    const std::string backend = server().base_url().substr(server().base_url().rfind(':') + 1);
    return std::make_unique<Relay>(
        std::vector<std::string>{Path("relay.py"), "tls", Path("server.crt"), Path("server.key"),
                                 Path("ca.crt"), require_client_cert ? "1" : "0", backend});
  }
  std::string Path(const std::string& name) const { return certs_.path() + "/" + name; }
  static std::string Https(const Relay& front) {
    return "https://127.0.0.1:" + std::to_string(front.port());
  }

  CliResult Run(const std::vector<std::string>& args, const std::string& input = "",
                const std::vector<std::string>& env = {}) {
    return RunCli(home_.path(), args, input, env);
  }
  CliResult Login(const std::string& url, std::vector<std::string> flags) {
    std::vector<std::string> args{"login",      "--server", url,
                                  "--username", "admin",    "--password-stdin"};
    args.insert(args.end(), flags.begin(), flags.end());
    return Run(args, std::string(ApiServer::kAdminPassword) + "\n");
  }

  TempDir certs_;
  TempDir home_;
};

TEST_F(CliTlsTest, WithoutTheCaTheServerIsRefusedWithACertificateError) {
  auto front = TlsFront(false);
  auto r = Login(Https(*front), {});
  EXPECT_EQ(r.exit_code, 6) << r;  // cannot connect
  EXPECT_THAT(r.err, HasSubstr("certificate")) << r;
  EXPECT_THAT(r.err, HasSubstr(Https(*front))) << r;
}

TEST_F(CliTlsTest, WithCaFileLoginSucceedsAndLaterCommandsReuseIt) {
  auto front = TlsFront(false);
  auto login = Login(Https(*front), {"--ca-file", Path("ca.crt")});
  ASSERT_EQ(login.exit_code, 0) << login;
  EXPECT_THAT(ReadFile(home_.path() + "/cli.json"), HasSubstr(Path("ca.crt")));
  auto list = Run({"app", "list", "-o", "json"});
  EXPECT_EQ(list.exit_code, 0) << list;
  EXPECT_THAT(list.out, HasSubstr("\"items\""));
}

TEST_F(CliTlsTest, CaFileFromTheEnvironment) {
  auto front = TlsFront(false);
  auto r =
      Run({"login", "--server", Https(*front), "--username", "admin", "--password-stdin"},
          std::string(ApiServer::kAdminPassword) + "\n", {"SLIPWAY_CA_FILE=" + Path("ca.crt")});
  EXPECT_EQ(r.exit_code, 0) << r;
}

TEST_F(CliTlsTest, MissingCaFileIsAUsageErrorNamingTheFlag) {
  auto r = Login("https://127.0.0.1:1", {"--ca-file", Path("no-such.crt")});
  EXPECT_EQ(r.exit_code, 2) << r;
  EXPECT_THAT(r.err, HasSubstr("--ca-file")) << r;
}

TEST_F(CliTlsTest, ClientCertificateIsSentWhenTheServerAsksForOne) {
  auto front = TlsFront(true);
  auto without = Login(Https(*front), {"--ca-file", Path("ca.crt")});
  EXPECT_EQ(without.exit_code, 6) << without;
  auto with = Login(Https(*front), {"--ca-file", Path("ca.crt"), "--cert", Path("client.crt"),
                                    "--key", Path("client.key")});
  ASSERT_EQ(with.exit_code, 0) << with;
  auto list = Run({"app", "list"});
  EXPECT_EQ(list.exit_code, 0) << list;
}

TEST_F(CliTlsTest, ProxyCarriesEveryRequestToATlsServerAndAPlainOne) {
  auto front = TlsFront(false);
  const std::string log = Path("proxy.log");
  Relay proxy({Path("relay.py"), "proxy", log});
  const std::string proxy_url = "http://127.0.0.1:" + std::to_string(proxy.port());
  auto login = Login(Https(*front), {"--ca-file", Path("ca.crt"), "--proxy", proxy_url});
  ASSERT_EQ(login.exit_code, 0) << login;
  EXPECT_THAT(ReadFile(log), HasSubstr("CONNECT 127.0.0.1:" + std::to_string(front->port())));

  // Plain http goes through the proxy as absolute-form requests.
  auto list = Run({"app", "list", "--server", server().base_url(), "--token", "not-a-token"}, "",
                  {"SLIPWAY_PROXY=" + proxy_url});
  EXPECT_EQ(list.exit_code, 3) << list;  // the server answered: 401 for the made-up token
  EXPECT_THAT(ReadFile(log), HasSubstr("GET " + server().base_url() + "/api/v1/apps"));
}

TEST_F(CliTlsTest, AProxyThatCannotBeReachedIsAConnectionError) {
  auto front = TlsFront(false);
  auto r = Login(Https(*front), {"--ca-file", Path("ca.crt"), "--proxy", "http://127.0.0.1:1"});
  EXPECT_EQ(r.exit_code, 6) << r;
}

}  // namespace
}  // namespace slipway::testing
