#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::cli {

// Human-readable renderings of the API's objects for `-o table`. Each takes
// the JSON the server answered and tolerates missing fields (shown as "-").

std::string RenderAppList(const boost::json::value& list);
/// Basic info, details, missing fields, members, allowed actions and the
/// reasons the other actions are refused.
std::string RenderApp(const boost::json::value& app);
std::string RenderMembers(const boost::json::value& list);
std::string RenderTokenList(const boost::json::value& list);
/// A newly created token, including its secret (shown only this once).
std::string RenderNewToken(const boost::json::value& token);
std::string RenderUserList(const boost::json::value& list);
std::string RenderUser(const boost::json::value& user);
/// The operation log, newest first: id, time, actor, action, object (type:id), result, summary.
std::string RenderAuditList(const boost::json::value& list);

}  // namespace slipway::cli
