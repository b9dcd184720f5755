#include "http/handlers/config_input.hpp"

#include "core/common/field_reader.hpp"
#include "core/common/names.hpp"

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

core::Result<services::DeleteFileCommand> ParseDeleteFile(const Request& request,
                                                          const boost::json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"version", "comment"});
  auto version = in.Int("version", 1, INT64_MAX);
  auto comment = in.Text("comment", services::kMaxPublishComment).value_or("");
  if (!in.ok()) return in.error();
  if (auto query = request.Query("version")) {
    auto parsed = core::ParseId(*query);
    if (!parsed || *parsed < 1) {
      return core::Invalid("version must be a positive integer (the live version)",
                           {{"field", "version"}});
    }
    if (version && *version != *parsed) {
      return core::Invalid("version differs between the query and the body",
                           {{"field", "version"}});
    }
    version = parsed;
  }
  return services::DeleteFileCommand{version, comment};
}

}  // namespace slipway::http
