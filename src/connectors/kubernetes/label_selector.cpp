#include "connectors/kubernetes/label_selector.hpp"

#include <algorithm>
#include <cctype>

#include "connectors/kubernetes/json_access.hpp"

namespace slipway::connectors::kube {

namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

/// Splits on commas outside parentheses (`a in (x,y),b=c` is two terms).
std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> terms;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (text[i] == ',' && depth == 0)) {
      terms.push_back(Trim(text.substr(start, i - start)));
      start = i + 1;
    } else if (text[i] == '(') {
      ++depth;
    } else if (text[i] == ')') {
      --depth;
    }
  }
  return terms;
}

}  // namespace

core::Result<LabelSelector> LabelSelector::Parse(std::string_view text) {
  LabelSelector selector;
  if (Trim(text).empty()) return selector;
  for (const auto& term : Terms(text)) {
    if (term.empty())
      return core::Invalid("invalid label selector \"" + std::string(text) + "\": empty term");
    Requirement r;
    if (auto open = term.find('('); open != std::string::npos) {
      auto close = term.rfind(')');
      std::string head = Trim(std::string_view(term).substr(0, open));
      auto space = head.find_last_of(" \t");
      std::string op = space == std::string::npos ? "" : Trim(head.substr(space + 1));
      if (close == std::string::npos || close < open || (op != "in" && op != "notin")) {
        return core::Invalid("invalid label selector term \"" + term + "\"");
      }
      r.key = Trim(head.substr(0, space));
      r.op = op == "in" ? Requirement::Op::kIn : Requirement::Op::kNotIn;
      for (const auto& v : Terms(std::string_view(term).substr(open + 1, close - open - 1)))
        r.values.push_back(v);
    } else if (term.front() == '!') {
      r.key = Trim(std::string_view(term).substr(1));
      r.op = Requirement::Op::kNotExists;
    } else if (auto ne = term.find("!="); ne != std::string::npos) {
      r.key = Trim(std::string_view(term).substr(0, ne));
      r.op = Requirement::Op::kNotEquals;
      r.values = {Trim(std::string_view(term).substr(ne + 2))};
    } else if (auto eq = term.find('='); eq != std::string::npos) {
      const size_t skip = term.compare(eq, 2, "==") == 0 ? 2 : 1;
      r.key = Trim(std::string_view(term).substr(0, eq));
      r.op = Requirement::Op::kEquals;
      r.values = {Trim(std::string_view(term).substr(eq + skip))};
    } else {
      r.key = term;
    }
    if (r.key.empty()) return core::Invalid("invalid label selector term \"" + term + "\": no key");
    selector.requirements_.push_back(std::move(r));
  }
  return selector;
}

bool LabelSelector::Matches(const boost::json::object& labels) const {
  return std::all_of(requirements_.begin(), requirements_.end(), [&](const Requirement& r) {
    const auto* v = labels.if_contains(r.key);
    const bool has = v && v->is_string();
    const std::string value = has ? std::string(v->as_string()) : "";
    const bool listed = std::find(r.values.begin(), r.values.end(), value) != r.values.end();
    switch (r.op) {
      case Requirement::Op::kEquals:
      case Requirement::Op::kIn:
        return has && listed;
      case Requirement::Op::kNotEquals:
      case Requirement::Op::kNotIn:
        return !has || !listed;
      case Requirement::Op::kExists:
        return has;
      case Requirement::Op::kNotExists:
        return !has;
    }
    return false;
  });
}

core::Result<bool> MatchesFieldSelector(const boost::json::object& object,
                                        std::string_view selector) {
  if (Trim(selector).empty()) return true;
  bool all = true;
  for (const auto& term : Terms(selector)) {
    const auto ne = term.find("!=");
    const auto eq = term.find('=');
    if (eq == std::string::npos)
      return core::Invalid("invalid field selector term \"" + term + "\"");
    const std::string field =
        Trim(std::string_view(term).substr(0, ne != std::string::npos ? ne : eq));
    const size_t value_at = ne != std::string::npos          ? ne + 2
                            : term.compare(eq, 2, "==") == 0 ? eq + 2
                                                             : eq + 1;
    const std::string wanted = Trim(std::string_view(term).substr(value_at));
    std::string actual;
    if (field == "metadata.name") {
      actual = StringAt(object, {"metadata", "name"});
    } else if (field == "metadata.namespace") {
      actual = StringAt(object, {"metadata", "namespace"});
    } else if (field == "status.phase") {
      actual = StringAt(object, {"status", "phase"});
    } else if (field == "spec.nodeName") {
      actual = StringAt(object, {"spec", "nodeName"});
    } else {
      return core::Invalid("field label not supported: " + field);
    }
    all = all && ((actual == wanted) != (ne != std::string::npos));
  }
  return all;
}

}  // namespace slipway::connectors::kube
