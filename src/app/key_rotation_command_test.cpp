#include "app/key_rotation_command.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/server_resources.hpp"
#include "store/migrations.hpp"
#include "store/sealed_values.hpp"
#include "support/temp_dir.hpp"

namespace slipway::app {
namespace {

class RotateSecretKeyCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.data_dir = dir_.path() + "/data";
    config_.secret_key.reset();
    auto db = OpenDatabase(config_);
    store::Migrate(*db);
    // serve's key: <data_dir>/secret.key, created on first use.
    const auto key = ServerSecretKey(config_);
    auto tx = db->Begin(store::TxMode::kWrite);
    tx->Exec(
        "INSERT INTO clusters (name, connection, kubeconfig_sealed, config_backend, created_at, "
        "updated_at) "
        "VALUES ('prod', 'kubeconfig', ?, 'consul', 1, 1)",
        {key.Seal("kind: Config")});
    tx->Commit();
  }

  std::string SealedKubeconfig() {
    auto db = OpenDatabase(config_);
    auto tx = db->Begin(store::TxMode::kRead);
    return store::ReadSealedValues(*tx).at(0).sealed;
  }

  testing::TempDir dir_;
  Config config_;
};

TEST_F(RotateSecretKeyCommandTest, MakesANewKeyAndResealsWithItSoTheServerStartsWithIt) {
  const auto new_key_file = dir_.path() + "/new.key";
  ASSERT_EQ(RotateSecretKeyCommand(config_, new_key_file), 0);
  ASSERT_TRUE(std::filesystem::exists(new_key_file));
  EXPECT_EQ(
      std::filesystem::status(new_key_file).permissions() & std::filesystem::perms::others_read,
      std::filesystem::perms::none);
  // The old key no longer opens it; a server pointed at the new key file does.
  EXPECT_FALSE(ServerSecretKey(config_).Open(SealedKubeconfig()).ok());
  Config rotated = config_;
  rotated.secret_key_file = new_key_file;
  auto opened = ServerSecretKey(rotated).Open(SealedKubeconfig());
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "kind: Config");
  // Again with the same new key: nothing left to do, still success.
  EXPECT_EQ(RotateSecretKeyCommand(config_, new_key_file), 0);
}

TEST_F(RotateSecretKeyCommandTest, AWrongCurrentKeyChangesNothing) {
  const auto before = SealedKubeconfig();
  Config wrong = config_;
  wrong.secret_key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  EXPECT_EQ(RotateSecretKeyCommand(wrong, dir_.path() + "/new.key"), 1);
  EXPECT_EQ(SealedKubeconfig(), before);
}

}  // namespace
}  // namespace slipway::app
