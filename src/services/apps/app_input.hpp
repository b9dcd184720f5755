#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/apps/app.hpp"
#include "core/common/error.hpp"

namespace slipway::services {

/// Validates a registration body into a new application under review.
core::Result<core::App> ParseRegistration(const boost::json::object& body,
                                          const std::string& caller_username);
/// Applies an edit of basic information (team, level, description,
/// repo_url); returns the names of the fields that changed ("" for none).
/// The owner is membership: see ParseNewOwner.
core::Result<std::string> ApplyBasicEdit(core::App& app, const boost::json::object& body);
/// The "owner" field of an edit: absent, or a well-formed user name.
core::Result<std::optional<std::string>> ParseNewOwner(const boost::json::object& body);
/// The "approvers" field of a details body: absent, or a list of usernames.
core::Result<std::optional<std::vector<std::string>>> ParseApprovers(const boost::json::object& body);

}  // namespace slipway::services
