#pragma once
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace slipway::connectors::registry {

/// An image address such as "registry.example.com:5000/team/app:1.4.3" or
/// "team/app@sha256:…", split the way Docker does it: the first component
/// is the registry host only if it contains '.' or ':' or is "localhost".
struct ImageReference {
  std::string registry{};    ///< "" when the reference names none
  std::string repository{};  ///< "team/app"
  std::string tag{};         ///< "" when only a digest is given
  std::string digest{};      ///< "" when only a tag is given

  /// The tag, or the digest when there is none: what a manifest URL needs.
  const std::string& reference() const { return digest.empty() ? tag : digest; }
};

/// Parses and validates (repository name, tag and digest syntax). A
/// reference with neither tag nor digest gets the tag "latest".
core::Result<ImageReference> ParseImageReference(std::string_view text);

}  // namespace slipway::connectors::registry
