#include "connectors/registry/tiny_image.hpp"

#include <cstdio>
#include <cstring>

#include "connectors/registry.hpp"
#include "connectors/registry/digest.hpp"

namespace slipway::connectors::registry {

namespace {

void PutOctal(char* field, std::size_t width, unsigned long value) {
  // width-1 octal digits and a NUL, as ustar expects.
  std::snprintf(field, width, "%0*lo", static_cast<int>(width - 1), value);
}

// A ustar archive with one regular file, padded to 512-byte blocks and
// ended by two zero blocks. mtime 0 keeps it deterministic.
std::string TarWithOneFile(std::string_view name, std::string_view content) {
  char header[512] = {};
  std::memcpy(header, name.data(), std::min<std::size_t>(name.size(), 99));
  PutOctal(header + 100, 8, 0644);
  PutOctal(header + 108, 8, 0);
  PutOctal(header + 116, 8, 0);
  PutOctal(header + 124, 12, content.size());
  PutOctal(header + 136, 12, 0);
  header[156] = '0';
  std::memcpy(header + 257, "ustar", 6);
  std::memcpy(header + 263, "00", 2);
  std::memset(header + 148, ' ', 8);  // the checksum counts its own field as spaces
  unsigned long sum = 0;
  for (unsigned char c : header) sum += c;
  std::snprintf(header + 148, 8, "%06lo", sum);
  header[155] = ' ';
  std::string tar(header, sizeof header);
  tar += content;
  tar.append((512 - content.size() % 512) % 512, '\0');
  tar.append(1024, '\0');
  return tar;
}

}  // namespace

TinyImage MakeTinyImage(std::string_view repository, std::string_view tag) {
  TinyImage image;
  std::string content =
      "slipway sandbox image " + std::string(repository) + ":" + std::string(tag) + "\n";
  image.layer = TarWithOneFile("slipway-image.txt", content);
  image.layer_digest = Sha256Digest(image.layer);
  image.config =
      R"({"architecture":"amd64","os":"linux","config":{"Labels":{"org.opencontainers.image.version":")" +
      std::string(tag) + R"("}},"rootfs":{"type":"layers","diff_ids":[")" + image.layer_digest +
      R"("]}})";
  image.config_digest = Sha256Digest(image.config);
  image.manifest =
      R"({"schemaVersion":2,"mediaType":")" + std::string(kOciManifest) +
      R"(","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":")" +
      image.config_digest + R"(","size":)" + std::to_string(image.config.size()) +
      R"(},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":")" +
      image.layer_digest + R"(","size":)" + std::to_string(image.layer.size()) + "}]}";
  image.manifest_digest = Sha256Digest(image.manifest);
  return image;
}

}  // namespace slipway::connectors::registry
