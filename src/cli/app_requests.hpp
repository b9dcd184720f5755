#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

namespace slipway::cli {

// Command-line arguments of the `app` commands turned into API requests.
// Pure, so the mapping is tested without a server.

struct AppListArgs {
  std::string status, type, level, team, owner, member, q, sort;
  int limit = 50;
};

/// `/api/v1/apps?…` with the set filters, the page size and, after the
/// first page, the cursor.
std::string AppListPath(const AppListArgs& args, const std::string& cursor = "");

struct AppRegisterArgs {
  std::string name, team, type, level;
  std::optional<std::string> description, repo_url, owner;
};

/// Body of POST /apps; optional fields only when given.
boost::json::object AppRegisterBody(const AppRegisterArgs& args);

struct AppCompleteArgs {
  std::optional<std::string> build_job;
  std::vector<std::string> ports;  ///< name:port[/protocol] each
  std::optional<std::string> health_check;
  std::vector<std::string> approvers;
  std::vector<std::string> business_domains;
  std::optional<std::string> vendor_image;
};

/// Body of PUT /apps/{id}/details without the version (the caller adds the
/// one it read): only the given fields, so the other details stay as they
/// are. Throws Failure (usage) on bad port or health-check notation, or when
/// no field is given.
boost::json::object AppDetailsBody(const AppCompleteArgs& args);

/// Path of an app, or of one of its sub-resources (`suffix` starts with
/// '/'); the id or name is percent-encoded.
std::string AppPath(const std::string& id_or_name, const std::string& suffix = "");

}  // namespace slipway::cli
