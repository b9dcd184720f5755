#include "connectors/apollo/branch_cluster.hpp"

#include <map>

namespace slipway::connectors::apollo {

core::Status BranchCluster(ApolloPortal& portal, const BranchRequest& request) {
  auto created =
      portal.CreateCluster(request.env, request.app_id, request.to, request.operator_name);
  if (!created.ok() && created.error().code != core::Code::kConflict) return created.error();

  auto namespaces = portal.ListNamespaces(request.env, request.app_id, request.from);
  if (!namespaces.ok()) return namespaces.error();
  for (const auto& source : *namespaces) {
    ApolloNamespaceRef from{request.env, request.app_id, request.from, source.name};
    ApolloNamespaceRef to{request.env, request.app_id, request.to, source.name};
    auto latest = portal.LatestRelease(from);
    if (!latest.ok()) return latest.error();
    // Live values are the released ones; comments only exist on working items.
    std::map<std::string, std::string> values;
    if (*latest) {
      values = (*latest)->configurations;
    } else {
      for (const auto& item : source.items) values[item.key] = item.value;
    }
    std::map<std::string, std::string> comments;
    for (const auto& item : source.items) comments[item.key] = item.comment;
    for (const auto& [key, value] : values) {
      ApolloItem item;
      item.key = key;
      item.value = request.rewrite ? request.rewrite(key, value) : value;
      item.comment = comments[key];
      auto updated = portal.UpdateItem(to, item, request.operator_name, true);
      if (!updated.ok()) return updated.error();
    }
    auto released = portal.Publish(to, request.release_title, "branched from " + request.from,
                                   request.operator_name);
    if (!released.ok()) return released.error();
  }
  return core::Ok{};
}

}  // namespace slipway::connectors::apollo
