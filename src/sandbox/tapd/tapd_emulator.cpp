#include "sandbox/tapd/tapd_emulator.hpp"

#include <boost/json.hpp>
#include <boost/url/params_view.hpp>
#include <chrono>
#include <ctime>

#include "connectors/webhook/hmac.hpp"

namespace slipway::sandbox {

namespace {

http::Response Envelope(int http_status, int status, boost::json::value data, std::string info) {
  return http::Response::Json(
      http_status, boost::json::object{
                       {"status", status}, {"data", std::move(data)}, {"info", std::move(info)}});
}

// "YYYY-MM-DD HH:MM:SS" in China time, as TAPD prints it.
std::string ChinaNow() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + 8 * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

std::vector<std::string> SplitComma(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Fields of a POST body, form-encoded or JSON; every value as a string.
std::map<std::string, std::string> BodyFields(const http::Request& request) {
  std::map<std::string, std::string> out;
  if (request.Header("content-type").starts_with("application/json")) {
    boost::system::error_code ec;
    auto v = boost::json::parse(request.body, ec);
    if (!ec && v.is_object()) {
      for (const auto& [k, val] : v.as_object()) {
        out[std::string(k)] =
            val.is_string() ? std::string(val.as_string()) : boost::json::serialize(val);
      }
    }
    return out;
  }
  // Form bodies encode spaces as '+'.
  boost::urls::encoding_opts form;
  form.space_as_plus = true;
  try {
    for (auto p : boost::urls::params_view(request.body, form))
      out[std::string(p.key)] = std::string(p.value);
  } catch (const std::exception&) {
    out.clear();  // malformed: treated as missing fields
  }
  return out;
}

}  // namespace

TapdEmulator::TapdEmulator(TapdEmulatorOptions options) : options_(std::move(options)) {
  std::lock_guard lock(mutex_);
  Seed();
}

void TapdEmulator::Seed() {
  for (const auto& fields : options_.seed_stories) AddStory(fields);
}

http::Response TapdEmulator::Handle(http::Request& request) {
  // HTTP basic: "Basic base64(user:password)".
  auto auth = request.Header("authorization");
  bool allowed = false;
  if (auth.starts_with("Basic ")) {
    auto decoded = connectors::Base64Decode(auth.substr(6));
    if (decoded) {
      auto colon = decoded->find(':');
      auto user = options_.api_users.find(decoded->substr(0, colon));
      allowed = colon != std::string::npos && user != options_.api_users.end() &&
                user->second == decoded->substr(colon + 1);
    }
  }
  if (!allowed)
    return Envelope(401, 0, boost::json::array{}, "Unauthorized: invalid api user or password");
  if (request.path != "/stories") return Envelope(404, 0, boost::json::array{}, "api not found");
  if (request.method == "GET") return List(request);
  if (request.method == "POST") return Save(request);
  return Envelope(405, 0, boost::json::array{}, "method not allowed");
}

http::Response TapdEmulator::List(const http::Request& request) {
  const auto workspace = request.Query("workspace_id").value_or("");
  if (workspace.empty()) return Envelope(200, 0, boost::json::array{}, "workspace_id is required");
  const auto ids = SplitComma(request.Query("id").value_or(""));
  std::size_t limit = 30, page = 1;
  try {
    limit = std::min<std::size_t>(200, std::stoul(request.Query("limit").value_or("30")));
    page = std::max<std::size_t>(1, std::stoul(request.Query("page").value_or("1")));
  } catch (...) {
    return Envelope(200, 0, boost::json::array{}, "limit and page must be numbers");
  }
  std::lock_guard lock(mutex_);
  boost::json::array data;
  std::size_t skipped = 0;
  for (const auto& story : stories_) {
    if (story.at("workspace_id").as_string() != workspace) continue;
    if (!ids.empty() &&
        std::find(ids.begin(), ids.end(), std::string(story.at("id").as_string())) == ids.end()) {
      continue;
    }
    if (skipped++ < (page - 1) * limit) continue;
    if (data.size() >= limit) break;
    data.push_back(boost::json::object{{"Story", story}});
  }
  return Envelope(200, 1, std::move(data), "success");
}

http::Response TapdEmulator::Save(const http::Request& request) {
  auto fields = BodyFields(request);
  if (fields["workspace_id"].empty()) return Envelope(200, 0, "", "workspace_id is required");
  std::lock_guard lock(mutex_);
  if (!fields["id"].empty()) {
    for (auto& story : stories_) {
      if (story.at("id").as_string() == fields["id"] &&
          story.at("workspace_id").as_string() == fields["workspace_id"]) {
        for (const auto& [k, v] : fields) story[k] = v;
        story["modified"] = ChinaNow();
        return Envelope(200, 1, boost::json::object{{"Story", story}}, "success");
      }
    }
    return Envelope(200, 0, "", "story not found");
  }
  if (fields["name"].empty()) return Envelope(200, 0, "", "name is required");
  return Envelope(200, 1, boost::json::object{{"Story", AddStory(fields)}}, "success");
}

boost::json::object TapdEmulator::AddStory(const std::map<std::string, std::string>& fields) {
  const std::string id = "10" + fields.at("workspace_id") + std::to_string(next_++);
  boost::json::object story{{"id", id},
                            {"workspace_id", fields.at("workspace_id")},
                            {"name", ""},
                            {"description", ""},
                            {"creator", "sandbox"},
                            {"created", ChinaNow()},
                            {"modified", ChinaNow()},
                            {"status", "planning"},
                            {"owner", ""},
                            {"cc", ""},
                            {"developer", ""},
                            {"priority", ""},
                            {"size", ""},
                            {"iteration_id", "0"},
                            {"category_id", "-1"},
                            {"parent_id", "0"},
                            {"completed", nullptr}};
  for (const auto& [k, v] : fields) story[k] = v;
  story["id"] = id;
  stories_.push_back(story);
  return story;
}

boost::json::value TapdEmulator::State() const {
  std::lock_guard lock(mutex_);
  boost::json::array out;
  for (const auto& s : stories_) out.push_back(s);
  return boost::json::object{{"stories", std::move(out)}};
}

void TapdEmulator::Reset() {
  std::lock_guard lock(mutex_);
  stories_.clear();
  next_ = 500000001;
  Seed();
}

std::unique_ptr<TapdEmulator> MakeSandboxTapd() {
  std::map<std::string, std::string> example{
      {"workspace_id", kSandboxTapdWorkspace},
      {"name", "示例需求：支付页支持人民币 (an example story for lanes)"},
      {"description", "Seeded by slipway sandbox: link a lane to it by its id."},
      {"owner", "sandbox;"},
      {"status", "developing"}};
  return std::make_unique<TapdEmulator>(TapdEmulatorOptions{
      .api_users = {{kSandboxTapdUser, kSandboxTapdPassword}}, .seed_stories = {example}});
}

}  // namespace slipway::sandbox
