#include "connectors/http_transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <thread>

#include "connectors/tls_server_name.hpp"
#include "connectors/token_file.hpp"
#include "core/common/call_tag.hpp"

namespace slipway::connectors {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

struct Sink {
  std::string* body;
  const std::function<bool(std::string_view)>* on_data;
  bool stopped = false;
};

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  auto& sink = *static_cast<Sink*>(user);
  std::string_view piece(data, size * count);
  if (*sink.on_data) {
    if (!(*sink.on_data)(piece)) {
      sink.stopped = true;
      return 0;  // makes libcurl abort the transfer
    }
  } else {
    sink.body->append(piece);
  }
  return size * count;
}

// libcurl calls this about once a second even while the transfer is idle.
int CheckCancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(user)->load() ? 1 : 0;
}

size_t WriteHeader(char* data, size_t size, size_t count, void* user) {
  auto& headers = *static_cast<HeaderList*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    headers.clear();  // a new response (after 100 Continue or a redirect)
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    headers.emplace_back(std::string(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
  return size * count;
}

struct Slist {
  curl_slist* list = nullptr;
  ~Slist() { curl_slist_free_all(list); }
  void Add(const std::string& line) { list = curl_slist_append(list, line.c_str()); }
};

void SetBlob(CURL* curl, CURLoption option, const std::string& pem) {
  curl_blob blob{const_cast<char*>(pem.data()), pem.size(), CURL_BLOB_COPY};
  curl_easy_setopt(curl, option, &blob);
}

void ApplyTls(CURL* curl, const TlsSettings& tls) {
  if (!tls.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, tls.ca_file.c_str());
  if (!tls.ca_pem.empty()) SetBlob(curl, CURLOPT_CAINFO_BLOB, tls.ca_pem);
  if (!tls.client_cert_file.empty()) curl_easy_setopt(curl, CURLOPT_SSLCERT, tls.client_cert_file.c_str());
  if (!tls.client_cert_pem.empty()) SetBlob(curl, CURLOPT_SSLCERT_BLOB, tls.client_cert_pem);
  if (!tls.client_key_file.empty()) curl_easy_setopt(curl, CURLOPT_SSLKEY, tls.client_key_file.c_str());
  if (!tls.client_key_pem.empty()) SetBlob(curl, CURLOPT_SSLKEY_BLOB, tls.client_key_pem);
  if (tls.insecure_skip_verify) {
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
  }
}

bool RetryableStatus(long status) {
  return status == 429 || status == 502 || status == 503 || status == 504;
}

}  // namespace

std::optional<std::string> TransportResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

// Idle libcurl handles: reusing one keeps its connection cache warm.
struct HttpTransport::Pool {
  std::mutex mutex;
  std::vector<CURL*> idle;
  ~Pool() {
    for (auto* c : idle) curl_easy_cleanup(c);
  }
  CURL* Take() {
    std::lock_guard lock(mutex);
    if (idle.empty()) return curl_easy_init();
    CURL* c = idle.back();
    idle.pop_back();
    return c;
  }
  void Give(CURL* c) {
    std::lock_guard lock(mutex);
    if (idle.size() < 8) {
      idle.push_back(c);
    } else {
      curl_easy_cleanup(c);
    }
  }
};

HttpTransport::HttpTransport(TransportSettings settings)
    : settings_(std::move(settings)), pool_(std::make_unique<Pool>()) {
  static std::once_flag init;  // curl_global_init is not thread-safe
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  while (settings_.base_url.ends_with('/')) settings_.base_url.pop_back();
  if (!settings_.bearer_token_file.empty()) {
    token_file_ = std::make_unique<TokenFile>(settings_.bearer_token_file, settings_.bearer_token);
  }
}

HttpTransport::~HttpTransport() = default;

core::Result<TransportResponse> HttpTransport::Send(const TransportRequest& request) {
  const bool idempotent = request.idempotent.value_or(
      request.method == "GET" || request.method == "HEAD" || request.method == "PUT" ||
      request.method == "DELETE");
  const int attempts = idempotent && !request.on_data ? 1 + settings_.max_retries : 1;
  auto backoff = settings_.retry_backoff;
  for (int attempt = 1;; ++attempt) {
    auto result = SendOnce(request);
    bool retry = attempt < attempts &&
                 (!result.ok() ? result.error().code == core::Code::kTransient : RetryableStatus(result->status));
    if (!retry) return result;
    std::this_thread::sleep_for(backoff);
    backoff *= 2;
  }
}

namespace {

// libcurl's socket opener, refusing what the address policy refuses.
struct SocketGuard {
  const AddressPolicy* policy = nullptr;
  std::string refusal;
};

curl_socket_t OpenGuardedSocket(void* data, curlsocktype, curl_sockaddr* address) {
  auto* guard = static_cast<SocketGuard*>(data);
  if (auto refused = RefusalFor(*guard->policy, &address->addr)) {
    guard->refusal = *refused;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

}  // namespace

core::Result<TransportResponse> HttpTransport::SendOnce(const TransportRequest& request) {
  const std::string url = settings_.base_url + request.path;  // named in errors
  std::string curl_url = url;
  Slist headers, connect_to;
  headers.Add("Expect:");
  if (!settings_.tls.server_name.empty() && url.starts_with("https://")) {
    auto route = RouteByTlsServerName(url, settings_.tls.server_name);
    if (!route.ok()) return route.error();
    curl_url = route->url;
    connect_to.Add(route->connect_to);
    headers.Add("Host: " + route->host);
  }
  CURL* curl = pool_->Take();
  if (!curl) return core::Error{core::Code::kInternal, "libcurl failed to initialise", {}};
  curl_easy_reset(curl);
  for (const auto& [k, v] : settings_.default_headers) headers.Add(k + ": " + v);
  for (const auto& [k, v] : request.headers) headers.Add(k + ": " + v);
  if (const auto& tag = core::CurrentCallTag(); !tag.empty()) headers.Add("X-Slipway-Step: " + tag);
  const std::string token = token_file_ ? token_file_->Current() : settings_.bearer_token;
  if (!token.empty()) headers.Add("Authorization: Bearer " + token);

  TransportResponse response;
  Sink sink{&response.body, &request.on_data};
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, curl_url.c_str());
  if (connect_to.list) curl_easy_setopt(curl, CURLOPT_CONNECT_TO, connect_to.list);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(request.timeout.value_or(settings_.timeout).count()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, WriteHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  if (request.cancel) {
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, CheckCancel);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, request.cancel);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  }
  if (!settings_.proxy.empty()) curl_easy_setopt(curl, CURLOPT_PROXY, settings_.proxy.c_str());
  if (!settings_.basic_user.empty()) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.basic_user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.basic_password.c_str());
  }
  ApplyTls(curl, settings_.tls);
  if (request.body) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body->data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body->size()));
  } else if (request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t{0});
  }
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (request.method != "POST" && (request.method != "GET" || request.body)) {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }

  SocketGuard guard{&settings_.address_policy, ""};
  if (settings_.address_policy.refuse_private) {
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, OpenGuardedSocket);
    curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &guard);
  }
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  pool_->Give(curl);
  if (!guard.refusal.empty()) {
    return core::Error{core::Code::kForbidden, "refused to connect to " + url + ": " + guard.refusal,
                       {{"url", url}}};
  }
  const bool cancelled = rc == CURLE_ABORTED_BY_CALLBACK && request.cancel && request.cancel->load();
  if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && sink.stopped) && !cancelled) {
    std::string reason = error[0] != '\0' ? error : curl_easy_strerror(rc);
    return core::Error{core::Code::kTransient, "cannot reach " + url + ": " + reason,
                       {{"url", url}, {"curl_code", static_cast<int>(rc)}}};
  }
  return response;
}

core::Code CodeForStatus(long status) {
  switch (status) {
    case 400:
    case 422: return core::Code::kInvalid;
    case 401: return core::Code::kUnauthenticated;
    case 403: return core::Code::kForbidden;
    case 404:
    case 410: return core::Code::kNotFound;
    case 409:
    case 412: return core::Code::kConflict;
    default: return status == 429 || status >= 500 ? core::Code::kTransient : core::Code::kInvalid;
  }
}

core::Error ErrorFromResponse(std::string_view system, const TransportResponse& response,
                              std::string message) {
  return core::Error{CodeForStatus(response.status),
                     std::string(system) + ": " + message,
                     {{"system", system}, {"status", response.status}}};
}

std::string UrlEncode(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace slipway::connectors
