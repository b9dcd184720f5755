#include "http/handlers/build_input.hpp"

#include "core/common/field_reader.hpp"
#include "core/common/git_branch.hpp"
#include "core/common/names.hpp"

namespace slipway::http {

core::Result<services::StartBuildCommand> ParseStartBuild(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"env_id", "branch", "version", "note"});
  services::StartBuildCommand out;
  out.env_id = in.Int("env_id", 1, INT64_MAX);
  auto branch = in.String("branch", 255, true);
  auto version = in.String("version", 128, true);
  out.note = in.Text("note", 1000).value_or("");
  if (!in.ok()) return in.error();
  if (auto rule = core::CheckGitBranch(*branch)) in.Fail("branch", *rule);
  if (auto rule = core::CheckImageTag(*version)) in.Fail("version", *rule);
  if (!in.ok()) return in.error();
  out.branch = std::move(*branch);
  out.version = std::move(*version);
  return out;
}

}  // namespace slipway::http
