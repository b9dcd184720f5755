#include "cli/env_ref.hpp"

#include <boost/json.hpp>
#include <vector>

#include "cli/failure.hpp"
#include "cli/url.hpp"

namespace slipway::cli {

std::string EnvPath(Session& session, const std::string& ref, const std::string& suffix) {
  if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos) {
    return "/api/v1/environments/" + ref + suffix;
  }
  auto slash = ref.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == ref.size()) {
    throw UsageFailure("an environment is an id or APP/ENV_TYPE[@CLUSTER], got " + ref);
  }
  auto app = ref.substr(0, slash);
  auto rest = ref.substr(slash + 1);
  auto at = rest.find('@');
  auto env_type = rest.substr(0, at);
  auto cluster = at == std::string::npos ? "" : rest.substr(at + 1);
  auto list = session.Call("GET", "/api/v1/apps/" + PercentEncode(app) + "/environments");
  std::vector<std::int64_t> matches;
  for (const auto& item : list.as_object().at("items").as_array()) {
    const auto& e = item.as_object();
    if (e.at("env_type").as_string() != env_type) continue;
    if (!cluster.empty() && e.at("cluster").as_string() != cluster) continue;
    matches.push_back(e.at("id").as_int64());
  }
  if (matches.empty()) throw Failure(ExitCode::kNotFound, "not_found", "no environment " + ref);
  if (matches.size() > 1) throw UsageFailure(ref + " is on several clusters: add @CLUSTER");
  return "/api/v1/environments/" + std::to_string(matches.front()) + suffix;
}

}  // namespace slipway::cli
