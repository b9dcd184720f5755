#include "http/handlers/config_input.hpp"

#include "core/common/field_reader.hpp"

namespace slipway::http {

core::Result<services::SaveDraftCommand> ParseSaveDraft(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"content", "version", "rebase"});
  auto content = in.Text("content", services::kMaxConfigContentBytes, true);
  auto version = in.Int("version", 1, INT64_MAX);
  bool rebase = in.Bool("rebase").value_or(false);
  if (!in.ok()) return in.error();
  return services::SaveDraftCommand{*content, version, rebase};
}

core::Result<services::PublishCommand> ParsePublish(const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"comment"});
  auto comment = in.Text("comment", services::kMaxPublishComment).value_or("");
  if (!in.ok()) return in.error();
  return services::PublishCommand{comment};
}

}  // namespace slipway::http
