#pragma once
// The bodies `slipway connector set|test` send: the settings shown now with
// the --set values over them, and the secrets read from files or the
// environment (never from the command line, which other users may see).
#include <boost/json/object.hpp>
#include <string>
#include <vector>

namespace slipway::cli {

struct ConnectorFlags {
  std::vector<std::string> sets;          ///< --set FIELD=VALUE
  std::vector<std::string> secret_files;  ///< --secret-file FIELD=PATH
  std::vector<std::string> secret_envs;   ///< --secret-env FIELD=VARIABLE
  bool Empty() const { return sets.empty() && secret_files.empty() && secret_envs.empty(); }
};

/// `current`: the connector's "settings" as GET shows them (the base a PUT
/// replaces). Throws UsageFailure naming a field the system does not take,
/// a secret given with --set, or a file or variable that cannot be read.
boost::json::object ConnectorBody(const std::string& system, const boost::json::object& current,
                                  const ConnectorFlags& flags);

}  // namespace slipway::cli
