#pragma once
// Helpers shared by the Kubernetes emulator tests (header-only, so that it
// stays out of the sandbox library).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "http/message.hpp"
#include "sandbox/kubernetes/kubernetes_emulator.hpp"

namespace slipway::sandbox::kube::testing {

namespace json = boost::json;

/// Settings for tests that drive the controllers by hand: no background
/// rounds (a tick of an hour, writes and delays wake nothing), pods ready at
/// the next round.
inline KubernetesSettings ManualSettings() {
  KubernetesSettings s;
  s.react_at_once = false;
  s.pod_ready_delay = std::chrono::milliseconds(0);
  s.tick = std::chrono::hours(1);
  s.namespace_delete_delay = std::chrono::milliseconds(0);
  return s;
}

inline std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// A request as the HTTP server would hand it over.
inline http::Request MakeRequest(const std::string& method, const std::string& target,
                                 const std::string& body = "",
                                 const std::string& content_type = "application/json") {
  http::Request r;
  r.method = method;
  r.target = target;
  auto q = target.find('?');
  r.path = PercentDecode(target.substr(0, q));
  if (q != std::string::npos) {
    std::string query = target.substr(q + 1);
    size_t start = 0;
    while (start < query.size()) {
      size_t amp = query.find('&', start);
      if (amp == std::string::npos) amp = query.size();
      std::string kv = query.substr(start, amp - start);
      auto eq = kv.find('=');
      r.query.emplace_back(PercentDecode(kv.substr(0, eq)),
                           eq == std::string::npos ? "" : PercentDecode(kv.substr(eq + 1)));
      start = amp + 1;
    }
  }
  r.body = body;
  if (!body.empty()) r.headers["content-type"] = content_type;
  r.headers["accept"] = "application/json";
  return r;
}

struct Reply {
  int status = 0;
  json::value body;
  http::Response raw;
};

/// Calls the emulator directly (no network) and parses a JSON body.
inline Reply Call(KubernetesEmulator& emu, const std::string& method, const std::string& target,
                  const json::value& body = nullptr,
                  const std::string& content_type = "application/json") {
  auto req = MakeRequest(method, target, body.is_null() ? "" : json::serialize(body), content_type);
  Reply r;
  r.raw = emu.Handle(req);
  r.status = r.raw.status;
  if (!r.raw.stream && !r.raw.body.empty()) {
    boost::system::error_code ec;
    r.body = json::parse(r.raw.body, ec);
  }
  return r;
}

/// Everything a watch stream has produced so far, one parsed event per line.
inline json::array Drain(http::BodyStream& stream, bool* done = nullptr) {
  json::array events;
  std::string buffer;
  bool finished = false;
  while (auto piece = stream.Poll(finished)) buffer += *piece;
  if (done) *done = finished;
  size_t start = 0;
  while (true) {
    auto nl = buffer.find('\n', start);
    if (nl == std::string::npos) break;
    events.push_back(json::parse(buffer.substr(start, nl - start)));
    start = nl + 1;
  }
  return events;
}

/// A minimal valid Deployment.
inline json::object DeploymentManifest(const std::string& name, const std::string& image,
                                       int replicas = 1) {
  return json::object{
      {"apiVersion", "apps/v1"},
      {"kind", "Deployment"},
      {"metadata", {{"name", name}, {"labels", {{"app", name}}}}},
      {"spec",
       {{"replicas", replicas},
        {"selector", {{"matchLabels", {{"app", name}}}}},
        {"template",
         {{"metadata", {{"labels", {{"app", name}}}}},
          {"spec",
           {{"containers", json::array{{{"name", "app"},
                                        {"image", image},
                                        {"ports", json::array{{{"containerPort", 8080}}}}}}}}}}}}}};
}

inline json::object NamespaceManifest(const std::string& name) {
  return {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
}

}  // namespace slipway::sandbox::kube::testing
