#include "http/handlers/release_input.hpp"

#include <boost/json.hpp>

#include "core/common/field_reader.hpp"

namespace slipway::http {

core::Result<services::RollbackRequest> ParseRollbackRequest(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"image", "baseline_version", "scope", "plan_token"});
  services::RollbackRequest request;
  request.image = in.String("image", 512);
  request.baseline_version = in.Int("baseline_version", 1, INT64_MAX);
  auto scope = in.String("scope", 16);
  // A token lists a version per file: room for a few hundred files.
  request.plan_token = in.String("plan_token", 64 * 1024);
  if (!in.ok()) return in.error();
  if (scope) {
    auto parsed = services::ParseRollbackScope(*scope);
    if (!parsed) return core::Invalid("scope must be all, image or config", {{"field", "scope"}});
    request.scope = *parsed;
  }
  return request;
}

}  // namespace slipway::http
