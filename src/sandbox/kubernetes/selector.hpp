#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

namespace slipway::sandbox::k8s {

/// A parsed label selector (`app=web,track!=canary`, `env in (a,b)`,
/// `tier notin (db)`, `release`, `!release`). An empty selector matches all.
class LabelSelector {
 public:
  /// Parses the query-string form; throws ApiError 400 on bad syntax.
  static LabelSelector Parse(const std::string& text);
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
  /// Throws ApiError 400 for bad syntax or an unsupported field.
  static FieldSelector Parse(const std::string& text);
  bool Matches(const boost::json::object& object) const;

 private:
  struct Term {
    std::string field;
    bool equal;
    std::string value;
  };
  std::vector<Term> terms_;
};

}  // namespace slipway::sandbox::k8s
