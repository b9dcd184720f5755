#include "core/releases/baseline.hpp"

#include <boost/json.hpp>
#include <map>
#include <set>

#include "core/environments/env_spec_json.hpp"

namespace slipway::core {

namespace json = boost::json;

namespace {

// An array whose elements are all objects with a non-empty string "name".
bool KeyedByName(const json::array& a) {
  if (a.empty()) return false;
  for (const auto& v : a) {
    if (!v.is_object()) return false;
    const auto* name = v.as_object().if_contains("name");
    if (!name || !name->is_string() || name->as_string().empty()) return false;
  }
  return true;
}

void Diff(const std::string& path, const json::value& a, const json::value& b,
          std::vector<FieldDiff>& out);

void DiffObjects(const std::string& path, const json::object& a, const json::object& b,
                 std::vector<FieldDiff>& out) {
  std::set<std::string> keys;
  for (const auto& [k, v] : a) keys.insert(std::string(k));
  for (const auto& [k, v] : b) keys.insert(std::string(k));
  for (const auto& k : keys) {
    const auto* va = a.if_contains(k);
    const auto* vb = b.if_contains(k);
    std::string child = path.empty() ? k : path + "." + k;
    Diff(child, va ? *va : json::value(nullptr), vb ? *vb : json::value(nullptr), out);
  }
}

void DiffKeyed(const std::string& path, const json::array& a, const json::array& b,
               std::vector<FieldDiff>& out) {
  std::map<std::string, const json::value*> ma, mb;
  for (const auto& v : a) ma[std::string(v.as_object().at("name").as_string())] = &v;
  for (const auto& v : b) mb[std::string(v.as_object().at("name").as_string())] = &v;
  std::set<std::string> names;
  for (const auto& [n, v] : ma) names.insert(n);
  for (const auto& [n, v] : mb) names.insert(n);
  for (const auto& n : names) {
    auto ia = ma.find(n);
    auto ib = mb.find(n);
    std::string child = path + "[" + n + "]";
    if (ia == ma.end() || ib == mb.end()) {
      out.push_back({child, ia == ma.end() ? json::value(nullptr) : *ia->second,
                     ib == mb.end() ? json::value(nullptr) : *ib->second});
    } else {
      Diff(child, *ia->second, *ib->second, out);
    }
  }
}

void Diff(const std::string& path, const json::value& a, const json::value& b,
          std::vector<FieldDiff>& out) {
  if (a == b) return;
  if (a.is_object() && b.is_object()) return DiffObjects(path, a.as_object(), b.as_object(), out);
  if (a.is_array() && b.is_array()) {
    const auto& aa = a.as_array();
    const auto& ab = b.as_array();
    if ((aa.empty() || KeyedByName(aa)) && (ab.empty() || KeyedByName(ab)))
      return DiffKeyed(path, aa, ab, out);
  }
  out.push_back({path, a, b});
}

}  // namespace

json::object BaselineContent(const std::string& image, const std::string& digest,
                             const EnvSpec& spec) {
  return {{"image", image}, {"image_digest", digest}, {"resources", EnvSpecToJson(spec)}};
}

std::vector<FieldDiff> DiffBaselines(const json::object& before, const json::object& after) {
  std::vector<FieldDiff> out;
  DiffObjects("", before, after, out);
  return out;
}

json::array DiffJson(const std::vector<FieldDiff>& diff) {
  json::array out;
  for (const auto& d : diff)
    out.push_back({{"path", d.path}, {"before", d.before}, {"after", d.after}});
  return out;
}

}  // namespace slipway::core
