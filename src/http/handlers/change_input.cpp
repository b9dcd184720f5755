#include "http/handlers/change_input.hpp"

#include "core/common/field_reader.hpp"

namespace slipway::http {

namespace json = boost::json;

namespace {

core::Error FieldError(const std::string& field, const std::string& rule) {
  return core::Invalid(field + " " + rule, {{"field", field}, {"rule", rule}});
}

// `creating` requires env_id and title, an edit its version.
core::Result<services::ChangeFields> ReadFields(const json::object& body, bool creating,
                                                std::optional<std::int64_t>& version) {
  core::FieldReader in(body);
  in.RejectUnknown({"env_id", "title", "description", "build_id", "image", "tag", "version"});
  services::ChangeFields f;
  f.env_id = in.Int("env_id", 1, INT64_MAX, creating);
  f.title = in.String("title", 200, creating);
  f.description = in.Text("description", 4000);
  f.build_id = in.Int("build_id", 1, INT64_MAX);
  f.image = in.String("image", 512, false);
  f.tag = in.String("tag", 128, false);
  version = in.Int("version", 1, INT64_MAX, !creating);
  if (!in.ok()) return in.error();
  if (f.title && f.title->find_first_not_of(" \t\r\n") == std::string::npos) {
    return FieldError("title", "must not be blank");
  }
  if (f.image && f.tag) return FieldError("tag", "cannot be given with image");
  if (f.build_id && (f.image || f.tag))
    return FieldError("build_id", "cannot be given with an image or tag");
  return f;
}

}  // namespace

core::Result<services::CreateChangeCommand> ParseCreateChange(const json::object& body) {
  std::optional<std::int64_t> version;  // read only to be known; a creation has none to check
  auto fields = ReadFields(body, true, version);
  if (!fields.ok()) return fields.error();
  return services::CreateChangeCommand{std::move(*fields)};
}

core::Result<services::EditChangeCommand> ParseEditChange(const json::object& body) {
  std::optional<std::int64_t> version;
  auto fields = ReadFields(body, false, version);
  if (!fields.ok()) return fields.error();
  return services::EditChangeCommand{*version, std::move(*fields)};
}

core::Result<services::ChangeTransitionCommand> ParseChangeTransition(core::ChangeEvent event,
                                                                      const json::object& body) {
  core::FieldReader in(body);
  in.RejectUnknown({"comment", "version"});
  services::ChangeTransitionCommand command;
  command.comment = in.Text("comment", 2000, event == core::ChangeEvent::kReject);
  command.version = in.Int("version", 1, INT64_MAX);
  if (!in.ok()) return in.error();
  return command;
}

}  // namespace slipway::http
