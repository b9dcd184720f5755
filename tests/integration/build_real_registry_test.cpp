// Build deletion against the real registry (Debian's docker-registry,
// Distribution 2.8): serve's connectors.registry points at it while the
// sandbox runs Jenkins. The sandbox Jenkins pushes to its own registry
// emulator, so the test pushes the image into the real registry itself,
// under the build's image address, as a real job would (R-BLD-3, R-BLD-4).
#include <gtest/gtest.h>

#include "connectors/registry/client.hpp"
#include "connectors/registry/image_reference.hpp"
#include "connectors/registry/real_registry_for_tests.hpp"
#include "integration/build_helpers.hpp"
#include "support/real_servers.hpp"

namespace slipway::testing {
namespace {

using connectors::registry::testing::RealRegistry;

TEST(BuildRealRegistryTest, DeletingABuildRemovesItsImageFromTheRealRegistry) {
  SLIPWAY_REQUIRE_INSTALLED(RealRegistry::Available(), "docker-registry");
  RealRegistry real;
  ASSERT_TRUE(real.ready());
  ServerOptions options;
  options.sandbox = true;
  options.extra_config = "connectors:\n  registry:\n    url: " + real.url() + "\n";
  ApiServer server(options);
  auto developer = server.CreateUser("developer", "builder");
  const std::string name = UniqueName("svc");
  const auto app = ApprovedApp(server, developer, name);
  auto api = server.As(developer);

  auto started = api.Post(BuildsPath(app), BuildBody("4.2"));
  ASSERT_EQ(started.status, 201) << started;
  auto image = connectors::registry::ParseImageReference(started.Str("image"));
  ASSERT_TRUE(image.ok());
  EXPECT_EQ(image->registry,
            real.url().substr(std::string("http://").size()));  // the real one's address
  connectors::registry::RegistryClient registry({.base_url = real.url()});
  // The emulated job takes about a second; the image is there before it ends.
  auto pushed = registry.PushImage(image->repository, image->tag);
  ASSERT_TRUE(pushed.ok()) << pushed.error().message;

  auto done = WaitUntilEnded(api, started.Int("id"));
  ASSERT_EQ(done.Str("state"), "succeeded") << done;
  EXPECT_EQ(done.Str("digest"), pushed->digest);

  ASSERT_EQ(api.Delete(BuildPath(started.Int("id"))).status, 204);
  auto gone = registry.HeadManifest(image->repository, image->tag);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, core::Code::kNotFound);
  EXPECT_EQ(registry.GetManifest(image->repository, pushed->digest).error().code,
            core::Code::kNotFound);
}

}  // namespace
}  // namespace slipway::testing
