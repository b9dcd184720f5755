#include "connectors/kubernetes/selectors.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "core/common/ascii_text.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::kube {

namespace {

std::string Trim(std::string_view s) { return std::string(core::TrimSpace(s)); }

// Splits on commas outside parentheses.
std::vector<std::string> SplitTerms(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      out.push_back(Trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!Trim(cur).empty() || !out.empty()) out.push_back(Trim(cur));
  return out;
}

// The values of "(a,b)" in `text`; nullopt without the parentheses.
std::optional<std::vector<std::string>> ParseSet(const std::string& text) {
  auto open = text.find('(');
  auto close = text.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return std::nullopt;
  std::vector<std::string> values;
  std::string inner = text.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (start <= inner.size()) {
    size_t comma = inner.find(',', start);
    if (comma == std::string::npos) comma = inner.size();
    std::string v = Trim(inner.substr(start, comma - start));
    if (!v.empty()) values.push_back(v);
    start = comma + 1;
  }
  return values;
}

// A label value as apimachinery's IsValidLabelValue: empty, or up to 63 of
// [A-Za-z0-9-_.] starting and ending with a letter or digit. (Label keys'
// name parts follow the same rule, but may not be empty.)
bool IsLabelValue(std::string_view v) {
  auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if (v.empty()) return true;
  if (v.size() > 63 || !alnum(v.front()) || !alnum(v.back())) return false;
  return std::all_of(v.begin(), v.end(),
                     [&](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}

// A label key as IsQualifiedName: an optional DNS subdomain prefix and '/',
// then a non-empty name part.
bool IsLabelKey(std::string_view key) {
  std::string_view name = key;
  if (auto slash = key.find('/'); slash != std::string_view::npos) {
    std::string_view prefix = key.substr(0, slash);
    name = key.substr(slash + 1);
    auto lower = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (prefix.empty() || prefix.size() > 253 || !lower(prefix.front()) || !lower(prefix.back()))
      return false;
    if (!std::all_of(prefix.begin(), prefix.end(),
                     [&](char c) { return lower(c) || c == '-' || c == '.'; })) {
      return false;
    }
  }
  return !name.empty() && IsLabelValue(name);
}

// The apiserver refuses a selector whose keys or values are not valid labels
// (so `a=b=c` is a 400, not the key "a" with the value "b=c").
core::Status CheckTerm(const std::string& key, const std::vector<std::string>& values) {
  if (!IsLabelKey(key)) {
    return core::Invalid(
        "unable to parse requirement: key: Invalid value: \"" + key +
        "\": name part must consist of alphanumeric characters, '-', '_' or '.', and must "
        "start and end with an alphanumeric character (with an optional DNS subdomain "
        "prefix and '/')");
  }
  for (const auto& v : values) {
    if (!IsLabelValue(v)) {
      return core::Invalid(
          "unable to parse requirement: values[0][" + key + "]: Invalid value: \"" + v +
          "\": a valid label must be an empty string or consist of alphanumeric "
          "characters, '-', '_' or '.', and must start and end with an alphanumeric "
          "character");
    }
  }
  return core::Ok{};
}

std::optional<std::string> Label(const boost::json::value& labels, const std::string& key) {
  const auto* obj = labels.if_object();
  if (!obj) return std::nullopt;
  const auto* v = obj->if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

}  // namespace

core::Result<LabelSelector> LabelSelector::Parse(std::string_view text) {
  LabelSelector sel;
  for (const auto& term : SplitTerms(text)) {
    if (term.empty())
      return core::Invalid("unable to parse requirement: found '', expected: identifier");
    Term t;
    if (term[0] == '!') {
      t = {Trim(term.substr(1)), Op::kNotExists, {}};
    } else if (auto p = term.find("!="); p != std::string::npos) {
      t = {Trim(term.substr(0, p)), Op::kNotEq, {Trim(term.substr(p + 2))}};
    } else if (auto p2 = term.find("=="); p2 != std::string::npos) {
      t = {Trim(term.substr(0, p2)), Op::kEq, {Trim(term.substr(p2 + 2))}};
    } else if (auto p3 = term.find('='); p3 != std::string::npos) {
      t = {Trim(term.substr(0, p3)), Op::kEq, {Trim(term.substr(p3 + 1))}};
    } else if (auto p4 = term.find(" notin "), p5 = term.find(" in ");
               p4 != std::string::npos || p5 != std::string::npos) {
      const bool in = p4 == std::string::npos;
      auto values = ParseSet(term.substr(in ? p5 : p4));
      if (!values)
        return core::Invalid("unable to parse requirement: found '" + term + "', expected: '('");
      t = {Trim(term.substr(0, in ? p5 : p4)), in ? Op::kIn : Op::kNotIn, std::move(*values)};
    } else {
      t = {term, Op::kExists, {}};
    }
    if (auto valid = CheckTerm(t.key, t.values); !valid.ok()) return valid.error();
    sel.terms_.push_back(std::move(t));
  }
  return sel;
}

LabelSelector LabelSelector::FromObject(const boost::json::value& selector) {
  LabelSelector sel;
  if (const auto* ml = core::Find(selector, {"matchLabels"}); ml && ml->is_object()) {
    for (const auto& kv : ml->as_object()) {
      if (kv.value().is_string()) {
        sel.terms_.push_back(
            {std::string(kv.key()), Op::kEq, {std::string(kv.value().as_string())}});
      }
    }
  }
  if (const auto* me = core::Find(selector, {"matchExpressions"}); me && me->is_array()) {
    for (const auto& e : me->as_array()) {
      Term t{core::StringAt(e, {"key"}), Op::kExists, {}};
      std::string op = core::StringAt(e, {"operator"});
      if (op == "In") t.op = Op::kIn;
      if (op == "NotIn") t.op = Op::kNotIn;
      if (op == "DoesNotExist") t.op = Op::kNotExists;
      if (const auto* vs = core::Find(e, {"values"}); vs && vs->is_array()) {
        for (const auto& v : vs->as_array()) {
          if (v.is_string()) t.values.emplace_back(v.as_string());
        }
      }
      sel.terms_.push_back(std::move(t));
    }
  }
  return sel;
}

bool LabelSelector::Matches(const boost::json::value& labels) const {
  for (const auto& t : terms_) {
    auto v = Label(labels, t.key);
    bool in = v && std::find(t.values.begin(), t.values.end(), *v) != t.values.end();
    switch (t.op) {
      case Op::kEq:
      case Op::kIn:
        if (!in) return false;
        break;
      case Op::kNotEq:
      case Op::kNotIn:
        if (in) return false;
        break;
      case Op::kExists:
        if (!v) return false;
        break;
      case Op::kNotExists:
        if (v) return false;
        break;
    }
  }
  return true;
}

std::string LabelSelector::ToString() const {
  std::string out;
  for (const auto& t : terms_) {
    if (!out.empty()) out += ',';
    auto set = [&] {
      std::string s;
      for (const auto& v : t.values) s += (s.empty() ? "" : ",") + v;
      return "(" + s + ")";
    };
    switch (t.op) {
      case Op::kEq:
        out += t.key + "=" + t.values.at(0);
        break;
      case Op::kNotEq:
        out += t.key + "!=" + t.values.at(0);
        break;
      case Op::kIn:
        out += t.key + " in " + set();
        break;
      case Op::kNotIn:
        out += t.key + " notin " + set();
        break;
      case Op::kExists:
        out += t.key;
        break;
      case Op::kNotExists:
        out += "!" + t.key;
        break;
    }
  }
  return out;
}

core::Result<FieldSelector> FieldSelector::Parse(std::string_view text) {
  static const std::vector<std::string> kSupported = {"metadata.name", "metadata.namespace",
                                                      "status.phase", "spec.nodeName"};
  FieldSelector sel;
  for (const auto& term : SplitTerms(text)) {
    Term t;
    if (auto p = term.find("!="); p != std::string::npos) {
      t = {Trim(term.substr(0, p)), false, Trim(term.substr(p + 2))};
    } else if (auto p2 = term.find("=="); p2 != std::string::npos) {
      t = {Trim(term.substr(0, p2)), true, Trim(term.substr(p2 + 2))};
    } else if (auto p3 = term.find('='); p3 != std::string::npos) {
      t = {Trim(term.substr(0, p3)), true, Trim(term.substr(p3 + 1))};
    } else {
      return core::Invalid("invalid selector: '" + std::string(text) + "'; can't understand '" +
                           term + "'");
    }
    if (std::find(kSupported.begin(), kSupported.end(), t.field) == kSupported.end()) {
      return core::Invalid("field label not supported: " + t.field);
    }
    sel.terms_.push_back(std::move(t));
  }
  return sel;
}

bool FieldSelector::Matches(const boost::json::object& object) const {
  for (const auto& t : terms_) {
    // Every supported field label is "object.field" (kSupported).
    const auto dot = t.field.find('.');
    bool eq = core::StringAt(object, {std::string_view(t.field).substr(0, dot),
                                      std::string_view(t.field).substr(dot + 1)}) == t.value;
    if (eq != t.equal) return false;
  }
  return true;
}

}  // namespace slipway::connectors::kube
