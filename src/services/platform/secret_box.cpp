#include "services/platform/secret_box.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

namespace slipway::services {

namespace {

constexpr std::string_view kPrefix = "v1:";

std::string ToBase64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::vector<unsigned char>> FromBase64(std::string_view text) {
  std::vector<unsigned char> out(text.size());
  std::size_t len = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \n\r\t", &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

}  // namespace

SecretBox::SecretBox(const Key& key) : key_(key) {
  if (sodium_init() < 0) std::abort();  // no CSPRNG: nothing can be sealed safely
}

std::string SecretBox::Seal(std::string_view plaintext) const {
  std::vector<unsigned char> buf(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plaintext.size());
  randombytes_buf(buf.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(buf.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        buf.data(), key_.data());
  return std::string(kPrefix) + ToBase64(buf.data(), buf.size());
}

core::Result<std::string> SecretBox::Open(std::string_view sealed) const {
  core::Error bad{
      core::Code::kInternal, "a stored secret cannot be opened: was the secret key changed?", {}};
  if (sealed.substr(0, kPrefix.size()) != kPrefix) return bad;
  auto raw = FromBase64(sealed.substr(kPrefix.size()));
  if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return bad;
  std::string plain(raw->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(
          reinterpret_cast<unsigned char*>(plain.data()), raw->data() + crypto_secretbox_NONCEBYTES,
          raw->size() - crypto_secretbox_NONCEBYTES, raw->data(), key_.data()) != 0) {
    return bad;
  }
  return plain;
}

core::Result<SecretBox::Key> SecretBox::KeyFromBase64(std::string_view text) {
  auto raw = FromBase64(text);
  if (!raw || raw->size() != kKeyBytes) {
    return core::Invalid(
        "the secret key must be 32 bytes, base64-encoded (openssl rand -base64 32)");
  }
  Key key;
  std::copy(raw->begin(), raw->end(), key.begin());
  return key;
}

core::Result<SecretBox::Key> SecretBox::LoadOrCreateKeyFile(const std::string& path) {
  if (std::filesystem::exists(path)) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return core::Invalid("cannot read the secret key file " + path);
    auto key = KeyFromBase64(text.str());
    if (!key.ok()) return core::Invalid(path + ": " + key.error().message);
    return key;
  }
  Key key;
  if (sodium_init() < 0) std::abort();
  randombytes_buf(key.data(), key.size());
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  // Created owner-only before anything is written into it.
  mode_t old = ::umask(077);
  std::ofstream out(path);
  ::umask(old);
  out << ToBase64(key.data(), key.size()) << "\n";
  if (!out) return core::Invalid("cannot write the secret key file " + path);
  return key;
}

}  // namespace slipway::services
