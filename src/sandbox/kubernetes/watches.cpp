#include "sandbox/kubernetes/watches.hpp"

#include "core/common/json_path.hpp"
#include "sandbox/kubernetes/api_error.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

std::string Line(const std::string& type, const json::object& object) {
  return json::serialize(json::object{{"type", type}, {"object", object}}) + "\n";
}

std::string Bookmark(const ResourceType& type, int64_t rv, bool initial_end) {
  json::object meta{{"resourceVersion", std::to_string(rv)}};
  if (initial_end) meta["annotations"] = json::object{{"k8s.io/initial-events-end", "true"}};
  return Line("BOOKMARK", json::object{{"kind", type.kind},
                                       {"apiVersion", type.ApiVersion()},
                                       {"metadata", std::move(meta)}});
}

}  // namespace

bool WatchStreams::Matches(const WatchRequest& request, const ResourceType& type,
                           const json::object& object) {
  if (&type != request.type) return false;
  if (!request.ns.empty() && core::StringAt(object, {"metadata", "namespace"}) != request.ns) {
    return false;
  }
  const auto* labels = core::Find(object, {"metadata", "labels"});
  return request.labels.Matches(labels ? *labels : json::value()) && request.fields.Matches(object);
}

void WatchStreams::Publish(const model::StoreEvent& event) {
  std::string line;
  for (auto& w : watches_) {
    if (!Matches(w.request, *event.resource, event.object)) continue;
    if (auto stream = w.stream.lock()) {
      if (line.empty()) line = Line(event.type, event.object);
      stream->Push(line);
    }
  }
}

std::shared_ptr<http::QueueStream> WatchStreams::Watch(const model::Store& store,
                                                       WatchRequest request,
                                                       std::optional<int64_t> from) {
  auto stream = std::make_shared<http::QueueStream>();
  if (!from || *from == 0 || request.initial_events_bookmark) {
    for (const auto* obj : store.List(*request.type, request.ns)) {
      if (Matches(request, *request.type, *obj)) stream->Push(Line("ADDED", *obj));
    }
    if (request.initial_events_bookmark) stream->Push(Bookmark(*request.type, store.rv(), true));
  } else if (*from < store.oldest_resumable()) {
    auto status = Expired("too old resource version: " + std::to_string(*from) + " (" +
                          std::to_string(store.oldest_resumable() + 1) + ")")
                      .ToStatus();
    stream->Push(Line("ERROR", status));
    stream->Close();
    return stream;
  } else {
    for (const auto& e : store.history()) {
      if (e.rv > *from && Matches(request, *e.resource, e.object)) {
        stream->Push(Line(e.type, e.object));
      }
    }
  }
  watches_.push_back({std::move(request), stream, Clock::now()});
  return stream;
}

void WatchStreams::Tick(Clock::time_point now, std::chrono::milliseconds bookmark_interval,
                        int64_t rv) {
  std::vector<Watcher> kept;
  for (auto& w : watches_) {
    auto stream = w.stream.lock();
    if (!stream) continue;
    if (now >= w.request.deadline) {
      stream->Close();
      continue;
    }
    if (w.request.bookmarks && now - w.last_bookmark >= bookmark_interval) {
      w.last_bookmark = now;
      stream->Push(Bookmark(*w.request.type, rv, false));
    }
    kept.push_back(std::move(w));
  }
  watches_ = std::move(kept);
}

void WatchStreams::Clear() {
  for (auto& w : watches_) {
    if (auto s = w.stream.lock()) s->Close();
  }
  watches_.clear();
}

}  // namespace slipway::sandbox::kube
