#pragma once
#include <boost/json.hpp>
#include <string>

namespace slipway::connectors::kube {

/// Pure patch functions, as the API server applies them: the one
/// implementation behind the Kubernetes emulator and the in-process fake.
/// Each returns the patched document; a patch that cannot apply throws
/// PatchError (the apiserver answers 422 for those, 400 for malformed
/// patches, as `interpretPatchError` does).

struct PatchError {
  int code;  ///< 400 or 422
  std::string message;
};

/// RFC 7386 JSON merge patch: objects merge recursively, `null` deletes,
/// everything else (arrays included) replaces.
boost::json::value MergePatch(const boost::json::value& target, const boost::json::value& patch);

/// RFC 6902 JSON patch: add, remove, replace, move, copy, test.
boost::json::value JsonPatch(const boost::json::value& target, const boost::json::value& patch);

/// Kubernetes strategic merge patch (see strategic_merge.cpp for the rules).
boost::json::value StrategicMergePatch(const boost::json::value& target,
                                       const boost::json::value& patch);

/// The patch-merge key of a list field, given the field names from the root
/// (array indices skipped) ending with the list's own name — e.g.
/// {"spec","template","spec","containers"} → "name",
/// {"spec","template","spec","containers","ports"} → "containerPort",
/// {"spec","ports"} → "port". Empty: the list is atomic (replaced whole).
std::string MergeKeyFor(const std::vector<std::string>& path);

}  // namespace slipway::connectors::kube
