// Configuration files of an environment (R-CFG-1..2): live values, drafts,
// diffs, publishing, deleting and the publish history.
#include <boost/json.hpp>

#include "core/common/names.hpp"
#include "http/api_support.hpp"
#include "http/handlers/config_input.hpp"
#include "http/handlers/config_views.hpp"
#include "http/handlers/deps.hpp"
#include "services/config/config_diff_view.hpp"

namespace slipway::http {

namespace {

constexpr const char* kFiles = "/api/v1/environments/{id}/config/files";
constexpr const char* kFile = "/api/v1/environments/{id}/config/files/{name}";
constexpr const char* kHistory = "/api/v1/environments/{id}/config/history";

Response History(ApiDeps& deps, Call& call) {
  auto limit = LimitParam(call.request);
  if (!limit.ok()) return ErrorResponse(limit.error());
  std::optional<std::int64_t> before;
  if (auto c = call.request.Query("cursor"); c && !c->empty()) {
    before = core::ParseId(*c);
    if (!before) return ErrorResponse(core::Invalid("cursor is not valid", {{"field", "cursor"}}));
  }
  auto history = deps.config.History(call.context, call.params["id"],
                                     call.request.Query("file").value_or(""), *limit, before);
  return Reply(history, 200, [](const services::ConfigHistory& h) {
    boost::json::array items;
    for (const auto& p : h.items) items.push_back(ConfigPublishJson(p, false));
    return boost::json::object{
        {"items", std::move(items)},
        {"next_cursor", h.next_before ? boost::json::value(std::to_string(*h.next_before))
                                      : boost::json::value(nullptr)}};
  });
}

}  // namespace

void AddConfigRoutes(Router& router, ApiDeps& deps) {
  auto& config = deps.config;
  router.Add("GET", kFiles, Permission::kAppRead, [&config](Call& call) {
    return Reply(
        config.List(call.context, call.params["id"]), 200,
        [](const std::vector<services::ConfigFileView>& files) {
          boost::json::array items;
          for (const auto& f : files) items.push_back(ConfigFileJson(f, false));
          return boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}};
        });
  });

  router.Add("GET", kFile, Permission::kAppRead, [&config](Call& call) {
    return Reply(config.Get(call.context, call.params["id"], call.params["name"]), 200,
                 [](const services::ConfigFileView& v) { return ConfigFileJson(v, true); });
  });

  router.Add("GET", std::string(kFile) + "/draft", Permission::kAppRead, [&config](Call& call) {
    return Reply(config.GetDraft(call.context, call.params["id"], call.params["name"]), 200,
                 [](const store::ConfigDraft& d) { return ConfigDraftJson(d, true); });
  });

  router.Add("PUT", std::string(kFile) + "/draft", Permission::kAppWrite,
             [&config](Call& call, const boost::json::object& body) {
               return Reply(config.SaveDraft(call.context, call.params["id"], call.params["name"],
                                             ParseSaveDraft(body)),
                            200,
                            [](const store::ConfigDraft& d) { return ConfigDraftJson(d, true); });
             });

  router.Add("DELETE", std::string(kFile) + "/draft", Permission::kAppWrite, [&config](Call& call) {
    return Reply(config.DiscardDraft(call.context, call.params["id"], call.params["name"]));
  });

  router.Add("GET", std::string(kFile) + "/diff", Permission::kAppRead, [&config](Call& call) {
    return Reply(config.Diff(call.context, call.params["id"], call.params["name"]), 200,
                 services::ConfigDiffJson);
  });

  router.Add("POST", std::string(kFile) + "/publish", Permission::kAppWrite,
             [&config](Call& call, const boost::json::object& body) {
               return Reply(
                   config.Publish(call.context, call.params["id"], call.params["name"],
                                  ParsePublish(body)),
                   201, [](const store::ConfigPublish& p) { return ConfigPublishJson(p, true); });
             });

  // Deleting a live file: the same right as publishing; answers with the history record.
  router.Add("DELETE", kFile, Permission::kAppWrite,
             [&config](Call& call, const boost::json::object& body) {
               return Reply(
                   config.Delete(call.context, call.params["id"], call.params["name"],
                                 ParseDeleteFile(call.request, body)),
                   200, [](const store::ConfigPublish& p) { return ConfigPublishJson(p, true); });
             });

  router.Add("GET", kHistory, Permission::kAppRead,
             [&deps](Call& call) { return History(deps, call); });

  router.Add(
      "GET", std::string(kHistory) + "/{publish}", Permission::kAppRead, [&config](Call& call) {
        auto id = core::ParseId(call.params["publish"]);
        if (!id) return ErrorResponse(core::NotFound("no publish " + call.params["publish"]));
        return Reply(config.GetPublish(call.context, call.params["id"], *id), 200,
                     [](const store::ConfigPublish& p) { return ConfigPublishJson(p, true); });
      });
}

}  // namespace slipway::http
