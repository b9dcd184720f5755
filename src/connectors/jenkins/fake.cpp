#include "connectors/jenkins/fake.hpp"

#include "connectors/jenkins/config_xml.hpp"

namespace slipway::connectors::jenkins {

namespace {

std::string Parent(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

std::string Leaf(std::string_view path) { return std::string(path.substr(path.rfind('/') + 1)); }

core::Error NoItem(std::string_view path) {
  return core::NotFound("jenkins: " + std::string(path) + ": Not Found");
}

}  // namespace

FakeJenkins::FakeJenkins() : FakeJenkins(Timing{}) {}
FakeJenkins::FakeJenkins(Timing timing) : timing_(timing) {}

std::optional<core::Error> FakeJenkins::Enter(std::string operation, std::string_view detail) {
  calls_.push_back(operation + " " + std::string(detail));
  for (auto it = failures_.begin(); it != failures_.end(); ++it) {
    if (it->first.empty() || it->first == operation) {
      core::Error e = it->second;
      failures_.erase(it);
      return e;
    }
  }
  Advance();
  return std::nullopt;
}

void FakeJenkins::FailNext(std::string operation, core::Error error) {
  std::lock_guard lock(mutex_);
  failures_.emplace_back(std::move(operation), std::move(error));
}

std::vector<std::string> FakeJenkins::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

void FakeJenkins::ScriptOutcome(std::string path, std::string result,
                                std::vector<std::string> log_lines) {
  std::lock_guard lock(mutex_);
  scripts_[path] = std::make_pair(std::move(result), std::move(log_lines));
}

void FakeJenkins::Advance() {
  auto now = Clock::now();
  for (auto& [id, q] : queue_) {
    if (q.cancelled || q.build || now < q.start_at) continue;
    auto item = items_.find(q.path);
    if (item == items_.end()) {
      q.cancelled = true;  // the job was deleted while waiting
      continue;
    }
    Build b;
    b.number = item->second.next_build++;
    b.queue_id = id;
    b.parameters = q.parameters;
    b.start = q.start_at;
    b.end = b.start + timing_.build_time;
    b.result = "SUCCESS";
    b.lines = {"Started by user fake"};
    if (auto script = scripts_.find(q.path); script != scripts_.end()) {
      b.result = script->second.first;
      for (const auto& l : script->second.second) b.lines.push_back(l);
    } else {
      b.lines.push_back("Building in the fake Jenkins");
    }
    q.build = b.number;
    item->second.builds[b.number] = std::move(b);
  }
}

std::string FakeJenkins::ConsoleText(const Build& b, Clock::time_point now) const {
  auto until = b.stopped ? *b.stopped : now;
  std::string text;
  if (until >= b.end) {
    for (const auto& l : b.lines) text += l + "\n";
    return text + "Finished: " + b.result + "\n";
  }
  // While running, the log grows in proportion to the elapsed time.
  double done = std::chrono::duration<double>(until - b.start) /
                std::chrono::duration<double>(b.end - b.start);
  std::size_t shown = 1 + static_cast<std::size_t>(done * static_cast<double>(b.lines.size() - 1));
  for (std::size_t i = 0; i < std::min(shown, b.lines.size()); ++i) text += b.lines[i] + "\n";
  if (b.stopped) text += "Aborted by fake\nFinished: ABORTED\n";
  return text;
}

core::Status FakeJenkins::AddItem(std::string_view path, Item item) {
  if (path.empty() || Leaf(path).empty())
    return core::Invalid("jenkins: Query parameter 'name' is required");
  std::string parent = Parent(path);
  if (!parent.empty()) {
    auto p = items_.find(parent);
    if (p == items_.end() || !p->second.folder) return NoItem(parent);
  }
  if (items_.contains(path)) {
    return core::Invalid("jenkins: A job already exists with the name \u2018" + Leaf(path) +
                         "\u2019");
  }
  items_[std::string(path)] = std::move(item);
  return core::Ok{};
}

core::Status FakeJenkins::CreateFolder(std::string_view path) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("CreateFolder", path)) return *e;
  Item folder;
  folder.folder = true;
  folder.config_xml = FolderXml("");
  return AddItem(path, std::move(folder));
}

core::Status FakeJenkins::CreateJob(std::string_view path, std::string_view config_xml) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("CreateJob", path)) return *e;
  auto config = ParseConfigXml(config_xml);
  if (!config.ok()) return core::Invalid("jenkins: " + config.error().message);
  Item item;
  item.folder = config->folder;
  item.config_xml = std::string(config_xml);
  item.parameters = config->parameters;
  return AddItem(path, std::move(item));
}

core::Result<JenkinsItem> FakeJenkins::GetItem(std::string_view path) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("GetItem", path)) return *e;
  auto it = items_.find(path);
  if (it == items_.end()) return NoItem(path);
  JenkinsItem out;
  out.path = std::string(path);
  out.url = "http://jenkins.fake/job/" + out.path + "/";
  out.is_folder = it->second.folder;
  out.buildable = !it->second.folder;
  out.parameters = it->second.parameters;
  if (!it->second.builds.empty()) out.last_build = it->second.builds.rbegin()->first;
  for (const auto& [p, item] : items_) {
    if (Parent(p) == path) out.children.push_back(Leaf(p));
  }
  return out;
}

core::Result<std::string> FakeJenkins::GetJobConfig(std::string_view path) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("GetJobConfig", path)) return *e;
  auto it = items_.find(path);
  if (it == items_.end()) return NoItem(path);
  return it->second.config_xml;
}

core::Status FakeJenkins::DeleteItem(std::string_view path) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("DeleteItem", path)) return *e;
  if (!items_.contains(path)) return NoItem(path);
  std::string prefix = std::string(path) + "/";
  std::erase_if(items_,
                [&](const auto& kv) { return kv.first == path || kv.first.starts_with(prefix); });
  return core::Ok{};
}

core::Result<std::int64_t> FakeJenkins::TriggerBuild(
    std::string_view path, const std::map<std::string, std::string>& parameters,
    int quiet_period_s) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("TriggerBuild", path)) return *e;
  auto it = items_.find(path);
  if (it == items_.end() || it->second.folder) return NoItem(path);
  std::map<std::string, std::string> values;
  for (const auto& p :
       it->second.parameters) {  // undefined parameters are dropped, like Jenkins does
    auto given = parameters.find(p.name);
    values[p.name] = given == parameters.end() ? p.default_value : given->second;
  }
  for (const auto& [id, q] : queue_) {
    if (q.path == path && !q.cancelled && !q.build && q.parameters == values)
      return id;  // merged (303)
  }
  auto quiet =
      quiet_period_s >= 0 ? std::chrono::milliseconds(quiet_period_s * 1000) : timing_.quiet_period;
  std::int64_t id = next_queue_id_++;
  queue_[id] = QueueEntry{std::string(path), values, Clock::now() + quiet, false, std::nullopt};
  return id;
}

core::Result<JenkinsQueueItem> FakeJenkins::GetQueueItem(std::int64_t id) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("GetQueueItem", std::to_string(id))) return *e;
  auto it = queue_.find(id);
  if (it == queue_.end())
    return core::NotFound("jenkins: queue item " + std::to_string(id) + ": Not Found");
  JenkinsQueueItem item{id, it->second.cancelled || it->second.build.has_value(),
                        it->second.cancelled, it->second.build, ""};
  if (!item.left) item.why = "In the quiet period.";
  return item;
}

core::Status FakeJenkins::CancelQueueItem(std::int64_t id) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("CancelQueueItem", std::to_string(id))) return *e;
  auto it = queue_.find(id);
  if (it == queue_.end())
    return core::NotFound("jenkins: queue item " + std::to_string(id) + ": Not Found");
  if (it->second.build)
    return core::Conflict("jenkins: queue item " + std::to_string(id) + " already left the queue");
  it->second.cancelled = true;
  return core::Ok{};
}

core::Result<JenkinsBuild> FakeJenkins::GetBuild(std::string_view path, std::int64_t number) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("GetBuild", path)) return *e;
  auto it = items_.find(path);
  if (it == items_.end() || !it->second.builds.contains(number))
    return NoItem(std::string(path) + " #" + std::to_string(number));
  const Build& b = it->second.builds.at(number);
  auto now = Clock::now();
  auto end = b.stopped ? *b.stopped : b.end;
  JenkinsBuild out;
  out.number = number;
  out.building = now < end;
  if (!out.building) out.result = b.stopped ? "ABORTED" : b.result;
  out.timestamp_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch() - (now - b.start))
                         .count();
  out.duration_ms =
      out.building ? 0
                   : std::chrono::duration_cast<std::chrono::milliseconds>(end - b.start).count();
  out.parameters = b.parameters;
  out.queue_id = b.queue_id;
  return out;
}

core::Result<JenkinsConsoleChunk> FakeJenkins::ReadConsole(std::string_view path,
                                                           std::int64_t number,
                                                           std::int64_t start) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("ReadConsole", path)) return *e;
  auto it = items_.find(path);
  if (it == items_.end() || !it->second.builds.contains(number))
    return NoItem(std::string(path) + " #" + std::to_string(number));
  const Build& b = it->second.builds.at(number);
  auto now = Clock::now();
  std::string text = ConsoleText(b, now);
  if (start < 0 || start > static_cast<std::int64_t>(text.size()))
    start = 0;  // Jenkins restarts from 0
  bool running = now < (b.stopped ? *b.stopped : b.end);
  return JenkinsConsoleChunk{text.substr(static_cast<std::size_t>(start)),
                             static_cast<std::int64_t>(text.size()), running};
}

core::Status FakeJenkins::StopBuild(std::string_view path, std::int64_t number) {
  std::lock_guard lock(mutex_);
  if (auto e = Enter("StopBuild", path)) return *e;
  auto it = items_.find(path);
  if (it == items_.end() || !it->second.builds.contains(number))
    return NoItem(std::string(path) + " #" + std::to_string(number));
  Build& b = it->second.builds.at(number);
  auto now = Clock::now();
  if (!b.stopped && now < b.end) b.stopped = now;
  return core::Ok{};
}

}  // namespace slipway::connectors::jenkins
