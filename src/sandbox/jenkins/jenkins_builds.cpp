// Queue items and builds of JenkinsEmulator: buildWithParameters, queue
// API and cancelItem, build JSON, console text, stop.
#include <boost/json.hpp>

#include "connectors/jenkins/client.hpp"
#include "sandbox/jenkins/jenkins_emulator.hpp"
#include "sandbox/jenkins/jenkins_util.hpp"

namespace slipway::sandbox::jenkins {

namespace {

constexpr std::int64_t kLeftItemKeptMs = 5 * 60 * 1000;
constexpr std::string_view kRunClass = "org.jenkinsci.plugins.workflow.job.WorkflowRun";

std::string BuildUrl(const std::string& origin, const std::string& path, std::int64_t number) {
  return origin + connectors::jenkins::JobPath(path) + "/" + std::to_string(number) + "/";
}

boost::json::array Actions(const std::map<std::string, std::string>& parameters,
                           const std::string& user) {
  boost::json::array values;
  for (const auto& [k, v] : parameters) {
    values.push_back(boost::json::object{
        {"_class", "hudson.model.StringParameterValue"}, {"name", k}, {"value", v}});
  }
  boost::json::array actions;
  if (!values.empty()) {
    actions.push_back(
        boost::json::object{{"_class", "hudson.model.ParametersAction"}, {"parameters", values}});
  }
  actions.push_back(boost::json::object{
      {"_class", "hudson.model.CauseAction"},
      {"causes",
       boost::json::array{boost::json::object{{"_class", "hudson.model.Cause$UserIdCause"},
                                              {"shortDescription", "Started by user " + user},
                                              {"userId", user},
                                              {"userName", user}}}}});
  actions.push_back(boost::json::object{});  // actions without exported data, as Jenkins lists them
  return actions;
}

}  // namespace

http::Response JenkinsEmulator::Trigger(http::Request& request, const std::string& path,
                                        bool with_parameters, const std::string& user) {
  auto given = FormParameters(request);
  std::lock_guard lock(mutex_);
  auto it = items_.find(path);
  if (it == items_.end() || it->second.folder) return HtmlError(404, "Not Found");
  const Item& item = it->second;
  if (item.disabled) return HtmlError(409, path + " is not buildable");
  if (with_parameters && item.parameters.empty())
    return HtmlError(400, path + " is not parameterized");
  std::map<std::string, std::string> values;
  for (const auto& def : item.parameters) {  // parameters the job does not define are dropped
    values[def.name] = def.default_value;
    for (const auto& [k, v] : given) {
      if (k == def.name) values[def.name] = v;
    }
  }
  std::int64_t delay_ms = options_.quiet_period_ms;
  for (const auto& [k, v] : given) {
    if (k == "delay") delay_ms = std::atoll(v.c_str()) * 1000;  // "5sec"
  }
  std::string origin = Origin(request);
  for (const auto& [id, q] : queue_) {
    if (q.job == path && !q.cancelled && !q.build && q.parameters == values) {
      return Redirect(
          303, origin + "/queue/item/" + std::to_string(id) + "/");  // merged into the waiting item
    }
  }
  std::int64_t id = next_queue_id_++;
  std::int64_t now = NowMs();
  queue_[id] = QueueEntry{id, path, values, user, now, now + delay_ms, false, std::nullopt, 0};
  auto r = Redirect(201, origin + "/queue/item/" + std::to_string(id) + "/");
  return r;
}

boost::json::object JenkinsEmulator::QueueJson(const QueueEntry& q, const std::string& host) const {
  std::int64_t now = NowMs();
  bool left = q.cancelled || q.build.has_value();
  std::string kind = left ? "LeftItem" : now < q.start_at_ms ? "WaitingItem" : "BuildableItem";
  std::string params;
  for (const auto& [k, v] : q.parameters) params += "\n" + k + "=" + v;
  boost::json::value why = nullptr;
  if (kind == "WaitingItem") {
    why =
        "In the quiet period. Expires in " + std::to_string((q.start_at_ms - now) / 1000) + " sec";
  } else if (kind == "BuildableItem") {
    why = "Waiting for next available executor";
  }
  boost::json::value task = nullptr;
  if (auto it = items_.find(q.job); it != items_.end()) task = JobSummary(q.job, it->second, host);
  boost::json::object o{{"_class", "hudson.model.Queue$" + kind},
                        {"id", q.id},
                        {"url", "queue/item/" + std::to_string(q.id) + "/"},
                        {"blocked", false},
                        {"buildable", kind == "BuildableItem"},
                        {"stuck", false},
                        {"inQueueSince", q.since_ms},
                        {"params", params},
                        {"why", why},
                        {"task", task},
                        {"actions", Actions(q.parameters, q.user)},
                        {"timestamp", q.start_at_ms}};
  if (left) {
    o["cancelled"] = q.cancelled;
    o["executable"] =
        q.build ? boost::json::value(boost::json::object{{"_class", kRunClass},
                                                         {"number", *q.build},
                                                         {"url", BuildUrl(host, q.job, *q.build)}})
                : boost::json::value(nullptr);
  }
  return o;
}

http::Response JenkinsEmulator::QueueRequest(http::Request& request, const std::string& rest) {
  std::lock_guard lock(mutex_);
  std::int64_t now = NowMs();
  auto find = [&](std::int64_t id) -> QueueEntry* {
    auto it = queue_.find(id);
    if (it == queue_.end()) return nullptr;
    if (it->second.left_ms != 0 && now - it->second.left_ms > kLeftItemKeptMs) return nullptr;
    return &it->second;
  };
  if (rest == "/cancelItem") {
    if (request.method != "POST") return HtmlError(405, "Method Not Allowed");
    QueueEntry* q = find(std::atoll(request.Query("id").value_or("0").c_str()));
    if (!q) return HtmlError(404, "Not Found");
    if (q->cancelled || q->build) return HtmlError(422, "Queue item is no longer in the queue");
    q->cancelled = true;
    q->left_ms = now;
    return http::Response::NoContent();
  }
  // /item/<id>/api/json
  if (rest.starts_with("/item/") && (rest.ends_with("/api/json") || rest.ends_with("/api/json/"))) {
    QueueEntry* q = find(std::atoll(rest.c_str() + 6));
    if (!q) return HtmlError(404, "Not Found");
    return http::Response::Json(200, QueueJson(*q, Origin(request)));
  }
  return HtmlError(404, "Not Found");
}

boost::json::object JenkinsEmulator::BuildJson(const std::string& path, const Build& b,
                                               const std::string& host) const {
  std::string leaf = path.substr(path.rfind('/') + 1);
  std::string full_display;
  for (char c : path) full_display += c == '/' ? std::string(" \u00bb ") : std::string(1, c);
  return {{"_class", kRunClass},
          {"number", b.number},
          {"id", std::to_string(b.number)},
          {"displayName", "#" + std::to_string(b.number)},
          {"fullDisplayName", full_display + " #" + std::to_string(b.number)},
          {"url", BuildUrl(host, path, b.number)},
          {"queueId", b.queue_id},
          {"building", b.building},
          {"inProgress", b.building},
          {"result", b.result.empty() ? boost::json::value(nullptr) : boost::json::value(b.result)},
          {"timestamp", b.timestamp_ms},
          {"duration", b.duration_ms},
          {"estimatedDuration", 1000},
          {"description", nullptr},
          {"keepLog", false},
          {"actions", Actions(b.parameters, b.user)},
          {"changeSets", boost::json::array{}}};
}

http::Response JenkinsEmulator::BuildRequest(http::Request& request, const std::string& path,
                                             Item& item, const std::string& rest) {
  // rest = "/<number or lastBuild…>/<sub>"
  std::string_view tail = std::string_view(rest).substr(1);
  std::string which(tail.substr(0, tail.find('/')));
  std::string sub =
      tail.find('/') == std::string_view::npos ? "" : std::string(tail.substr(tail.find('/')));
  std::shared_ptr<Build> build;
  for (auto it = item.builds.rbegin(); it != item.builds.rend() && !build; ++it) {
    const Build& b = *it->second;
    if (which == std::to_string(b.number) || which == "lastBuild" ||
        (which == "lastCompletedBuild" && !b.building) ||
        (which == "lastSuccessfulBuild" && b.result == "SUCCESS") ||
        (which == "lastFailedBuild" && b.result == "FAILURE")) {
      build = it->second;
    }
  }
  if (!build) return HtmlError(404, "Not Found");
  const Build& b = *build;
  if (sub == "/api/json" || sub == "/api/json/")
    return http::Response::Json(200, BuildJson(path, b, Origin(request)));
  if (sub == "/consoleText") return http::Response::Text(200, b.log);
  if (sub == "/logText/progressiveText") {
    long long start = std::atoll(request.Query("start").value_or("0").c_str());
    if (start < 0 || start > static_cast<long long>(b.log.size()))
      start = 0;  // Jenkins restarts from 0
    auto r = http::Response::Text(200, b.log.substr(static_cast<std::size_t>(start)));
    r.headers.emplace_back("X-Text-Size", std::to_string(b.log.size()));
    if (b.building) r.headers.emplace_back("X-More-Data", "true");
    return r;
  }
  if (sub == "/stop" || sub == "/term" || sub == "/kill") {
    if (request.method != "POST") return HtmlError(405, "Method Not Allowed");
    build->abort = true;  // the build's thread notices at its next step
    return Redirect(302, BuildUrl(Origin(request), path, b.number));
  }
  if (sub.empty() || sub == "/") {
    return http::Response::Text(
        200, "<html><body><h1>" + path + " #" + std::to_string(b.number) + "</h1></body></html>",
        "text/html;charset=utf-8");
  }
  return HtmlError(404, "Not Found");
}

}  // namespace slipway::sandbox::jenkins
