#pragma once
#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"

// Label and field selectors as the API server reads them: the one
// implementation behind the Kubernetes emulator and the in-process fake.
namespace slipway::connectors::kube {

/// A parsed label selector (`app=web,track!=canary`, `env in (a,b)`,
/// `tier notin (db)`, `release`, `!release`). An empty selector matches all.
class LabelSelector {
 public:
  /// Parses the query-string form; kInvalid with the API server's message
  /// on bad syntax (it answers 400).
  static core::Result<LabelSelector> Parse(std::string_view text);
  /// Builds one from a LabelSelector object ({matchLabels, matchExpressions}).
  static LabelSelector FromObject(const boost::json::value& selector);
  bool Matches(const boost::json::value& labels) const;
  bool empty() const { return terms_.empty(); }
  /// The canonical string form ("app=web,track=stable"), as Scale.status.selector.
  std::string ToString() const;

 private:
  enum class Op { kEq, kNotEq, kIn, kNotIn, kExists, kNotExists };
  struct Term {
    std::string key;
    Op op;
    std::vector<std::string> values;
  };
  std::vector<Term> terms_;
};

/// A parsed field selector (`metadata.name=web,status.phase!=Running`) over
/// the fields the apiserver supports for the emulated kinds.
class FieldSelector {
 public:
  /// kInvalid with the API server's message (it answers 400) for bad syntax
  /// or an unsupported field.
  static core::Result<FieldSelector> Parse(std::string_view text);
  bool Matches(const boost::json::object& object) const;

 private:
  struct Term {
    std::string field;
    bool equal;
    std::string value;
  };
  std::vector<Term> terms_;
};

}  // namespace slipway::connectors::kube
