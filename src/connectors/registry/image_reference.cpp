#include "connectors/registry/image_reference.hpp"

#include "connectors/registry/digest.hpp"

namespace slipway::connectors::registry {

core::Result<ImageReference> ParseImageReference(std::string_view text) {
  ImageReference ref;
  std::string_view rest = text;
  if (auto at = rest.find('@'); at != std::string_view::npos) {
    ref.digest = std::string(rest.substr(at + 1));
    rest = rest.substr(0, at);
    if (!IsDigest(ref.digest))
      return core::Invalid("image reference '" + std::string(text) + "' has a bad digest");
  }
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    std::string_view first = rest.substr(0, slash);
    if (first.find_first_of(".:") != std::string_view::npos || first == "localhost") {
      ref.registry = std::string(first);
      rest = rest.substr(slash + 1);
    }
  }
  // A ':' after the last '/' separates the tag (a ':' before it is a port).
  auto colon = rest.rfind(':');
  if (colon != std::string_view::npos && rest.find('/', colon) == std::string_view::npos) {
    ref.tag = std::string(rest.substr(colon + 1));
    rest = rest.substr(0, colon);
    if (!IsValidTag(ref.tag))
      return core::Invalid("image reference '" + std::string(text) + "' has a bad tag");
  }
  ref.repository = std::string(rest);
  if (!IsValidRepositoryName(ref.repository)) {
    return core::Invalid("image reference '" + std::string(text) + "' has a bad repository name");
  }
  if (ref.tag.empty() && ref.digest.empty()) ref.tag = "latest";
  return ref;
}

}  // namespace slipway::connectors::registry
