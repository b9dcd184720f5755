#pragma once
// Per-file config diffs of baselines, drifts and rollback plans (R-CFG-3):
// {"file", "change": added|removed|changed, "version_before", "version_after",
//  "hash_before", "hash_after", "content_known", "kind": keys|lines|hash,
//  "keys": [...] | "unified" + "lines": [...]} — keys and lines shaped like
// the config draft diff (services/config/config_diff_view).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <vector>

#include "core/releases/baseline_config.hpp"

namespace slipway::http {

boost::json::object ConfigChangeJson(const core::ConfigFileChange& change);
boost::json::array ConfigChangesJson(const std::vector<core::ConfigFileChange>& changes);

}  // namespace slipway::http
