#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "connectors/apollo.hpp"

namespace slipway::connectors::apollo {

// Apollo's Open API DTOs (OpenItemDTO, OpenClusterDTO, OpenNamespaceDTO,
// OpenReleaseDTO) to and from JSON. Readers are lenient: missing fields stay
// empty, as the portal omits nulls.

boost::json::object ItemToJson(const ApolloItem& item);
ApolloItem ItemFromJson(const boost::json::object& o);
boost::json::object ClusterToJson(const ApolloCluster& cluster);
ApolloCluster ClusterFromJson(const boost::json::object& o);
boost::json::object NamespaceToJson(const ApolloNamespace& ns);
ApolloNamespace NamespaceFromJson(const boost::json::object& o);
boost::json::object ReleaseToJson(const ApolloRelease& release);
ApolloRelease ReleaseFromJson(const boost::json::object& o);

}  // namespace slipway::connectors::apollo
