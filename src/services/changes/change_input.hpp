#pragma once
// Reading a code change's fields from a request body and resolving what
// they name (environment, build or image) against the application.
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/apps/app.hpp"
#include "core/changes/change.hpp"
#include "core/common/error.hpp"
#include "store/database.hpp"

namespace slipway::services {

/// The fields of a create or edit body, checked for shape only.
struct ChangeFields {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::int64_t> env_id;
  std::optional<std::int64_t> build_id;
  std::optional<std::string> image;  ///< commercial: a full image address
  std::optional<std::string> tag;    ///< commercial: a tag of details.vendor_image
  std::optional<std::int64_t> version;  ///< edits: the version the caller saw
};

/// Reads the body; `creating` requires env_id and title, edits require
/// version. Unknown fields and contradictions (build_id with image) are
/// refused, naming the field.
core::Result<ChangeFields> ReadChangeFields(const boost::json::object& body, bool creating);

/// Writes `fields` into `change`: the environment must be the application's;
/// self-developed applications name a succeeded build of their own (its
/// image and digest are copied), commercial ones an image or a tag of their
/// vendor image. On creation the image source is required.
core::Status ApplyChangeFields(store::Tx& tx, const core::App& app, const ChangeFields& fields, bool creating,
                               core::Change& change);

}  // namespace slipway::services
