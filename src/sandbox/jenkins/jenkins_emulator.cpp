#include "sandbox/jenkins/jenkins_emulator.hpp"

#include <sodium.h>

#include <boost/json.hpp>
#include <condition_variable>

#include "sandbox/gitlab/gitlab_emulator.hpp"
#include "sandbox/jenkins/jenkins_util.hpp"
#include "sandbox/registry/registry_emulator.hpp"

namespace slipway::sandbox::jenkins {

namespace {

constexpr std::string_view kSessionCookie = "JSESSIONID.sandbox";

std::string RandomHex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

std::string SessionOf(const http::Request& request) {
  std::string_view cookies = request.Header("cookie");
  auto at = cookies.find(std::string(kSessionCookie) + "=");
  if (at == std::string_view::npos) return "";
  cookies.remove_prefix(at + kSessionCookie.size() + 1);
  return std::string(cookies.substr(0, cookies.find(';')));
}

std::string DecodeBasic(std::string_view header) {
  if (!header.starts_with("Basic ")) return "";
  header.remove_prefix(6);
  std::string bin(header.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bin.data()), bin.size(), header.data(),
                        header.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return "";
  }
  bin.resize(len);
  return bin;
}

}  // namespace

JenkinsEmulator::JenkinsEmulator(JenkinsPeers peers, JenkinsEmulatorOptions options)
    : peers_(peers), options_(std::move(options)), salt_(RandomHex(16)) {
  scheduler_ = std::jthread([this](std::stop_token stop) { Schedule(stop); });
}

JenkinsEmulator::~JenkinsEmulator() {
  scheduler_.request_stop();
  if (scheduler_.joinable()) scheduler_.join();
  Reset();  // aborts and joins running builds
}

void JenkinsEmulator::Reset() {
  std::vector<Runner> runners;
  {
    std::lock_guard lock(mutex_);
    for (auto& r : runners_) r.build->abort = true;
    runners.swap(runners_);
  }
  runners.clear();  // joins: each build notices the abort within one step
  std::lock_guard lock(mutex_);
  items_.clear();
  queue_.clear();
  next_queue_id_ = 1;
}

void JenkinsEmulator::Schedule(std::stop_token stop) {
  std::mutex m;
  std::condition_variable_any wake;
  while (!stop.stop_requested()) {
    {
      std::unique_lock lock(m);
      wake.wait_for(lock, stop, std::chrono::milliseconds(50), [] { return false; });
    }
    if (!stop.stop_requested()) StartDueBuilds();
  }
}

void JenkinsEmulator::RefreshPeers() {
  // Read before taking our lock: peers never call into us.
  BuildContext peers;
  if (peers_.gitlab) {
    peers.gitlab_url = peers_.gitlab->base_url();
    peers.gitlab_token = peers_.gitlab->token();
  }
  if (peers_.registry) {
    peers.registry_url = peers_.registry->base_url();
    peers.registry_user = peers_.registry->options().user;
    peers.registry_password = peers_.registry->options().password;
  }
  std::lock_guard lock(mutex_);
  peer_context_ = std::move(peers);
}

void JenkinsEmulator::StartDueBuilds() {
  std::vector<Runner> finished;
  std::lock_guard lock(mutex_);
  for (auto it = runners_.begin(); it != runners_.end();) {
    if (!it->build->building) {
      finished.push_back(std::move(*it));
      it = runners_.erase(it);
    } else {
      ++it;
    }
  }
  std::int64_t now = NowMs();
  for (auto& [id, q] : queue_) {
    if (q.cancelled || q.build || now < q.start_at_ms) continue;
    auto item = items_.find(q.job);
    if (item == items_.end()) {
      q.cancelled = true;  // the job went away while its item waited
      q.left_ms = now;
      continue;
    }
    auto build = std::make_shared<Build>();
    build->number = item->second.next_build++;
    build->queue_id = id;
    build->parameters = q.parameters;
    build->user = q.user;
    build->timestamp_ms = now;
    item->second.builds[build->number] = build;
    q.build = build->number;
    q.left_ms = now;
    BuildContext context = peer_context_;
    context.job = q.job;
    context.scm_url = item->second.scm_url;
    context.scm_branch = item->second.scm_branch;
    runners_.push_back(
        Runner{build, std::jthread([this, build, context] { RunBuild(build, context); })});
  }
  // `finished` joins here, after the lock is released (threads that ended need no lock, but keep it
  // simple).
}

std::optional<http::Response> JenkinsEmulator::Authenticate(const http::Request& request,
                                                            std::string& user,
                                                            bool& by_token) const {
  std::string credentials = DecodeBasic(request.Header("authorization"));
  if (credentials.empty()) {
    auto r = HtmlError(403, "Authentication required");
    r.headers.emplace_back("X-You-Are-Authenticated-As", "anonymous");
    return r;
  }
  auto colon = credentials.find(':');
  user = credentials.substr(0, colon);
  std::string secret = colon == std::string::npos ? "" : credentials.substr(colon + 1);
  if (user == options_.user && secret == options_.api_token) {
    by_token = true;
    return std::nullopt;
  }
  if (user == options_.user && secret == options_.password) {
    by_token = false;
    return std::nullopt;
  }
  return HtmlError(401, "Invalid password/token for user: " + user);
}

std::string JenkinsEmulator::CrumbFor(const std::string& user, const std::string& session) const {
  std::string seed = user + ";" + session + ";" + salt_;
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(seed.data()), seed.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

http::Response JenkinsEmulator::Handle(http::Request& request) {
  RefreshPeers();
  std::string user;
  bool by_token = false;
  http::Response response;
  if (auto denied = Authenticate(request, user, by_token)) {
    response = *denied;
  } else if (request.path == "/crumbIssuer/api/json" && request.method == "GET") {
    std::string session = SessionOf(request);
    bool fresh = session.empty();
    if (fresh) session = RandomHex(12);
    response = http::Response::Json(
        200, boost::json::object{{"_class", "hudson.security.csrf.DefaultCrumbIssuer"},
                                 {"crumb", CrumbFor(user, session)},
                                 {"crumbRequestField", "Jenkins-Crumb"}});
    if (fresh) {
      response.headers.emplace_back(
          "Set-Cookie", std::string(kSessionCookie) + "=" + session + "; Path=/; HttpOnly");
    }
  } else if (request.method == "POST" && !by_token &&
             (SessionOf(request).empty() ||
              request.Header("jenkins-crumb") != CrumbFor(user, SessionOf(request)))) {
    response = HtmlError(403, "No valid crumb was included in the request");
  } else {
    response = Route(request, user);
  }
  response.headers.emplace_back("X-Jenkins", "2.504.1");
  return response;
}

http::Response JenkinsEmulator::Route(http::Request& request, const std::string& user) {
  const std::string& path = request.path;
  if (path.starts_with("/queue/")) return QueueRequest(request, path.substr(6));
  if (path == "/createItem") return CreateItem(request, "");
  if ((path == "/api/json" || path == "/api/json/") && request.method == "GET") {
    std::lock_guard lock(mutex_);
    boost::json::array jobs;
    for (const auto& [p, item] : items_) {
      if (p.find('/') == std::string::npos) jobs.push_back(JobSummary(p, item, Origin(request)));
    }
    return http::Response::Json(200, boost::json::object{{"_class", "hudson.model.Hudson"},
                                                         {"mode", "NORMAL"},
                                                         {"url", Origin(request) + "/"},
                                                         {"jobs", jobs}});
  }
  if (!path.starts_with("/job/")) return HtmlError(404, "Not Found");
  // /job/a/job/b/rest… → item "a/b" and the rest.
  std::string item;
  std::string_view tail = path;
  while (tail.starts_with("/job/")) {
    tail.remove_prefix(5);
    auto slash = tail.find('/');
    std::string name(tail.substr(0, slash));
    // No item is named "." or ".." (createItem refuses them), so no dot
    // segment can climb out of the folder it is in.
    if (name.empty() || name == "." || name == "..") return HtmlError(404, "Not Found");
    item += (item.empty() ? "" : "/") + name;
    tail = slash == std::string_view::npos ? std::string_view() : tail.substr(slash);
  }
  return ItemRequest(request, item, std::string(tail), user);
}

boost::json::value JenkinsEmulator::State() const {
  std::lock_guard lock(mutex_);
  boost::json::object items;
  for (const auto& [path, item] : items_) {
    boost::json::array builds;
    for (const auto& [n, b] : item.builds) {
      builds.push_back(boost::json::object{{"number", n},
                                           {"building", b->building},
                                           {"result", b->result},
                                           {"parameters", boost::json::value_from(b->parameters)}});
    }
    boost::json::array params;
    for (const auto& p : item.parameters)
      params.push_back(boost::json::object{{"name", p.name}, {"default", p.default_value}});
    items[path] = boost::json::object{{"folder", item.folder},
                                      {"parameters", params},
                                      {"scm_url", item.scm_url},
                                      {"builds", builds}};
  }
  boost::json::array queue;
  for (const auto& [id, q] : queue_) {
    queue.push_back(
        boost::json::object{{"id", id},
                            {"job", q.job},
                            {"cancelled", q.cancelled},
                            {"build", q.build ? boost::json::value(*q.build) : nullptr}});
  }
  return boost::json::object{{"items", items}, {"queue", queue}};
}

}  // namespace slipway::sandbox::jenkins
