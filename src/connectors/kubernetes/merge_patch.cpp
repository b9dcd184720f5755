#include "connectors/kubernetes/merge_patch.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string_view>

namespace slipway::connectors::kube {

namespace {

/// The merge key of a list field, judged from its name and its elements.
std::string_view MergeKey(std::string_view field, const boost::json::array& elements) {
  if (field == "containers" || field == "initContainers" || field == "ephemeralContainers" ||
      field == "env" || field == "volumes" || field == "imagePullSecrets") {
    return "name";
  }
  if (field == "volumeMounts") return "mountPath";
  if (field == "conditions") return "type";
  if (field == "ports") {
    for (const auto& e : elements) {
      if (e.is_object() && e.as_object().contains("containerPort")) return "containerPort";
    }
    return "port";
  }
  return "";
}

boost::json::value Merge(const boost::json::value& target, const boost::json::value& patch,
                         bool strategic);

boost::json::array MergeList(const boost::json::array& target, const boost::json::array& patch,
                             std::string_view key) {
  boost::json::array out = target;
  for (const auto& p : patch) {
    const auto* po = p.if_object();
    const auto* id = po ? po->if_contains(key) : nullptr;
    if (!id) {
      out.push_back(p);
      continue;
    }
    const auto* directive = po->if_contains("$patch");
    const bool remove = directive && directive->is_string() && directive->as_string() == "delete";
    auto it = std::find_if(out.begin(), out.end(), [&](const boost::json::value& t) {
      const auto* to = t.if_object();
      const auto* tid = to ? to->if_contains(key) : nullptr;
      return tid && *tid == *id;
    });
    if (remove) {
      if (it != out.end()) out.erase(it);
    } else if (it != out.end()) {
      *it = Merge(*it, p, true);
    } else {
      out.push_back(Merge(boost::json::object(), p, true));
    }
  }
  return out;
}

boost::json::value Merge(const boost::json::value& target, const boost::json::value& patch,
                         bool strategic) {
  if (!patch.is_object()) return patch;
  boost::json::object out = target.is_object() ? target.as_object() : boost::json::object();
  for (const auto& [key, value] : patch.as_object()) {
    if (strategic && key.starts_with("$")) continue;  // directives ($patch, $retainKeys, …)
    if (value.is_null()) {
      out.erase(key);
    } else if (strategic && value.is_array() && out.contains(key) && out.at(key).is_array() &&
               !MergeKey(key, value.as_array()).empty()) {
      out[key] =
          MergeList(out.at(key).as_array(), value.as_array(), MergeKey(key, value.as_array()));
    } else if (strategic && value.is_array() && !MergeKey(key, value.as_array()).empty()) {
      out[key] = MergeList(boost::json::array(), value.as_array(), MergeKey(key, value.as_array()));
    } else {
      const auto* existing = out.if_contains(key);
      out[key] = Merge(existing ? *existing : boost::json::value(), value, strategic);
    }
  }
  return out;
}

}  // namespace

boost::json::value MergePatch(const boost::json::value& target, const boost::json::value& patch) {
  return Merge(target, patch, false);
}

boost::json::value StrategicMergePatch(const boost::json::value& target,
                                       const boost::json::value& patch) {
  return Merge(target, patch, true);
}

}  // namespace slipway::connectors::kube
