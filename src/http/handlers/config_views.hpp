#pragma once
#include <boost/json/object.hpp>

#include "services/config/config_service.hpp"

namespace slipway::http {

/// A file: live value and draft; `content` false in lists (names only).
boost::json::object ConfigFileJson(const services::ConfigFileView& view, bool content);
boost::json::object ConfigDraftJson(const store::ConfigDraft& draft, bool content);
/// A publish record; `content` false in the history list.
boost::json::object ConfigPublishJson(const store::ConfigPublish& publish, bool content);

}  // namespace slipway::http
