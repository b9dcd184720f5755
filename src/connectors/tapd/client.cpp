#include "connectors/tapd/client.hpp"

#include <algorithm>
#include <boost/json.hpp>

namespace slipway::connectors::tapd {

namespace {

std::string Field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return "";
  return v->is_string() ? std::string(v->as_string()) : boost::json::serialize(*v);
}

std::vector<std::string> People(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find(';', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) out.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string Info(const boost::json::value& reply) {
  if (!reply.is_object()) return "";
  return Field(reply.as_object(), "info");
}

}  // namespace

bool IsTapdId(std::string_view id) {
  return !id.empty() && id.size() <= 32 &&
         std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string StoryUrl(std::string_view web_url, std::string_view workspace_id,
                     std::string_view story_id) {
  return std::string(web_url) + "/" + std::string(workspace_id) + "/prong/stories/view/" +
         std::string(story_id);
}

TapdClient::TapdClient(TapdSettings settings)
    : settings_(std::move(settings)), transport_(settings_.transport) {
  while (settings_.web_url.ends_with('/')) settings_.web_url.pop_back();
}

core::Result<TapdStory> TapdClient::GetStory(std::string_view workspace_id,
                                             std::string_view story_id) {
  if (!IsTapdId(workspace_id)) return core::Invalid("tapd: workspace id must be decimal digits");
  if (!IsTapdId(story_id)) return core::Invalid("tapd: story id must be decimal digits");
  const std::string what =
      "story " + std::string(story_id) + " of workspace " + std::string(workspace_id);
  auto response = transport_.Send({.path = "/stories?workspace_id=" + std::string(workspace_id) +
                                           "&id=" + std::string(story_id)});
  if (!response.ok()) return response.error();
  boost::system::error_code ec;
  auto reply = boost::json::parse(response->body, ec);
  if (response->status != 200) {
    std::string info = ec ? response->body.substr(0, 300) : Info(reply);
    return ErrorFromResponse(
        "tapd", *response,
        what + ": " + (info.empty() ? "HTTP " + std::to_string(response->status) : info));
  }
  if (ec || !reply.is_object())
    return core::Error{core::Code::kTransient, "tapd: unexpected reply for " + what, {}};
  const auto& envelope = reply.as_object();
  const auto* status = envelope.if_contains("status");
  if (!status || !status->is_number() || status->to_number<std::int64_t>() != 1) {
    return core::Invalid("tapd: " + what + ": " + Info(reply));
  }
  const auto* data = envelope.if_contains("data");
  if (!data || !data->is_array() || data->as_array().empty())
    return core::NotFound("tapd: " + what + " not found");
  for (const auto& item : data->as_array()) {
    const auto* story = item.is_object() ? item.as_object().if_contains("Story") : nullptr;
    if (!story || !story->is_object()) continue;
    const auto& s = story->as_object();
    if (Field(s, "id") != story_id) continue;
    TapdStory out;
    out.id = Field(s, "id");
    out.workspace_id = Field(s, "workspace_id");
    out.name = Field(s, "name");
    out.status = Field(s, "status");
    out.creator = Field(s, "creator");
    out.owners = People(Field(s, "owner"));
    out.created = Field(s, "created");
    out.modified = Field(s, "modified");
    out.url =
        StoryUrl(settings_.web_url,
                 out.workspace_id.empty() ? std::string(workspace_id) : out.workspace_id, out.id);
    return out;
  }
  return core::NotFound("tapd: " + what + " not found");
}

}  // namespace slipway::connectors::tapd
