#pragma once
#include <string>
#include <string_view>

namespace slipway::connectors::registry {

/// The three documents of a minimal valid OCI image: an uncompressed tar
/// layer holding one file that names the image, its config (whose diff_id is
/// the layer's digest) and the manifest. Deterministic: the same repository
/// and tag give the same bytes, hence the same digests.
struct TinyImage {
  std::string layer{};
  std::string layer_digest{};
  std::string config{};
  std::string config_digest{};
  std::string manifest{};  ///< media type kOciManifest
  std::string manifest_digest{};
};

TinyImage MakeTinyImage(std::string_view repository, std::string_view tag);

}  // namespace slipway::connectors::registry
