#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

namespace slipway::connectors::kube {

/// A parsed label selector, as the API server reads `labelSelector=`:
/// `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a` (exists), `!a`,
/// joined by commas (all must hold). Used by the fake; the real server
/// evaluates selectors itself.
class LabelSelector {
 public:
  static core::Result<LabelSelector> Parse(std::string_view text);
  /// Whether an object's metadata.labels satisfy every requirement.
  bool Matches(const boost::json::object& labels) const;

 private:
  struct Requirement {
    enum class Op { kEquals, kNotEquals, kIn, kNotIn, kExists, kNotExists };
    std::string key;
    Op op = Op::kExists;
    std::vector<std::string> values;
  };
  std::vector<Requirement> requirements_;
};

}  // namespace slipway::connectors::kube

namespace slipway::connectors::kube {

/// Whether an object satisfies a field selector (`metadata.name=web`,
/// `status.phase!=Running`, comma-joined; fields: metadata.name,
/// metadata.namespace, status.phase, spec.nodeName). kInvalid for others.
core::Result<bool> MatchesFieldSelector(const boost::json::object& object,
                                        std::string_view selector);

}  // namespace slipway::connectors::kube
