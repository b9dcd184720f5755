#include "connectors/kubernetes/watcher.hpp"

#include <boost/json/parse.hpp>

#include "connectors/kubernetes/errors.hpp"
#include "connectors/kubernetes/rest.hpp"
#include "core/common/json_path.hpp"

namespace slipway::connectors {

namespace {

constexpr std::chrono::milliseconds kMaxBackoff{10'000};
// A stream that ends this fast without a single event points at a server
// that closes at once; pausing keeps the loop from spinning.
constexpr std::chrono::milliseconds kShortStream{1'000};

std::optional<WatchEvent::Type> TypeFromName(std::string_view name) {
  if (name == "ADDED") return WatchEvent::Type::kAdded;
  if (name == "MODIFIED") return WatchEvent::Type::kModified;
  if (name == "DELETED") return WatchEvent::Type::kDeleted;
  if (name == "BOOKMARK") return WatchEvent::Type::kBookmark;
  return std::nullopt;
}

}  // namespace

Watcher::Watcher(std::shared_ptr<HttpTransport> transport, Params params, WatchCallback on_event,
                 WatchErrorCallback on_error)
    : transport_(std::move(transport)),
      params_(std::move(params)),
      on_event_(std::move(on_event)),
      on_error_(std::move(on_error)),
      resource_version_(params_.options.resource_version) {}

Watcher::~Watcher() { Stop(); }

void Watcher::Start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { Run(); });
}

void Watcher::RequestStop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
}

void Watcher::Stop() {
  RequestStop();
  // From the callback the thread cannot join itself; it ends after the callback returns.
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

std::string Watcher::resource_version() const {
  std::lock_guard lock(mutex_);
  return resource_version_;
}

void Watcher::SetVersion(std::string rv) {
  if (rv.empty()) return;
  std::lock_guard lock(mutex_);
  resource_version_ = std::move(rv);
}

void Watcher::Pause(std::chrono::milliseconds how_long) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, how_long, [this] { return stop_.load(); });
}

void Watcher::Deliver(const WatchEvent& event) {
  if (!stop_ && on_event_) on_event_(event);
}

void Watcher::Report(const core::Error& error) {
  if (!stop_ && on_error_) on_error_(error);
}

void Watcher::Run() {
  bool need_list = resource_version().empty();
  auto backoff = params_.backoff;
  while (!stop_) {
    if (need_list) {
      if (!Relist()) {
        Pause(backoff);
        backoff = std::min(backoff * 2, kMaxBackoff);
        continue;
      }
      need_list = false;
    }
    core::Error error;
    bool saw_data = false;
    const auto started = std::chrono::steady_clock::now();
    const StreamEnd end = StreamOnce(error, saw_data);
    if (stop_) break;
    if (end == StreamEnd::kExpired) {
      need_list = true;  // the version we hold is gone from the server's history
      backoff = params_.backoff;
    } else if (end == StreamEnd::kFailed) {
      Report(error);
      Pause(backoff);
      backoff = std::min(backoff * 2, kMaxBackoff);
    } else if (!saw_data && std::chrono::steady_clock::now() - started < kShortStream) {
      Pause(backoff);
      backoff = std::min(backoff * 2, kMaxBackoff);
    } else {
      backoff = params_.backoff;
    }
  }
}

bool Watcher::Relist() {
  ListOptions list_options{params_.options.label_selector, params_.options.field_selector};
  auto list = kube::ListAll(*transport_, params_.resource, params_.ns, list_options);
  if (!list.ok()) {
    Report(list.error());
    return false;
  }
  SetVersion(list->resource_version);
  WatchEvent event;
  event.type = WatchEvent::Type::kResync;
  event.items = std::move(list->items);
  event.resource_version = list->resource_version;
  Deliver(event);
  return true;
}

bool Watcher::HandleLine(std::string_view line, std::string& other_lines, bool& expired,
                         core::Error& error, bool& failed) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return true;
  boost::system::error_code ec;
  auto parsed = boost::json::parse(line, ec);
  const auto* type_name =
      !ec && parsed.is_object() ? parsed.as_object().if_contains("type") : nullptr;
  const auto* object =
      !ec && parsed.is_object() ? parsed.as_object().if_contains("object") : nullptr;
  if (!type_name || !type_name->is_string() || !object || !object->is_object()) {
    // Not an event: an error body (possibly pretty-printed over many lines).
    other_lines.append(line).push_back('\n');
    return true;
  }
  if (type_name->as_string() == "ERROR") {
    error = kube::ErrorFromStatusObject(object->as_object());
    (kube::IsExpired(error) ? expired : failed) = true;
    return false;
  }
  auto type = TypeFromName(type_name->as_string());
  if (!type) return true;  // a type from a newer server: skip it, keep watching
  WatchEvent event;
  event.type = *type;
  event.object = std::move(object->as_object());
  event.resource_version = core::StringAt(event.object, {"metadata", "resourceVersion"});
  SetVersion(event.resource_version);
  Deliver(event);
  return !stop_;
}

Watcher::StreamEnd Watcher::StreamOnce(core::Error& error, bool& saw_data) {
  const std::string timeout = std::to_string(params_.timeout_seconds);
  const std::string rv = resource_version();
  TransportRequest request;
  request.path = kube::CollectionPath(params_.resource, params_.ns) +
                 kube::Query({{"watch", "1"},
                              {"allowWatchBookmarks", "true"},
                              {"resourceVersion", rv},
                              {"timeoutSeconds", timeout},
                              {"labelSelector", params_.options.label_selector},
                              {"fieldSelector", params_.options.field_selector}});
  request.headers = {{"Accept", "application/json"}};
  // The server ends the stream after timeoutSeconds; the margin covers a slow close.
  request.timeout = std::chrono::seconds(params_.timeout_seconds + 30);
  request.cancel = &stop_;
  std::string buffer;
  std::string other_lines;
  bool expired = false;
  bool failed = false;
  request.on_data = [&](std::string_view piece) {
    saw_data = true;
    buffer.append(piece);
    size_t start = 0;
    for (size_t nl; (nl = buffer.find('\n', start)) != std::string::npos; start = nl + 1) {
      if (!HandleLine(std::string_view(buffer).substr(start, nl - start), other_lines, expired,
                      error, failed)) {
        return false;
      }
    }
    buffer.erase(0, start);
    return !stop_.load();
  };
  auto response = transport_->Send(request);
  if (expired) return StreamEnd::kExpired;
  if (failed) return StreamEnd::kFailed;
  if (!response.ok()) {
    error = response.error();
    // A client-side timeout on an established stream is just its end.
    return saw_data && error.code == core::Code::kTransient ? StreamEnd::kClosed
                                                            : StreamEnd::kFailed;
  }
  if (response->status == 200) {
    if (!buffer.empty() && !HandleLine(buffer, other_lines, expired, error, failed)) {
      return expired ? StreamEnd::kExpired : StreamEnd::kFailed;
    }
    return StreamEnd::kClosed;
  }
  error = kube::ErrorFromStatus(response->status, other_lines + buffer);
  return kube::IsExpired(error) ? StreamEnd::kExpired : StreamEnd::kFailed;
}

}  // namespace slipway::connectors
