#include "services/platform/secret_box.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "support/temp_dir.hpp"

namespace slipway::services {
namespace {

SecretBox::Key KeyOf(unsigned char fill) {
  SecretBox::Key key;
  key.fill(fill);
  return key;
}

TEST(SecretBox, SealsAndOpens) {
  SecretBox box(KeyOf(1));
  auto sealed = box.Seal("token: very-secret");
  EXPECT_EQ(sealed.find("very-secret"), std::string::npos);
  EXPECT_NE(box.Seal("token: very-secret"), sealed);  // a fresh nonce every time
  auto opened = box.Open(sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "token: very-secret");
}

TEST(SecretBox, RefusesAnotherKeyAndTampering) {
  auto sealed = SecretBox(KeyOf(1)).Seal("secret");
  EXPECT_FALSE(SecretBox(KeyOf(2)).Open(sealed).ok());
  auto tampered = sealed;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(SecretBox(KeyOf(1)).Open(tampered).ok());
  EXPECT_FALSE(SecretBox(KeyOf(1)).Open("plain text").ok());
}

TEST(SecretBox, KeyFileIsCreatedOwnerOnlyAndReadBack) {
  testing::TempDir dir;
  const auto path = dir.path() + "/keys/secret.key";
  auto created = SecretBox::LoadOrCreateKeyFile(path);
  ASSERT_TRUE(created.ok()) << created.error().message;
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto again = SecretBox::LoadOrCreateKeyFile(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *created);
}

TEST(SecretBox, KeyFromBase64NeedsThirtyTwoBytes) {
  EXPECT_TRUE(SecretBox::KeyFromBase64("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=").ok());
  EXPECT_FALSE(SecretBox::KeyFromBase64("c2hvcnQ=").ok());
  EXPECT_FALSE(SecretBox::KeyFromBase64("not base64!").ok());
}

}  // namespace
}  // namespace slipway::services
