#include "cli/app_requests.hpp"

#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

#include "cli/details_notation.hpp"
#include "cli/failure.hpp"
#include "cli/url.hpp"

namespace slipway::cli {

std::string AppListPath(const AppListArgs& args, const std::string& cursor) {
  return WithQuery("/api/v1/apps", {{"status", args.status},
                                    {"type", args.type},
                                    {"level", args.level},
                                    {"team", args.team},
                                    {"owner", args.owner},
                                    {"member", args.member},
                                    {"q", args.q},
                                    {"sort", args.sort},
                                    {"limit", std::to_string(args.limit)},
                                    {"cursor", cursor}});
}

boost::json::object AppRegisterBody(const AppRegisterArgs& args) {
  boost::json::object body{
      {"name", args.name}, {"team", args.team}, {"type", args.type}, {"level", args.level}};
  if (args.description) body["description"] = *args.description;
  if (args.repo_url) body["repo_url"] = *args.repo_url;
  if (args.owner) body["owner"] = *args.owner;
  return body;
}

boost::json::object AppDetailsBody(const AppCompleteArgs& args) {
  boost::json::object body;
  if (args.build_job) body["build_job"] = *args.build_job;
  if (!args.ports.empty()) {
    boost::json::array ports;
    for (const auto& spec : args.ports) ports.push_back(ParsePort(spec));
    body["ports"] = std::move(ports);
  }
  if (args.health_check) body["health_check"] = ParseHealthCheck(*args.health_check);
  if (!args.approvers.empty()) {
    boost::json::array approvers;
    for (const auto& name : args.approvers) approvers.push_back(boost::json::string(name));
    body["approvers"] = std::move(approvers);
  }
  if (args.vendor_image) body["vendor_image"] = *args.vendor_image;
  if (!args.business_domains.empty()) {
    body["business_domains"] = boost::json::value_from(args.business_domains);
  }
  if (body.empty()) {
    throw UsageFailure(
        "nothing to complete: give --build-job, --port, --health-check, --approver, "
        "--vendor-image or --business-domain");
  }
  return body;
}

std::string AppPath(const std::string& id_or_name, const std::string& suffix) {
  return "/api/v1/apps/" + PercentEncode(id_or_name) + suffix;
}

}  // namespace slipway::cli
