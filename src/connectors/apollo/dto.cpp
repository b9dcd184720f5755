#include "connectors/apollo/dto.hpp"

#include <boost/json.hpp>

namespace slipway::connectors::apollo {

std::string Str(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

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
  return {Str(o, "key"),
          Str(o, "value"),
          Str(o, "comment"),
          Str(o, "dataChangeCreatedBy"),
          Str(o, "dataChangeLastModifiedBy"),
          Str(o, "dataChangeCreatedTime"),
          Str(o, "dataChangeLastModifiedTime")};
}

boost::json::object ClusterToJson(const ApolloCluster& cluster) {
  return {{"name", cluster.name},
          {"appId", cluster.app_id},
          {"dataChangeCreatedBy", cluster.created_by}};
}

ApolloCluster ClusterFromJson(const boost::json::object& o) {
  return {Str(o, "name"), Str(o, "appId"), Str(o, "dataChangeCreatedBy")};
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
  ns.app_id = Str(o, "appId");
  ns.cluster = Str(o, "clusterName");
  ns.name = Str(o, "namespaceName");
  ns.comment = Str(o, "comment");
  ns.format = Str(o, "format");
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
  r.app_id = Str(o, "appId");
  r.cluster = Str(o, "clusterName");
  r.namespace_name = Str(o, "namespaceName");
  r.title = Str(o, "name");
  r.comment = Str(o, "comment");
  r.released_by = Str(o, "dataChangeCreatedBy");
  if (const auto* conf = o.if_contains("configurations"); conf && conf->is_object()) {
    for (const auto& [k, v] : conf->as_object()) {
      r.configurations[std::string(k)] =
          v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
    }
  }
  return r;
}

}  // namespace slipway::connectors::apollo
