#include "connectors/apollo/dto.hpp"

#include <boost/json.hpp>

#include "core/common/json_path.hpp"

namespace slipway::connectors::apollo {

boost::json::object ItemToJson(const ApolloItem& item) {
  return {{"key", item.key},
          {"value", item.value},
          {"comment", item.comment},
          {"dataChangeCreatedBy", item.created_by},
          {"dataChangeLastModifiedBy", item.modified_by},
          {"dataChangeCreatedTime", item.created_time},
          {"dataChangeLastModifiedTime", item.modified_time}};
}

ApolloItem ItemFromJson(const boost::json::object& o) {
  return {core::StringAt(o, {"key"}),
          core::StringAt(o, {"value"}),
          core::StringAt(o, {"comment"}),
          core::StringAt(o, {"dataChangeCreatedBy"}),
          core::StringAt(o, {"dataChangeLastModifiedBy"}),
          core::StringAt(o, {"dataChangeCreatedTime"}),
          core::StringAt(o, {"dataChangeLastModifiedTime"})};
}

boost::json::object ClusterToJson(const ApolloCluster& cluster) {
  return {{"name", cluster.name},
          {"appId", cluster.app_id},
          {"dataChangeCreatedBy", cluster.created_by}};
}

ApolloCluster ClusterFromJson(const boost::json::object& o) {
  return {core::StringAt(o, {"name"}), core::StringAt(o, {"appId"}),
          core::StringAt(o, {"dataChangeCreatedBy"})};
}

boost::json::object NamespaceToJson(const ApolloNamespace& ns) {
  boost::json::array items;
  for (const auto& i : ns.items) items.push_back(ItemToJson(i));
  return {{"appId", ns.app_id},       {"clusterName", ns.cluster}, {"namespaceName", ns.name},
          {"comment", ns.comment},    {"format", ns.format},       {"isPublic", ns.is_public},
          {"items", std::move(items)}};
}

ApolloNamespace NamespaceFromJson(const boost::json::object& o) {
  ApolloNamespace ns;
  ns.app_id = core::StringAt(o, {"appId"});
  ns.cluster = core::StringAt(o, {"clusterName"});
  ns.name = core::StringAt(o, {"namespaceName"});
  ns.comment = core::StringAt(o, {"comment"});
  ns.format = core::StringAt(o, {"format"});
  if (const auto* p = o.if_contains("isPublic"); p && p->is_bool()) ns.is_public = p->as_bool();
  if (const auto* items = o.if_contains("items"); items && items->is_array()) {
    for (const auto& i : items->as_array()) {
      if (i.is_object()) ns.items.push_back(ItemFromJson(i.as_object()));
    }
  }
  return ns;
}

boost::json::object ReleaseToJson(const ApolloRelease& r) {
  boost::json::object conf;
  for (const auto& [k, v] : r.configurations) conf[k] = v;
  return {{"id", r.id},
          {"appId", r.app_id},
          {"clusterName", r.cluster},
          {"namespaceName", r.namespace_name},
          {"name", r.title},
          {"configurations", std::move(conf)},
          {"comment", r.comment},
          {"dataChangeCreatedBy", r.released_by},
          {"dataChangeLastModifiedBy", r.released_by}};
}

ApolloRelease ReleaseFromJson(const boost::json::object& o) {
  ApolloRelease r;
  if (const auto* id = o.if_contains("id"); id && id->is_number())
    r.id = id->to_number<std::int64_t>();
  r.app_id = core::StringAt(o, {"appId"});
  r.cluster = core::StringAt(o, {"clusterName"});
  r.namespace_name = core::StringAt(o, {"namespaceName"});
  r.title = core::StringAt(o, {"name"});
  r.comment = core::StringAt(o, {"comment"});
  r.released_by = core::StringAt(o, {"dataChangeCreatedBy"});
  if (const auto* conf = o.if_contains("configurations"); conf && conf->is_object()) {
    for (const auto& [k, v] : conf->as_object()) {
      r.configurations[std::string(k)] =
          v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
    }
  }
  return r;
}

}  // namespace slipway::connectors::apollo
