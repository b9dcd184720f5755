// Registry emulator fidelity: the same raw protocol exchanges against the
// emulator and Debian's docker-registry, then emulator-only switches
// (auth, bearer tokens, delete toggle), fault injection and ImageExists.
#include "sandbox/registry/registry_emulator.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "connectors/http_transport.hpp"
#include "connectors/registry/client.hpp"
#include "connectors/registry/digest.hpp"
#include "connectors/registry/real_registry_for_tests.hpp"
#include "connectors/registry/tiny_image.hpp"
#include "sandbox/sandbox_host.hpp"
#include "support/raw_connection.hpp"
#include "support/real_servers.hpp"

namespace slipway::sandbox::registry {
namespace {

using connectors::HttpTransport;
using connectors::TransportResponse;
using connectors::registry::RegistryClient;
namespace testing = connectors::registry::testing;

std::string ErrorCode(const TransportResponse& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("errors")) return "";
  return std::string(v.at("errors").as_array().at(0).at("code").as_string());
}

/// Raw /v2/ exchanges that must look the same on the emulator and the real server.
class RegistryWire : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "emulator") {
      host_ = std::make_unique<SandboxHost>();
      host_->Add(std::make_unique<RegistryEmulator>());
      host_->Start();
      url_ = host_->endpoints().at("registry");
    } else {
      SLIPWAY_REQUIRE_INSTALLED(testing::RealRegistry::Available(), "docker-registry");
      real_ = std::make_unique<testing::RealRegistry>();
      ASSERT_TRUE(real_->ready());
      url_ = real_->url();
    }
    http_ = std::make_unique<HttpTransport>(
        connectors::TransportSettings{.base_url = url_, .max_retries = 0});
  }
  TransportResponse Send(connectors::TransportRequest r) {
    auto response = http_->Send(r);
    EXPECT_TRUE(response.ok());
    return response.ok() ? *response : TransportResponse{};
  }
  std::string UploadLocation(const std::string& repo) {
    auto start = Send({.method = "POST", .path = "/v2/" + repo + "/blobs/uploads/"});
    EXPECT_EQ(start.status, 202);
    std::string location = start.Header("Location").value_or("");
    EXPECT_TRUE(location.starts_with(url_)) << location;  // absolute, as Distribution builds it
    return location.substr(url_.size());
  }
  std::uint16_t Port() const {
    return static_cast<std::uint16_t>(std::stoi(url_.substr(url_.rfind(':') + 1)));
  }
  std::unique_ptr<SandboxHost> host_;
  std::unique_ptr<testing::RealRegistry> real_;
  std::unique_ptr<HttpTransport> http_;
  std::string url_;
};

TEST_P(RegistryWire, PingAnswersWithTheApiVersionHeader) {
  auto r = Send({.path = "/v2/"});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{}");
  EXPECT_EQ(r.Header("Docker-Distribution-Api-Version"), "registry/2.0");
}

TEST_P(RegistryWire, AWrongDigestOrAFormContentTypeIsDigestInvalid) {
  auto wrong = Send(
      {.method = "PUT",
       .path = UploadLocation("wire/a") + "&digest=" + connectors::registry::Sha256Digest("other"),
       .body = "data",
       .headers = {{"Content-Type", "application/octet-stream"}}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(ErrorCode(wrong), "DIGEST_INVALID");
  auto form = Send(
      {.method = "PUT",
       .path = UploadLocation("wire/a") + "&digest=" + connectors::registry::Sha256Digest("data"),
       .body = "data",
       .headers = {{"Content-Type", "application/x-www-form-urlencoded"}}});
  EXPECT_EQ(form.status, 400);
  EXPECT_EQ(ErrorCode(form), "DIGEST_INVALID");
  auto unknown = Send({.path = "/v2/wire/a/blobs/" + connectors::registry::Sha256Digest("data")});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(ErrorCode(unknown), "BLOB_UNKNOWN");
}

TEST_P(RegistryWire, AManifestNeedsItsBlobsAndTheRightAcceptToBeRead) {
  auto image = connectors::registry::MakeTinyImage("wire/b", "1");
  auto missing = Send({.method = "PUT",
                       .path = "/v2/wire/b/manifests/1",
                       .body = image.manifest,
                       .headers = {{"Content-Type", std::string(connectors::kOciManifest)}}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(ErrorCode(missing), "MANIFEST_BLOB_UNKNOWN");

  RegistryClient client({.base_url = url_});
  auto pushed = client.PushImage("wire/b", "1");
  ASSERT_TRUE(pushed.ok()) << pushed.error().message;
  EXPECT_EQ(pushed->digest, image.manifest_digest);
  auto docker_only = Send({.path = "/v2/wire/b/manifests/1",
                           .headers = {{"Accept", std::string(connectors::kDockerManifest)}}});
  EXPECT_EQ(docker_only.status, 404);
  EXPECT_EQ(ErrorCode(docker_only), "MANIFEST_UNKNOWN");
  EXPECT_NE(
      docker_only.body.find("OCI manifest found, but accept header does not support OCI manifests"),
      std::string::npos);
  auto oci = Send({.path = "/v2/wire/b/manifests/1",
                   .headers = {{"Accept", std::string(connectors::kOciManifest)}}});
  EXPECT_EQ(oci.status, 200);
  EXPECT_EQ(oci.body, image.manifest);
  EXPECT_EQ(oci.Header("Docker-Content-Digest"), image.manifest_digest);
  EXPECT_EQ(oci.Header("Content-Type"), std::string(connectors::kOciManifest));
}

TEST_P(RegistryWire, DeleteIsByDigestOnlyAndLeavesTagsNull) {
  RegistryClient client({.base_url = url_});
  auto pushed = client.PushImage("wire/c", "1");
  ASSERT_TRUE(pushed.ok());
  auto by_tag = Send({.method = "DELETE", .path = "/v2/wire/c/manifests/1"});
  EXPECT_EQ(by_tag.status, 400);
  EXPECT_EQ(ErrorCode(by_tag), "DIGEST_INVALID");
  auto by_digest = Send({.method = "DELETE", .path = "/v2/wire/c/manifests/" + pushed->digest});
  EXPECT_EQ(by_digest.status, 202);
  auto tags = Send({.path = "/v2/wire/c/tags/list"});
  EXPECT_EQ(tags.status, 200);
  EXPECT_TRUE(boost::json::parse(tags.body).at("tags").is_null()) << tags.body;
  auto unknown_repo = Send({.path = "/v2/wire/none/tags/list"});
  EXPECT_EQ(unknown_repo.status, 404);
  EXPECT_EQ(ErrorCode(unknown_repo), "NAME_UNKNOWN");
}

// Go clients (containers/image, containerd, podman) send one Accept line per
// media type; the lines form one list (RFC 9110 §5.3).
TEST_P(RegistryWire, AcceptLinesAreReadAsOneList) {
  auto image = connectors::registry::MakeTinyImage("wire/d", "1");
  RegistryClient client({.base_url = url_});
  ASSERT_TRUE(client.PushImage("wire/d", "1").ok());
  auto bytes =
      slipway::testing::RawExchange(Port(),
                                    "GET /v2/wire/d/manifests/1 HTTP/1.1\r\nHost: registry\r\n"
                                    "Accept: " +
                                        std::string(connectors::kOciManifest) +
                                        "\r\n"
                                        "Accept: " +
                                        std::string(connectors::kDockerManifest) +
                                        "\r\n"
                                        "Connection: close\r\n\r\n");
  EXPECT_EQ(slipway::testing::RawStatus(bytes), 200) << bytes;
  EXPECT_TRUE(bytes.ends_with("\r\n\r\n" + image.manifest)) << bytes;
}

TEST_P(RegistryWire, TheCatalogPagesThroughRepositoriesInPathOrder) {
  RegistryClient client({.base_url = url_});
  for (const char* repo : {"cat/b", "cat/a", "cat-x", "cat/c/d"})
    ASSERT_TRUE(client.PushImage(repo, "1").ok()) << repo;
  Send(
      {.method = "POST", .path = "/v2/cat/upload-only/blobs/uploads/"});  // no blob yet: not listed
  auto names = [](const TransportResponse& r) {
    std::vector<std::string> out;
    const auto body = boost::json::parse(r.body);
    for (const auto& v : body.at("repositories").as_array()) out.emplace_back(v.as_string());
    return out;
  };
  using Names = std::vector<std::string>;

  auto all = Send({.path = "/v2/_catalog"});
  EXPECT_EQ(all.status, 200);
  EXPECT_EQ(names(all), (Names{"cat/a", "cat/b", "cat/c/d", "cat-x"})) << all.body;
  EXPECT_FALSE(all.Header("Link"));

  auto first = Send({.path = "/v2/_catalog?n=2"});
  EXPECT_EQ(names(first), (Names{"cat/a", "cat/b"}));
  EXPECT_EQ(first.Header("Link"), "</v2/_catalog?last=cat%2Fb&n=2>; rel=\"next\"");
  auto second = Send({.path = "/v2/_catalog?n=2&last=cat%2Fb"});
  EXPECT_EQ(names(second), (Names{"cat/c/d", "cat-x"}));
  EXPECT_FALSE(second.Header("Link")) << "nothing after the last page";
  EXPECT_EQ(names(Send({.path = "/v2/_catalog?n=0"})), Names{});

  auto too_many = Send({.path = "/v2/_catalog?n=1001"});
  EXPECT_EQ(too_many.status, 400);
  EXPECT_EQ(ErrorCode(too_many), "PAGINATION_NUMBER_INVALID");
  EXPECT_EQ(Send({.method = "HEAD", .path = "/v2/_catalog"}).status, 405);
}

INSTANTIATE_TEST_SUITE_P(Servers, RegistryWire, ::testing::Values("emulator", "real"),
                         [](const auto& info) { return info.param; });

/// One emulator with the given options, and a client for it.
struct Hosted {
  explicit Hosted(RegistryEmulatorOptions options = {}) {
    auto e = std::make_unique<RegistryEmulator>(options);
    emulator = e.get();
    host.Add(std::move(e));
    host.Start();
    url = host.endpoints().at("registry");
  }
  RegistryClient Client(std::string user = "", std::string password = "") {
    return RegistryClient({.base_url = url,
                           .basic_user = std::move(user),
                           .basic_password = std::move(password),
                           .retry_backoff = std::chrono::milliseconds(10)});
  }
  void Fault(const boost::json::object& rule) {
    auto r = HttpTransport({.base_url = url})
                 .Send({.method = "POST",
                        .path = "/_sandbox/faults",
                        .body = boost::json::serialize(rule)});
    ASSERT_TRUE(r.ok() && r->status == 201);
  }
  SandboxHost host;
  RegistryEmulator* emulator = nullptr;
  std::string url;
};

TEST(RegistryEmulator, BasicAuthRefusesWrongCredentialsWithTheRegistrysMessage) {
  Hosted h({.user = "ci", .password = "pw"});
  auto anonymous = HttpTransport({.base_url = h.url}).Send({.path = "/v2/"});
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_EQ(anonymous->Header("WWW-Authenticate"), "Basic realm=\"slipway-sandbox\"");
  auto wrong = h.Client("ci", "nope").Ping();
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, core::Code::kUnauthenticated);
  EXPECT_NE(wrong.error().message.find("UNAUTHORIZED: authentication required"), std::string::npos)
      << wrong.error().message;
  auto client = h.Client("ci", "pw");
  EXPECT_TRUE(client.Ping().ok());
  EXPECT_TRUE(client.PushImage("auth/app", "1").ok());
}

TEST(RegistryEmulator, TheClientAnswersABearerChallengeWithAToken) {
  Hosted h({.user = "ci", .password = "pw", .bearer = true});
  auto challenge = HttpTransport({.base_url = h.url}).Send({.path = "/v2/team/app/tags/list"});
  EXPECT_EQ(challenge->status, 401);
  EXPECT_EQ(challenge->Header("WWW-Authenticate"),
            "Bearer realm=\"" + h.url +
                "/token\",service=\"slipway-sandbox\",scope=\"repository:team/app:pull,push\"");
  auto client = h.Client("ci", "pw");
  auto pushed = client.PushImage("team/app", "1.0");
  ASSERT_TRUE(pushed.ok()) << pushed.error().message;
  EXPECT_EQ(client.HeadManifest("team/app", "1.0")->digest, pushed->digest);
  auto refused = h.Client("ci", "wrong").Ping();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::Code::kUnauthenticated);
}

TEST(RegistryEmulator, InjectedServiceUnavailableIsRetriedAndDeniedKeepsTheMessage) {
  Hosted h;
  auto client = h.Client();
  ASSERT_TRUE(client.PushImage("f/app", "1").ok());
  h.Fault(
      {{"method", "HEAD"}, {"path_prefix", "/v2/f/app/manifests"}, {"count", 2}, {"status", 503}});
  EXPECT_TRUE(client.HeadManifest("f/app", "1").ok());
  h.Fault(
      {{"path_prefix", "/v2/f/app/tags"},
       {"status", 403},
       {"body",
        R"({"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]})"}});
  auto denied = client.ListTags("f/app", 0);
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, core::Code::kForbidden);
  EXPECT_NE(denied.error().message.find("DENIED: requested access to the resource is denied"),
            std::string::npos);
  h.Fault({{"path_prefix", "/v2/f/app/tags"}, {"count", 5}, {"status", 503}});
  auto down = client.ListTags("f/app", 0);
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.error().code, core::Code::kTransient);
}

TEST(RegistryEmulator, DeleteCanBeDisabledOrAllowedByTag) {
  Hosted off({.delete_enabled = false});
  auto pushed = off.Client().PushImage("d/app", "1");
  ASSERT_TRUE(pushed.ok());
  auto refused = off.Client().DeleteManifest("d/app", pushed->digest);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("UNSUPPORTED"), std::string::npos);
  Hosted oci({.delete_by_tag = true});
  ASSERT_TRUE(oci.Client().PushImage("d/app", "1").ok());
  auto r = HttpTransport({.base_url = oci.url})
               .Send({.method = "DELETE", .path = "/v2/d/app/manifests/1"});
  EXPECT_EQ(r->status, 202);
  EXPECT_FALSE(oci.emulator->ImageExists("d/app:1"));
}

TEST(RegistryEmulator, TagsArePagedWithALinkHeader) {
  Hosted h;
  auto client = h.Client();
  for (const char* t : {"a", "b", "c"}) ASSERT_TRUE(client.PushImage("p/app", t).ok());
  auto page = HttpTransport({.base_url = h.url}).Send({.path = "/v2/p/app/tags/list?n=2"});
  EXPECT_EQ(boost::json::parse(page->body).at("tags").as_array().size(), 2u);
  EXPECT_EQ(page->Header("Link"), "</v2/p/app/tags/list?last=b&n=2>; rel=\"next\"");
}

TEST(RegistryEmulator, ImageExistsIgnoresTheRegistryHost) {
  Hosted h;
  auto pushed = h.Client().PushImage("team/web", "1.0");
  ASSERT_TRUE(pushed.ok());
  EXPECT_TRUE(h.emulator->ImageExists(h.emulator->host() + "/team/web:1.0"));
  EXPECT_TRUE(h.emulator->ImageExists("registry.example.com/team/web@" + pushed->digest));
  EXPECT_TRUE(h.emulator->ImageExists("team/web:1.0"));
  EXPECT_FALSE(h.emulator->ImageExists("team/web:2.0"));
  EXPECT_FALSE(h.emulator->ImageExists("team/other:1.0"));
  EXPECT_FALSE(h.emulator->ImageExists("not a reference"));
}

}  // namespace
}  // namespace slipway::sandbox::registry
