#pragma once
// What people ask of code changes, checked for form at the HTTP edge
// (http/handlers/change_input.cpp); the service checks them against the
// application (its environments, builds, vendor image) and the change.
#include <cstdint>
#include <optional>
#include <string>

namespace slipway::services {

/// The fields of a create or edit, checked for shape only (no build with an
/// image, no image with a tag, no blank title).
struct ChangeFields {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::int64_t> env_id;
  std::optional<std::int64_t> build_id;
  std::optional<std::string> image;  ///< commercial: a full image address
  std::optional<std::string> tag;    ///< commercial: a tag of details.vendor_image
};

/// env_id and title are set.
struct CreateChangeCommand {
  ChangeFields fields;
};

struct EditChangeCommand {
  std::int64_t version = 0;  ///< the version the caller saw
  ChangeFields fields;
};

/// submit, approve, reject, close or withdraw.
struct ChangeTransitionCommand {
  std::optional<std::string> comment;  ///< required to reject
  std::optional<std::int64_t> version;
};

}  // namespace slipway::services
