#include "connectors/consul/client.hpp"

#include <boost/json.hpp>

#include "connectors/webhook/hmac.hpp"

namespace slipway::connectors::consul {

namespace {

// Encodes each path segment but keeps the "/" separators of the key.
std::string KeyPath(std::string_view key) {
  std::string out = "/v1/kv/";
  std::size_t start = 0;
  while (true) {
    auto slash = key.find('/', start);
    out += UrlEncode(key.substr(start, slash == std::string_view::npos ? key.npos : slash - start));
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

std::uint64_t IndexHeader(const TransportResponse& response) {
  auto header = response.Header("X-Consul-Index");
  if (!header) return 0;
  try {
    return std::stoull(*header);
  } catch (...) {
    return 0;
  }
}

std::uint64_t U64(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v) return 0;
  if (v->is_uint64()) return v->as_uint64();
  if (v->is_int64() && v->as_int64() >= 0) return static_cast<std::uint64_t>(v->as_int64());
  return 0;
}

core::Result<std::vector<KvEntry>> ParseEntries(const std::string& body) {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(body, ec);
  if (ec || !parsed.is_array())
    return core::Error{core::Code::kTransient, "consul: unexpected KV reply", {}};
  std::vector<KvEntry> out;
  for (const auto& item : parsed.as_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    KvEntry e;
    if (const auto* k = o.if_contains("Key"); k && k->is_string())
      e.key = std::string(k->as_string());
    if (const auto* v = o.if_contains("Value"); v && v->is_string()) {
      auto decoded = Base64Decode(v->as_string());
      if (!decoded)
        return core::Error{core::Code::kTransient, "consul: bad base64 value of " + e.key, {}};
      e.value = std::move(*decoded);
    }
    e.create_index = U64(o, "CreateIndex");
    e.modify_index = U64(o, "ModifyIndex");
    e.flags = U64(o, "Flags");
    out.push_back(std::move(e));
  }
  return out;
}

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.pop_back();
  return text;
}

}  // namespace

core::Error ConsulError(const TransportResponse& response, std::string_view what) {
  std::string text = Trimmed(response.body);
  if (text.empty()) text = "HTTP " + std::to_string(response.status);
  auto error = ErrorFromResponse("consul", response, std::string(what) + ": " + text);
  if (response.status == 403) {
    error.code = text.find("ACL not found") != std::string::npos ? core::Code::kUnauthenticated
                                                                 : core::Code::kForbidden;
  }
  return error;
}

ConsulClient::ConsulClient(ConsulSettings settings)
    : settings_(std::move(settings)), transport_([this] {
        auto t = settings_.transport;
        if (!settings_.token.empty())
          t.default_headers.emplace_back("X-Consul-Token", settings_.token);
        return t;
      }()) {}

core::Result<TransportResponse> ConsulClient::Call(std::string method, std::string_view key,
                                                   std::string query,
                                                   std::optional<std::string> body,
                                                   const Blocking* blocking) {
  TransportRequest request;
  if (!settings_.datacenter.empty()) query += "&dc=" + UrlEncode(settings_.datacenter);
  if (blocking && blocking->index > 0) {
    query += "&index=" + std::to_string(blocking->index) +
             "&wait=" + std::to_string(blocking->wait.count()) + "ms";
    request.timeout = blocking->wait + blocking->wait / 16 + settings_.transport.timeout;
  }
  if (!query.empty()) query[0] = '?';
  request.method = std::move(method);
  request.path = KeyPath(key) + query;
  request.body = std::move(body);
  return transport_.Send(request);
}

core::Result<KvSnapshot> ConsulClient::Read(std::string_view key, std::string query,
                                            const Blocking& blocking) {
  auto response = Call("GET", key, std::move(query), std::nullopt, &blocking);
  if (!response.ok()) return response.error();
  KvSnapshot out;
  out.index = IndexHeader(*response);
  if (response->status == 404) return out;  // nothing there: an empty result, with its index
  if (response->status != 200) return ConsulError(*response, "reading " + std::string(key));
  auto entries = ParseEntries(response->body);
  if (!entries.ok()) return entries.error();
  out.entries = std::move(*entries);
  return out;
}

core::Result<KvEntry> ConsulClient::Get(std::string_view key) {
  auto snapshot = Read(key, "", {});
  if (!snapshot.ok()) return snapshot.error();
  if (snapshot->entries.empty())
    return core::NotFound("consul: key " + std::string(key) + " not found");
  return std::move(snapshot->entries.front());
}

core::Result<KvSnapshot> ConsulClient::List(std::string_view prefix, const Blocking& blocking) {
  return Read(prefix, "&recurse", blocking);
}

core::Result<KvSnapshot> ConsulClient::Watch(std::string_view key, const Blocking& blocking) {
  return Read(key, "", blocking);
}

core::Result<std::vector<std::string>> ConsulClient::Keys(std::string_view prefix,
                                                          std::string_view separator) {
  std::string query = "&keys";
  if (!separator.empty()) query += "&separator=" + UrlEncode(separator);
  auto response = Call("GET", prefix, query);
  if (!response.ok()) return response.error();
  if (response->status == 404) return std::vector<std::string>{};
  if (response->status != 200)
    return ConsulError(*response, "listing keys under " + std::string(prefix));
  boost::system::error_code ec;
  auto parsed = boost::json::parse(response->body, ec);
  if (ec || !parsed.is_array())
    return core::Error{core::Code::kTransient, "consul: unexpected keys reply", {}};
  std::vector<std::string> out;
  for (const auto& k : parsed.as_array()) {
    if (k.is_string()) out.emplace_back(k.as_string());
  }
  return out;
}

core::Status ConsulClient::Write(std::string method, std::string_view key, std::string query,
                                 std::optional<std::string> body,
                                 std::optional<std::uint64_t> cas) {
  if (cas) query += "&cas=" + std::to_string(*cas);
  if (!settings_.datacenter.empty()) query += "&dc=" + UrlEncode(settings_.datacenter);
  if (!query.empty()) query[0] = '?';
  TransportRequest request;
  request.method = method;
  request.path = KeyPath(key) + query;
  request.body = std::move(body);
  request.idempotent = !cas.has_value();  // see the CAS note on ConsulKv::Put
  auto response = transport_.Send(request);
  if (!response.ok()) return response.error();
  const std::string what = (method == "PUT" ? "writing " : "deleting ") + std::string(key);
  if (response->status != 200) return ConsulError(*response, what);
  if (Trimmed(response->body) == "false") {
    return core::Conflict("consul: " + what + ": check-and-set failed, ModifyIndex is no longer " +
                              std::to_string(cas.value_or(0)),
                          {{"key", key}, {"cas", cas.value_or(0)}});
  }
  return core::Ok{};
}

core::Status ConsulClient::Put(std::string_view key, std::string_view value,
                               std::optional<std::uint64_t> cas) {
  return Write("PUT", key, "", std::string(value), cas);
}

core::Status ConsulClient::Delete(std::string_view key, std::optional<std::uint64_t> cas) {
  return Write("DELETE", key, "", std::nullopt, cas);
}

core::Status ConsulClient::DeleteTree(std::string_view prefix) {
  return Write("DELETE", prefix, "&recurse", std::nullopt, std::nullopt);
}

}  // namespace slipway::connectors::consul
