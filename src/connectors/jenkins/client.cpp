#include "connectors/jenkins/client.hpp"

#include <boost/json.hpp>

#include "connectors/jenkins/answer_headers.hpp"
#include "core/common/ascii_text.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors::jenkins {

namespace {

constexpr std::string_view kSystem = "jenkins";

core::Result<boost::json::object> ParseObject(const std::string& body, std::string_view what) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object()) {
    return core::Error{
        core::Code::kTransient, "jenkins: " + std::string(what) + ": answer is not JSON", {}};
  }
  return std::move(v.as_object());
}

std::pair<std::string, std::string> SplitParent(std::string_view path) {
  auto slash = path.rfind('/');
  if (slash == std::string_view::npos) return {"", std::string(path)};
  return {JobPath(path.substr(0, slash)), std::string(path.substr(slash + 1))};
}

std::string ValueText(const boost::json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
}

bool Ok(long status) {
  return status == 200 || status == 201 || status == 204 || status == 302 || status == 303;
}

}  // namespace

std::string JobPath(std::string_view path) {
  std::string out;
  while (!path.empty()) {
    auto slash = path.find('/');
    std::string_view name = path.substr(0, slash);
    if (!name.empty()) out += "/job/" + UrlEncode(name);
    path.remove_prefix(slash == std::string_view::npos ? path.size() : slash + 1);
  }
  return out;
}

core::Error JenkinsError(const TransportResponse& response, std::string_view what) {
  std::string message = response.Header("X-Error").value_or("");
  const std::string& body = response.body;
  if (message.empty()) {
    auto open = body.find("<title>");
    auto close = body.find("</title>");
    if (open != std::string::npos && close != std::string::npos && close > open) {
      message = body.substr(open + 7, close - open - 7);
    } else if (!body.empty() && body.size() < 300 && body.find('<') == std::string::npos) {
      message = body;
    } else {
      message = "HTTP " + std::to_string(response.status);
    }
  }
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  auto error = ErrorFromResponse(kSystem, response, std::string(what) + ": " + message);
  if (response.status == 422)
    error.code = core::Code::kConflict;  // e.g. a queue item no longer cancellable
  return error;
}

JenkinsClient::JenkinsClient(JenkinsSettings settings)
    : transport_(std::move(settings.transport)), use_crumb_(settings.use_crumb) {}

core::Result<std::optional<JenkinsClient::Crumb>> JenkinsClient::GetCrumb(bool renew) {
  std::lock_guard lock(mutex_);
  if (crumb_ && !renew) return *crumb_;
  auto response = transport_.Send({.path = "/crumbIssuer/api/json"});
  if (!response.ok()) return response.error();
  if (response->status == 404) {  // CSRF protection is off
    crumb_ = std::optional<Crumb>();
    return *crumb_;
  }
  if (response->status != 200) return JenkinsError(*response, "crumb");
  auto o = ParseObject(response->body, "crumb");
  if (!o.ok()) return o.error();
  Crumb crumb{core::StringAt(*o, {"crumbRequestField"}), core::StringAt(*o, {"crumb"}), ""};
  for (const auto& [name, value] : response->headers) {
    if (core::EqualsIgnoreCase(name, "set-cookie") && value.starts_with("JSESSIONID")) {
      crumb.cookie = value.substr(0, value.find(';'));
    }
  }
  if (crumb.field.empty()) crumb.field = "Jenkins-Crumb";
  crumb_ = crumb;
  return *crumb_;
}

core::Result<TransportResponse> JenkinsClient::Post(const std::string& path,
                                                    std::optional<std::string> body,
                                                    std::string content_type) {
  for (int attempt = 0;; ++attempt) {
    TransportRequest request{
        .method = "POST", .path = path, .body = body, .headers = {{"Content-Type", content_type}}};
    if (use_crumb_) {
      auto crumb = GetCrumb(attempt > 0);
      if (!crumb.ok()) return crumb.error();
      if (*crumb) {
        request.headers.emplace_back((*crumb)->field, (*crumb)->value);
        if (!(*crumb)->cookie.empty()) request.headers.emplace_back("Cookie", (*crumb)->cookie);
      }
    }
    auto response = transport_.Send(request);
    // Jenkins refused the request before acting on it: safe to repeat once.
    bool bad_crumb = response.ok() && response->status == 403 &&
                     response->body.find("No valid crumb") != std::string::npos;
    if (!bad_crumb || attempt > 0 || !use_crumb_) return response;
  }
}

core::Status JenkinsClient::CreateFolder(std::string_view path) {
  auto [parent, name] = SplitParent(path);
  auto response = Post(parent + "/createItem?name=" + UrlEncode(name) +
                           "&mode=com.cloudbees.hudson.plugins.folder.Folder",
                       std::string());
  if (!response.ok()) return response.error();
  if (!Ok(response->status)) return JenkinsError(*response, "create folder " + std::string(path));
  return core::Ok{};
}

core::Status JenkinsClient::CreateJob(std::string_view path, std::string_view config_xml) {
  auto [parent, name] = SplitParent(path);
  auto response = Post(parent + "/createItem?name=" + UrlEncode(name), std::string(config_xml),
                       "application/xml");
  if (!response.ok()) return response.error();
  if (!Ok(response->status)) return JenkinsError(*response, "create job " + std::string(path));
  return core::Ok{};
}

core::Result<JenkinsItem> JenkinsClient::GetItem(std::string_view path) {
  std::string what = "item " + std::string(path);
  auto response = transport_.Send({.path = JobPath(path) + "/api/json"});
  if (!response.ok()) return response.error();
  if (response->status != 200) return JenkinsError(*response, what);
  auto o = ParseObject(response->body, what);
  if (!o.ok()) return o.error();
  JenkinsItem item;
  item.path = std::string(path);
  item.url = core::StringAt(*o, {"url"});
  item.is_folder = core::StringAt(*o, {"_class"}).find("Folder") != std::string::npos;
  item.buildable = core::BoolAt(*o, {"buildable"});
  if (const auto* jobs = o->if_contains("jobs"); jobs && jobs->is_array()) {
    for (const auto& j : jobs->as_array()) {
      if (j.is_object()) item.children.push_back(core::StringAt(j.as_object(), {"name"}));
    }
  }
  if (const auto* last = o->if_contains("lastBuild"); last && last->is_object()) {
    item.last_build = core::IntAt(last->as_object(), {"number"});
  }
  if (const auto* props = o->if_contains("property"); props && props->is_array()) {
    for (const auto& p : props->as_array()) {
      const auto* defs =
          p.is_object() ? p.as_object().if_contains("parameterDefinitions") : nullptr;
      if (!defs || !defs->is_array()) continue;
      for (const auto& d : defs->as_array()) {
        if (!d.is_object()) continue;
        JenkinsParameter param{core::StringAt(d.as_object(), {"name"}), ""};
        if (const auto* dv = d.as_object().if_contains("defaultParameterValue");
            dv && dv->is_object()) {
          if (const auto* v = dv->as_object().if_contains("value"); v && !v->is_null())
            param.default_value = ValueText(*v);
        }
        item.parameters.push_back(std::move(param));
      }
    }
  }
  return item;
}

core::Result<std::string> JenkinsClient::GetJobConfig(std::string_view path) {
  auto response = transport_.Send({.path = JobPath(path) + "/config.xml"});
  if (!response.ok()) return response.error();
  if (response->status != 200) return JenkinsError(*response, "config of " + std::string(path));
  return std::move(response->body);
}

core::Status JenkinsClient::DeleteItem(std::string_view path) {
  auto response = Post(JobPath(path) + "/doDelete");
  if (!response.ok()) return response.error();
  if (!Ok(response->status)) return JenkinsError(*response, "delete " + std::string(path));
  return core::Ok{};
}

core::Result<std::int64_t> JenkinsClient::TriggerBuild(
    std::string_view path, const std::map<std::string, std::string>& parameters,
    int quiet_period_s) {
  std::string query;
  for (const auto& [k, v] : parameters)
    query += (query.empty() ? "?" : "&") + UrlEncode(k) + "=" + UrlEncode(v);
  if (quiet_period_s >= 0)
    query += (query.empty() ? "?" : "&") + std::string("delay=") + std::to_string(quiet_period_s) +
             "sec";
  std::string what = "trigger " + std::string(path);
  auto response = Post(JobPath(path) + "/buildWithParameters" + query);
  if (!response.ok()) return response.error();
  if (response->status == 400 && parameters.empty() &&
      JenkinsError(*response, "").message.find("not parameterized") != std::string::npos) {
    response = Post(JobPath(path) + "/build" + query);  // a job without parameters
    if (!response.ok()) return response.error();
  }
  if (response->status != 201 && response->status != 303) return JenkinsError(*response, what);
  std::string location = response->Header("Location").value_or("");
  auto queue_item = QueueItemOfLocation(location);
  if (!queue_item) {
    return core::Error{core::Code::kTransient,
                       "jenkins: " + what + ": no queue item in Location '" + location + "'",
                       {}};
  }
  return *queue_item;
}

core::Result<JenkinsQueueItem> JenkinsClient::GetQueueItem(std::int64_t id) {
  std::string what = "queue item " + std::to_string(id);
  auto response = transport_.Send({.path = "/queue/item/" + std::to_string(id) + "/api/json"});
  if (!response.ok()) return response.error();
  if (response->status != 200) return JenkinsError(*response, what);
  auto o = ParseObject(response->body, what);
  if (!o.ok()) return o.error();
  JenkinsQueueItem item;
  item.id = core::IntAt(*o, {"id"});
  item.left = core::StringAt(*o, {"_class"}).ends_with("$LeftItem");
  item.cancelled = core::BoolAt(*o, {"cancelled"});
  item.why = core::StringAt(*o, {"why"});
  if (const auto* e = o->if_contains("executable"); e && e->is_object())
    item.build_number = core::IntAt(e->as_object(), {"number"});
  return item;
}

core::Status JenkinsClient::CancelQueueItem(std::int64_t id) {
  auto response = Post("/queue/cancelItem?id=" + std::to_string(id));
  if (!response.ok()) return response.error();
  if (!Ok(response->status))
    return JenkinsError(*response, "cancel queue item " + std::to_string(id));
  return core::Ok{};
}

core::Result<JenkinsBuild> JenkinsClient::GetBuild(std::string_view path, std::int64_t number) {
  std::string what = "build " + std::string(path) + " #" + std::to_string(number);
  auto response =
      transport_.Send({.path = JobPath(path) + "/" + std::to_string(number) + "/api/json"});
  if (!response.ok()) return response.error();
  if (response->status != 200) return JenkinsError(*response, what);
  auto o = ParseObject(response->body, what);
  if (!o.ok()) return o.error();
  JenkinsBuild build;
  build.number = core::IntAt(*o, {"number"});
  build.building = core::BoolAt(*o, {"building"});
  if (auto r = core::StringAt(*o, {"result"}); !r.empty()) build.result = r;
  build.timestamp_ms = core::IntAt(*o, {"timestamp"});
  build.duration_ms = core::IntAt(*o, {"duration"});
  if (const auto* q = o->if_contains("queueId"); q && q->is_int64()) build.queue_id = q->as_int64();
  if (const auto* actions = o->if_contains("actions"); actions && actions->is_array()) {
    for (const auto& a : actions->as_array()) {
      const auto* params = a.is_object() ? a.as_object().if_contains("parameters") : nullptr;
      if (!params || !params->is_array()) continue;  // actions without exported data are {}
      for (const auto& p : params->as_array()) {
        if (!p.is_object()) continue;
        const auto* v = p.as_object().if_contains("value");
        build.parameters[core::StringAt(p.as_object(), {"name"})] =
            v && !v->is_null() ? ValueText(*v) : "";
      }
    }
  }
  return build;
}

core::Result<JenkinsConsoleChunk> JenkinsClient::ReadConsole(std::string_view path,
                                                             std::int64_t number,
                                                             std::int64_t start) {
  auto response =
      transport_.Send({.path = JobPath(path) + "/" + std::to_string(number) +
                               "/logText/progressiveText?start=" + std::to_string(start)});
  if (!response.ok()) return response.error();
  if (response->status != 200) {
    return JenkinsError(*response,
                        "console of " + std::string(path) + " #" + std::to_string(number));
  }
  return ConsoleAnswer(std::move(response->body), response->Header("X-Text-Size"),
                       response->Header("X-More-Data"));
}

core::Status JenkinsClient::StopBuild(std::string_view path, std::int64_t number) {
  auto response = Post(JobPath(path) + "/" + std::to_string(number) + "/stop");
  if (!response.ok()) return response.error();
  if (!Ok(response->status)) {
    return JenkinsError(*response, "stop " + std::string(path) + " #" + std::to_string(number));
  }
  return core::Ok{};
}

}  // namespace slipway::connectors::jenkins
