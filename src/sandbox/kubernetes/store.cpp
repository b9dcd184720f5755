#include "sandbox/kubernetes/store.hpp"

#include "core/common/clock.hpp"
#include "core/common/json_path.hpp"
#include "core/common/rfc3339.hpp"
#include "sandbox/kubernetes/api_error.hpp"
#include "sandbox/kubernetes/generated_ids.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

bool TracksGeneration(const ResourceType& type) {
  return type.plural == "deployments" || type.plural == "replicasets" ||
         type.plural == "ingresses" || type.plural == "pods";
}

}  // namespace

const json::object* Store::Get(const ResourceType& type, const std::string& ns,
                               const std::string& name) const {
  auto t = objects_.find(type.plural);
  if (t == objects_.end()) return nullptr;
  auto it = t->second.find({ns, name});
  return it == t->second.end() ? nullptr : &it->second;
}

std::vector<const json::object*> Store::List(const ResourceType& type,
                                             const std::string& ns) const {
  std::vector<const json::object*> out;
  auto t = objects_.find(type.plural);
  if (t == objects_.end()) return out;
  for (const auto& [key, obj] : t->second) {
    if (ns.empty() || key.first == ns) out.push_back(&obj);
  }
  return out;
}

json::object Store::Create(const ResourceType& type, json::object object) {
  object["apiVersion"] = type.ApiVersion();
  object["kind"] = type.kind;
  auto& meta = core::EnsureObject(object, {"metadata"});
  meta["uid"] = NewUid();
  meta["resourceVersion"] = std::to_string(++rv_);
  meta["creationTimestamp"] = core::Rfc3339Seconds(core::SystemClock().Now());
  if (TracksGeneration(type)) meta["generation"] = 1;
  Key key{core::StringAt(object, {"metadata", "namespace"}),
          core::StringAt(object, {"metadata", "name"})};
  objects_[type.plural][key] = object;
  Emit("ADDED", type, object);
  return object;
}

json::object Store::Update(const ResourceType& type, json::object object) {
  core::EnsureObject(object, {"metadata"})["resourceVersion"] = std::to_string(++rv_);
  Key key{core::StringAt(object, {"metadata", "namespace"}),
          core::StringAt(object, {"metadata", "name"})};
  objects_[type.plural][key] = object;
  Emit("MODIFIED", type, object);
  return object;
}

std::optional<json::object> Store::Remove(const ResourceType& type, const std::string& ns,
                                          const std::string& name) {
  auto t = objects_.find(type.plural);
  if (t == objects_.end()) return std::nullopt;
  auto it = t->second.find({ns, name});
  if (it == t->second.end()) return std::nullopt;
  json::object last = std::move(it->second);
  t->second.erase(it);
  core::EnsureObject(last, {"metadata"})["resourceVersion"] = std::to_string(++rv_);
  Emit("DELETED", type, last);
  return last;
}

bool Store::Matches(const WatchRequest& request, const Event& event) {
  if (event.resource != request.type) return false;
  if (!request.ns.empty() &&
      core::StringAt(event.object, {"metadata", "namespace"}) != request.ns) {
    return false;
  }
  const auto* labels = core::Find(event.object, {"metadata", "labels"});
  return request.labels.Matches(labels ? *labels : json::value()) &&
         request.fields.Matches(event.object);
}

std::string Store::Line(const std::string& type, const json::object& object) {
  return json::serialize(json::object{{"type", type}, {"object", object}}) + "\n";
}

void Store::Emit(std::string type, const ResourceType& resource, const json::object& object) {
  Event event{std::move(type), &resource, rv_, object};
  std::string line;
  for (auto& w : watches_) {
    if (!Matches(w.request, event)) continue;
    if (auto stream = w.stream.lock()) {
      if (line.empty()) line = Line(event.type, event.object);
      stream->Push(line);
    }
  }
  history_.push_back(std::move(event));
  while (history_.size() > history_limit_) {
    compacted_ = history_.front().rv;
    history_.pop_front();
  }
}

std::shared_ptr<http::QueueStream> Store::Watch(WatchRequest request, std::optional<int64_t> from) {
  auto stream = std::make_shared<http::QueueStream>();
  auto bookmark = [&](bool initial_end) {
    json::object meta{{"resourceVersion", std::to_string(rv_)}};
    if (initial_end) meta["annotations"] = json::object{{"k8s.io/initial-events-end", "true"}};
    return Line("BOOKMARK", json::object{{"kind", request.type->kind},
                                         {"apiVersion", request.type->ApiVersion()},
                                         {"metadata", std::move(meta)}});
  };
  if (!from || *from == 0 || request.initial_events_bookmark) {
    for (const auto* obj : List(*request.type, request.ns)) {
      Event e{"ADDED", request.type, rv_, *obj};
      if (Matches(request, e)) stream->Push(Line("ADDED", *obj));
    }
    if (request.initial_events_bookmark) stream->Push(bookmark(true));
  } else if (*from < compacted_) {
    auto status = Expired("too old resource version: " + std::to_string(*from) + " (" +
                          std::to_string(compacted_ + 1) + ")")
                      .ToStatus();
    stream->Push(Line("ERROR", status));
    stream->Close();
    return stream;
  } else {
    for (const auto& e : history_) {
      if (e.rv > *from && Matches(request, e)) stream->Push(Line(e.type, e.object));
    }
  }
  watches_.push_back({std::move(request), stream, std::chrono::steady_clock::now()});
  return stream;
}

void Store::TickWatches(std::chrono::steady_clock::time_point now,
                        std::chrono::milliseconds bookmark_interval) {
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
      stream->Push(
          Line("BOOKMARK",
               json::object{{"kind", w.request.type->kind},
                            {"apiVersion", w.request.type->ApiVersion()},
                            {"metadata", json::object{{"resourceVersion", std::to_string(rv_)}}}}));
    }
    kept.push_back(std::move(w));
  }
  watches_ = std::move(kept);
}

void Store::Clear() {
  for (auto& w : watches_) {
    if (auto s = w.stream.lock()) s->Close();
  }
  watches_.clear();
  objects_.clear();
  history_.clear();
  rv_ = 0;
  compacted_ = 0;
}

}  // namespace slipway::sandbox::kube
