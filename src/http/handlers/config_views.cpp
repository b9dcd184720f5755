#include "http/handlers/config_views.hpp"

#include <boost/json.hpp>

#include "http/api_support.hpp"

namespace slipway::http {

boost::json::object ConfigDraftJson(const store::ConfigDraft& d, bool content) {
  boost::json::object out{{"file", d.file_name},        {"env_id", d.env_id},
                          {"version", d.version},       {"base_version", d.base_version},
                          {"created_by", d.created_by}, {"created_at", TimeJson(d.created_at)},
                          {"updated_by", d.updated_by}, {"updated_at", TimeJson(d.updated_at)}};
  if (content) {
    out["content"] = d.content;
    out["base_content"] = d.base_content;
  }
  return out;
}

boost::json::object ConfigFileJson(const services::ConfigFileView& v, bool content) {
  boost::json::object live{{"exists", v.live.exists}, {"version", v.live.version}};
  if (content) live["content"] = v.live.content;
  return {{"name", v.name},
          {"env_id", v.env_id},
          {"format", core::ConfigFormatName(v.format)},
          {"backend", core::ConfigBackendName(v.backend)},
          {"location", v.location},
          {"live", std::move(live)},
          {"draft", v.draft ? boost::json::value(ConfigDraftJson(*v.draft, content))
                            : boost::json::value(nullptr)}};
}

boost::json::object ConfigPublishJson(const store::ConfigPublish& p, bool content) {
  boost::system::error_code ec;
  auto diff = boost::json::parse(p.diff, ec);
  boost::json::object out{{"id", p.id},
                          {"env_id", p.env_id},
                          {"app_id", p.app_id},
                          {"file", p.file_name},
                          {"format", p.format},
                          {"backend", p.backend},
                          {"location", p.location},
                          {"actor", p.actor},
                          {"comment", p.comment},
                          {"base_version", p.base_version},
                          {"version_after", p.version_after},
                          // A deletion leaves no version: the file is gone after it.
                          {"action", p.version_after == 0 ? "delete" : "publish"},
                          {"written", p.written},
                          {"created_at", TimeJson(p.created_at)},
                          {"diff", ec ? boost::json::value(nullptr) : std::move(diff)}};
  if (content) out["content"] = p.content;
  return out;
}

}  // namespace slipway::http
