// Strategic merge patch, the subset kubectl and client-go emit for the
// emulated kinds. Like a JSON merge patch, except:
//  * lists with a patch-merge key (MergeKeyFor) merge element by element on
//    that key; an element {"<key>":…,"$patch":"delete"} removes one, and an
//    element {"$patch":"replace"} makes the patch list replace the original;
//  * `metadata.finalizers` merges as a set of strings;
//  * directives: "$patch": "replace"|"delete" in a map, "$retainKeys",
//    "$setElementOrder/<list>" (kubectl apply sends it to keep its order)
//    and "$deleteFromPrimitiveList/<list>".
// Lists without a merge key are atomic: the patch replaces them.
#include <algorithm>

#include "connectors/kubernetes/patch.hpp"

namespace slipway::connectors::kube {

namespace json = boost::json;

std::string MergeKeyFor(const std::vector<std::string>& path) {
  if (path.empty()) return "";
  const std::string& field = path.back();
  const std::string parent = path.size() >= 2 ? path[path.size() - 2] : "";
  if (field == "containers" || field == "initContainers" || field == "ephemeralContainers" ||
      field == "volumes" || field == "imagePullSecrets" || field == "env" ||
      field == "resourceClaims") {
    return "name";
  }
  if (field == "ports") {
    bool in_container =
        parent == "containers" || parent == "initContainers" || parent == "ephemeralContainers";
    return in_container ? "containerPort" : "port";
  }
  if (field == "volumeMounts") return "mountPath";
  if (field == "volumeDevices") return "devicePath";
  if (field == "conditions") return "type";
  if (field == "ownerReferences") return "uid";
  if (field == "hostAliases") return "ip";
  if (field == "topologySpreadConstraints") return "topologyKey";
  return "";
}

namespace {

bool IsSetOfStrings(const std::vector<std::string>& path) {
  return path.size() == 2 && path[0] == "metadata" && path[1] == "finalizers";
}

json::value MergeValue(const json::value* original, const json::value& patch,
                       std::vector<std::string>& path);

// Drops directive keys from a value that has nothing to merge into.
json::value Clean(const json::value& patch, std::vector<std::string>& path) {
  return MergeValue(nullptr, patch, path);
}

json::array MergeList(const json::array& original, const json::array& patch,
                      std::vector<std::string>& path) {
  std::string key = MergeKeyFor(path);
  for (const auto& e : patch) {
    const auto* o = e.if_object();
    if (o && o->contains("$patch") && o->at("$patch") == "replace") {
      json::array out;
      for (const auto& x : patch) {
        if (&x != &e) out.push_back(Clean(x, path));
      }
      return out;
    }
  }
  if (key.empty() && !IsSetOfStrings(path)) {
    json::array out;
    for (const auto& x : patch) out.push_back(Clean(x, path));
    return out;
  }
  json::array out = original;
  for (const auto& e : patch) {
    const auto* o = e.if_object();
    if (!o) {  // a primitive in a merging list: set union
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
      continue;
    }
    const auto* k = o->if_contains(key);
    auto same = [&](const json::value& x) {
      return k && x.is_object() && x.as_object().contains(key) && x.as_object().at(key) == *k;
    };
    if (o->contains("$patch") && o->at("$patch") == "delete") {
      out.erase(std::remove_if(out.begin(), out.end(), same), out.end());
      continue;
    }
    auto it = std::find_if(out.begin(), out.end(), same);
    if (it != out.end()) {
      *it = MergeValue(&*it, e, path);
    } else {
      out.push_back(Clean(e, path));
    }
  }
  return out;
}

// Orders `list` as `order` says: listed elements first, in that order, then the rest.
void ApplyOrder(json::array& list, const json::array& order, const std::string& key) {
  auto rank = [&](const json::value& x) -> size_t {
    for (size_t i = 0; i < order.size(); ++i) {
      const auto& o = order[i];
      if (key.empty()
              ? o == x
              : (o.is_object() && x.is_object() && o.as_object().contains(key) &&
                 x.as_object().contains(key) && o.as_object().at(key) == x.as_object().at(key))) {
        return i;
      }
    }
    return order.size();
  };
  std::stable_sort(list.begin(), list.end(),
                   [&](const json::value& a, const json::value& b) { return rank(a) < rank(b); });
}

json::value MergeValue(const json::value* original, const json::value& patch,
                       std::vector<std::string>& path) {
  if (const auto* parr = patch.if_array()) {
    json::array empty;
    const auto* oarr = original ? original->if_array() : nullptr;
    return MergeList(oarr ? *oarr : empty, *parr, path);
  }
  const auto* pobj = patch.if_object();
  if (!pobj) return patch;
  const auto* oobj = original ? original->if_object() : nullptr;
  json::object out = oobj ? *oobj : json::object();
  if (const auto* d = pobj->if_contains("$patch"); d && *d == "replace") out = json::object();
  std::vector<std::pair<std::string, const json::array*>> orders;
  std::vector<std::pair<std::string, const json::array*>> deletions;
  const json::array* retain = nullptr;
  for (const auto& kv : *pobj) {
    std::string k(kv.key());
    if (k.rfind("$setElementOrder/", 0) == 0) {
      if (kv.value().is_array()) orders.emplace_back(k.substr(17), &kv.value().as_array());
      continue;
    }
    if (k.rfind("$deleteFromPrimitiveList/", 0) == 0) {
      if (kv.value().is_array()) deletions.emplace_back(k.substr(25), &kv.value().as_array());
      continue;
    }
    if (k == "$retainKeys") {
      if (kv.value().is_array()) retain = &kv.value().as_array();
      continue;
    }
    if (!k.empty() && k[0] == '$') continue;
    if (kv.value().is_null()) {
      out.erase(k);
      continue;
    }
    if (const auto* child = kv.value().if_object();
        child && child->contains("$patch") && child->at("$patch") == "delete") {
      out.erase(k);
      continue;
    }
    path.push_back(k);
    const auto* existing = out.if_contains(k);
    json::value merged = MergeValue(existing, kv.value(), path);
    path.pop_back();
    out[k] = std::move(merged);
  }
  for (const auto& [field, values] : deletions) {
    if (auto* list = out.if_contains(field); list && list->is_array()) {
      auto& a = list->as_array();
      for (const auto& v : *values) a.erase(std::remove(a.begin(), a.end(), v), a.end());
    }
  }
  for (const auto& [field, order] : orders) {
    if (auto* list = out.if_contains(field); list && list->is_array()) {
      path.push_back(field);
      ApplyOrder(list->as_array(), *order, MergeKeyFor(path));
      path.pop_back();
    }
  }
  if (retain) {
    json::object kept;
    for (const auto& kv : out) {
      if (std::find(retain->begin(), retain->end(), json::value(kv.key())) != retain->end()) {
        kept[kv.key()] = kv.value();
      }
    }
    out = std::move(kept);
  }
  return out;
}

}  // namespace

json::value StrategicMergePatch(const json::value& target, const json::value& patch) {
  if (!patch.is_object()) throw PatchError{400, "a strategic merge patch must be a JSON object"};
  std::vector<std::string> path;
  return MergeValue(&target, patch, path);
}

}  // namespace slipway::connectors::kube
