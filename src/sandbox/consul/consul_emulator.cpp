#include "sandbox/consul/consul_emulator.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "connectors/webhook/hmac.hpp"

namespace slipway::sandbox {

namespace {

constexpr std::size_t kMaxValue = 512 * 1024;
constexpr auto kMaxWait = std::chrono::minutes(10);

http::Response Plain(int status, std::string text) {
  return http::Response::Text(status, std::move(text));
}

void AddIndexHeaders(http::Response& r, std::uint64_t index) {
  r.headers.emplace_back("X-Consul-Index", std::to_string(index));
  r.headers.emplace_back("X-Consul-KnownLeader", "true");
  r.headers.emplace_back("X-Consul-LastContact", "0");
}

std::optional<std::uint64_t> ParseU64(std::string_view text) {
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// Go-style durations as Consul accepts them: "250ms", "10s", "5m", "1h"; bare
// numbers are seconds.
std::optional<std::chrono::milliseconds> ParseWait(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  auto n = ParseU64(text.substr(0, digits));
  if (!n) return std::nullopt;
  auto unit = text.substr(digits);
  if (unit == "ms") return std::chrono::milliseconds(*n);
  if (unit == "s" || unit.empty()) return std::chrono::seconds(*n);
  if (unit == "m") return std::chrono::minutes(*n);
  if (unit == "h") return std::chrono::hours(*n);
  return std::nullopt;
}

boost::json::object EntryJson(const connectors::KvEntry& e) {
  boost::json::object o{{"LockIndex", 0},
                        {"Key", e.key},
                        {"Flags", e.flags},
                        {"CreateIndex", e.create_index},
                        {"ModifyIndex", e.modify_index}};
  // Consul answers null for a key written with an empty body.
  if (e.value.empty()) {
    o["Value"] = nullptr;
  } else {
    o["Value"] = connectors::Base64Encode(e.value);
  }
  return o;
}

}  // namespace

ConsulEmulator::ConsulEmulator(ConsulEmulatorOptions options) : options_(std::move(options)) {}

const ConsulToken* ConsulEmulator::Authorize(const http::Request& request,
                                             std::string& denial) const {
  if (options_.tokens.empty()) return nullptr;
  std::string secret(request.Header("x-consul-token"));
  if (secret.empty()) {
    auto auth = request.Header("authorization");
    if (auth.starts_with("Bearer ")) secret = std::string(auth.substr(7));
  }
  if (secret.empty()) secret = request.Query("token").value_or("");
  if (secret.empty()) {
    denial = "Permission denied: anonymous token lacks permission";
    return nullptr;
  }
  for (const auto& t : options_.tokens) {
    if (t.secret == secret) return &t;
  }
  denial = "ACL not found";
  return nullptr;
}

bool ConsulEmulator::CanRead(const ConsulToken* token, std::string_view key) const {
  return options_.tokens.empty() || (token && key.starts_with(token->prefix));
}

http::Response ConsulEmulator::Handle(http::Request& request) {
  if (request.path == "/v1/status/leader") return http::Response::Json(200, "127.0.0.1:8300");
  if (!request.path.starts_with("/v1/kv/"))
    return Plain(404, "Invalid URL path: not a KV endpoint");
  std::string key = request.path.substr(7);
  std::string denial;
  const ConsulToken* token = Authorize(request, denial);
  if (!denial.empty()) return Plain(403, denial);
  if (request.method == "GET") return Read(request, key, token);
  if (request.method == "PUT" || request.method == "DELETE") return Write(request, key, token);
  return Plain(405, "method " + request.method + " not allowed");
}

http::Response ConsulEmulator::Read(const http::Request& request, const std::string& key,
                                    const ConsulToken* token) {
  const bool keys = request.Query("keys").has_value();
  const bool recurse = keys || request.Query("recurse").has_value();
  if (!recurse && !CanRead(token, key)) {
    return Plain(403, "Permission denied: token with AccessorID '" +
                          (token ? token->accessor : "") + "' lacks permission 'key:read' on \"" +
                          key + "\"");
  }
  if (auto index_text = request.Query("index")) {
    auto index = ParseU64(*index_text);
    auto wait = ParseWait(request.Query("wait").value_or("5m"));
    if (!index || !wait) return Plain(400, "Invalid index or wait time");
    if (*index > 0) {
      store_.WaitBeyond(
          key, recurse, *index,
          std::chrono::steady_clock::now() + std::min<std::chrono::milliseconds>(*wait, kMaxWait));
    }
  }
  const std::uint64_t index = store_.IndexOf(key, recurse);
  http::Response response;
  bool filtered = false;
  if (keys) {
    boost::json::array out;
    for (auto& k : store_.Keys(key, request.Query("separator").value_or(""))) {
      if (CanRead(token, k)) {
        out.emplace_back(k);
      } else {
        filtered = true;
      }
    }
    response = out.empty() ? Plain(404, "") : http::Response::Json(200, out);
  } else {
    std::vector<connectors::KvEntry> entries;
    if (recurse) {
      for (auto& e : store_.Range(key)) {
        if (CanRead(token, e.key)) {
          entries.push_back(std::move(e));
        } else {
          filtered = true;
        }
      }
    } else if (auto e = store_.Get(key)) {
      entries.push_back(std::move(*e));
    }
    if (entries.empty()) {
      response = Plain(404, "");
    } else if (request.Query("raw") && !recurse) {
      response = http::Response::Text(200, entries.front().value, "text/plain; charset=utf-8");
    } else {
      boost::json::array out;
      for (const auto& e : entries) out.push_back(EntryJson(e));
      response = http::Response::Json(200, out);
    }
  }
  if (filtered) response.headers.emplace_back("X-Consul-Results-Filtered-By-ACLs", "true");
  AddIndexHeaders(response, index);
  return response;
}

http::Response ConsulEmulator::Write(const http::Request& request, const std::string& key,
                                     const ConsulToken* token) {
  if (!options_.tokens.empty() && !(token->write && key.starts_with(token->prefix))) {
    return Plain(403, "Permission denied: token with AccessorID '" + token->accessor +
                          "' lacks permission 'key:write' on \"" + key + "\"");
  }
  std::optional<std::uint64_t> cas;
  if (auto text = request.Query("cas")) {
    cas = ParseU64(*text);
    if (!cas) return Plain(400, "Invalid cas index: " + *text);
  }
  bool done = true;
  if (request.method == "PUT") {
    if (key.empty()) return Plain(400, "Missing key name");
    if (request.body.size() > kMaxValue) {
      return Plain(413, "Request body(" + std::to_string(request.body.size()) +
                            " bytes) too large, max size: 524288 bytes.");
    }
    if (request.Query("acquire") || request.Query("release")) {
      return Plain(400, "sessions are not emulated by the Slipway sandbox");
    }
    std::uint64_t flags = 0;
    if (auto f = request.Query("flags")) flags = ParseU64(*f).value_or(0);
    done = store_.Put(key, request.body, flags, cas);
  } else if (request.Query("recurse")) {
    store_.DeleteTree(key);
  } else {
    done = store_.Delete(key, cas);
  }
  return http::Response::Json(200, done);
}

boost::json::value ConsulEmulator::State() const {
  boost::json::array entries;
  for (const auto& e : store_.Range("")) {
    entries.push_back({{"Key", e.key},
                       {"Value", e.value},
                       {"CreateIndex", e.create_index},
                       {"ModifyIndex", e.modify_index},
                       {"Flags", e.flags}});
  }
  return boost::json::object{{"index", store_.index()}, {"entries", std::move(entries)}};
}

std::unique_ptr<ConsulEmulator> MakeSandboxConsul() {
  ConsulEmulatorOptions options;
  options.tokens.push_back({kSandboxConsulToken, "00000000-0000-0000-0000-000000000001", "", true});
  return std::make_unique<ConsulEmulator>(options);
}

}  // namespace slipway::sandbox
