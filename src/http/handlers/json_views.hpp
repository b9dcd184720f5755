#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "services/apps/app_service.hpp"
#include "store/audit_repository.hpp"
#include "store/user_repository.hpp"

namespace slipway::http {

/// The API shows a value that is not there as null: an empty optional…
template <class T>
boost::json::value OrNull(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}
/// …or an empty text.
inline boost::json::value OrNull(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

boost::json::object UserJson(const store::UserRecord& user);
boost::json::object TokenJson(const store::TokenRecord& token);
boost::json::object AuditJson(const store::AuditRecord& record);
boost::json::object AppJson(const services::AppView& view);
boost::json::array MembersJson(const std::vector<store::Member>& members);

}  // namespace slipway::http
