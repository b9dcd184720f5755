#pragma once
#include <boost/json/object.hpp>

#include "services/apps/app_service.hpp"
#include "store/audit_repository.hpp"
#include "store/user_repository.hpp"

namespace slipway::http {

boost::json::object UserJson(const store::UserRecord& user);
boost::json::object TokenJson(const store::TokenRecord& token);
boost::json::object AuditJson(const store::AuditRecord& record);
boost::json::object AppJson(const services::AppView& view);
boost::json::array MembersJson(const std::vector<store::Member>& members);

}  // namespace slipway::http
