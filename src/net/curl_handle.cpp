#include "net/curl_handle.hpp"

#include <curl/curl.h>

#include <mutex>

#include "core/common/ascii_text.hpp"
#include "net/tls_server_name.hpp"

namespace slipway::net {

namespace {

struct Slist {
  curl_slist* list = nullptr;
  Slist() = default;
  Slist(const Slist&) = delete;
  Slist& operator=(const Slist&) = delete;
  ~Slist() { curl_slist_free_all(list); }
  void Add(const std::string& line) { list = curl_slist_append(list, line.c_str()); }
};

// Where one call's body goes (see CurlRequest::on_data).
struct BodySink {
  CURL* curl;
  const CurlRequest* request;
  std::string* collected;
  bool stopped = false;
};

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  auto& sink = *static_cast<BodySink*>(user);
  std::string_view piece(data, size * count);
  bool stream = static_cast<bool>(sink.request->on_data);
  if (stream && sink.request->stream_success_only) {
    long status = 0;
    curl_easy_getinfo(sink.curl, CURLINFO_RESPONSE_CODE, &status);
    stream = status >= 200 && status < 300;
  }
  if (!stream) {
    sink.collected->append(piece);
  } else if (!sink.request->on_data(piece)) {
    sink.stopped = true;
    return 0;  // makes libcurl abort the transfer
  }
  return size * count;
}

size_t WriteHeader(char* data, size_t size, size_t count, void* user) {
  auto& headers = *static_cast<HeaderList*>(user);
  std::string_view line(data, size * count);
  // A new status line starts a new response (after 100 Continue or a
  // redirect); only the final response's headers are meaningful.
  if (line.starts_with("HTTP/")) {
    headers.clear();
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    headers.emplace_back(std::string(core::TrimSpace(line.substr(0, colon))),
                         std::string(core::TrimSpace(line.substr(colon + 1))));
  }
  return size * count;
}

// libcurl calls this about once a second even while the transfer is idle.
int CheckCancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(user)->load() ? 1 : 0;
}

// libcurl's socket opener while an address policy applies.
struct SocketGuard {
  const CurlRequest* request;
  std::string refusal;
};

curl_socket_t OpenGuardedSocket(void* data, curlsocktype, curl_sockaddr* address) {
  auto* guard = static_cast<SocketGuard*>(data);
  if (auto refused = guard->request->refuse_address(&address->addr)) {
    guard->refusal = *refused;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

void SetBlob(CURL* curl, CURLoption option, const std::string& pem) {
  curl_blob blob{const_cast<char*>(pem.data()), pem.size(), CURL_BLOB_COPY};
  curl_easy_setopt(curl, option, &blob);
}

void ApplyTls(CURL* curl, const TlsSettings& tls) {
  if (!tls.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, tls.ca_file.c_str());
  if (!tls.ca_pem.empty()) SetBlob(curl, CURLOPT_CAINFO_BLOB, tls.ca_pem);
  if (!tls.client_cert_file.empty())
    curl_easy_setopt(curl, CURLOPT_SSLCERT, tls.client_cert_file.c_str());
  if (!tls.client_cert_pem.empty()) SetBlob(curl, CURLOPT_SSLCERT_BLOB, tls.client_cert_pem);
  if (!tls.client_key_file.empty())
    curl_easy_setopt(curl, CURLOPT_SSLKEY, tls.client_key_file.c_str());
  if (!tls.client_key_pem.empty()) SetBlob(curl, CURLOPT_SSLKEY_BLOB, tls.client_key_pem);
  if (tls.insecure_skip_verify) {
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
  }
}

// Every method-related option is set each time, undoing the previous call's:
// NOBODY first (clearing it alters the method), then the body, then the verb.
void ApplyMethod(CURL* curl, const CurlRequest& request) {
  curl_easy_setopt(curl, CURLOPT_NOBODY, request.method == "HEAD" ? 1L : 0L);
  if (request.body || request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body ? request.body->data() : "");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body ? request.body->size() : 0));
  } else if (request.method != "HEAD") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  }
  const bool verb_implied = request.method == "HEAD" || request.method == "POST" ||
                            (request.method == "GET" && !request.body);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, verb_implied ? nullptr : request.method.c_str());
}

}  // namespace

struct CurlHandle::State {
  ConnectionSettings settings;
  CURL* curl = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  ~State() { curl_easy_cleanup(curl); }
};

CurlHandle::CurlHandle(ConnectionSettings settings) : state_(std::make_unique<State>()) {
  static std::once_flag init;  // curl_global_init is not thread-safe
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  state_->settings = std::move(settings);
  state_->curl = curl_easy_init();
  CURL* curl = state_->curl;
  if (curl == nullptr) return;
  const auto& s = state_->settings;
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, state_->error);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(s.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, WriteHeader);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, CheckCancel);
  if (!s.proxy.empty()) curl_easy_setopt(curl, CURLOPT_PROXY, s.proxy.c_str());
  if (!s.basic_user.empty()) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERNAME, s.basic_user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, s.basic_password.c_str());
  }
  ApplyTls(curl, s.tls);
  if (s.cookies) curl_easy_setopt(curl, CURLOPT_COOKIEFILE, "");  // in-memory jar
}

CurlHandle::~CurlHandle() = default;
CurlHandle::CurlHandle(CurlHandle&&) noexcept = default;
CurlHandle& CurlHandle::operator=(CurlHandle&&) noexcept = default;

const ConnectionSettings& CurlHandle::settings() const { return state_->settings; }

core::Result<CurlResponse> CurlHandle::Perform(const CurlRequest& request) {
  CURL* curl = state_->curl;
  if (curl == nullptr)
    return core::Error{core::Code::kInternal, "libcurl failed to initialise", {}};
  const std::string& url = request.url;  // the one named in errors
  std::string curl_url = url;
  Slist headers, connect_to;
  headers.Add("Expect:");  // no 100-continue round trip
  const auto& server_name = state_->settings.tls.server_name;
  if (!server_name.empty() && url.starts_with("https://")) {
    auto route = RouteByTlsServerName(url, server_name);
    if (!route.ok()) return route.error();
    curl_url = route->url;
    connect_to.Add(route->connect_to);
    headers.Add("Host: " + route->host);
  }
  for (const auto& [name, value] : request.headers) headers.Add(name + ": " + value);

  CurlResponse response;
  BodySink sink{curl, &request, &response.body};
  SocketGuard guard{&request, ""};
  state_->error[0] = '\0';
  curl_easy_setopt(curl, CURLOPT_URL, curl_url.c_str());
  curl_easy_setopt(curl, CURLOPT_CONNECT_TO, connect_to.list);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, request.cancel ? 0L : 1L);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, request.cancel);
  // NULL restores libcurl's own socket opener.
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION,
                   request.refuse_address ? OpenGuardedSocket : nullptr);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &guard);
  ApplyMethod(curl, request);

  CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  if (!guard.refusal.empty()) {
    return core::Error{core::Code::kForbidden,
                       "refused to connect to " + url + ": " + guard.refusal,
                       {{"url", url}}};
  }
  const bool stopped = rc == CURLE_WRITE_ERROR && sink.stopped;
  const bool cancelled =
      rc == CURLE_ABORTED_BY_CALLBACK && request.cancel && request.cancel->load();
  if (rc != CURLE_OK && !stopped && !cancelled) {
    std::string reason = state_->error[0] != '\0' ? state_->error : curl_easy_strerror(rc);
    const std::string& name = request.name_in_errors.empty() ? url : request.name_in_errors;
    return core::Error{core::Code::kTransient,
                       "cannot reach " + name + ": " + reason,
                       {{"url", url}, {"curl_code", static_cast<int>(rc)}}};
  }
  return response;
}

}  // namespace slipway::net
