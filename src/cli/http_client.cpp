#include "cli/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <mutex>

namespace slipway::cli {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

size_t CollectBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// Where a streamed response's body goes: to the caller's sink while the
// status is 2xx, else into the response (an error body to parse).
struct StreamTarget {
  CURL* curl;
  const std::function<void(std::string_view)>* sink;
  std::string* collected;
};

size_t StreamBody(char* data, size_t size, size_t count, void* user) {
  auto* target = static_cast<StreamTarget*>(user);
  long status = 0;
  curl_easy_getinfo(target->curl, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300) {
    (*target->sink)(std::string_view(data, size * count));
  } else {
    target->collected->append(data, size * count);
  }
  return size * count;
}

size_t CollectHeader(char* data, size_t size, size_t count, void* user) {
  auto& headers = *static_cast<HeaderList*>(user);
  std::string_view line(data, size * count);
  // A new status line starts a new response (after 100 Continue or a
  // redirect); only the final response's headers are meaningful.
  if (line.starts_with("HTTP/")) {
    headers.clear();
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    headers.emplace_back(std::string(Trim(line.substr(0, colon))),
                         std::string(Trim(line.substr(colon + 1))));
  }
  return size * count;
}

struct HeaderSlist {
  curl_slist* list = nullptr;
  ~HeaderSlist() { curl_slist_free_all(list); }
  void Add(const std::string& line) { list = curl_slist_append(list, line.c_str()); }
};

}  // namespace

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

core::Result<boost::json::value> HttpResponse::Json() const {
  if (Trim(body).empty()) return boost::json::value();
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) {
    return core::Invalid("response is not JSON (HTTP " + std::to_string(status) +
                         "): " + body.substr(0, 200));
  }
  return value;
}

struct HttpClient::Handle {
  CURL* curl = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  ~Handle() { curl_easy_cleanup(curl); }
};

HttpClient::HttpClient(HttpClientOptions options)
    : options_(std::move(options)), handle_(std::make_unique<Handle>()) {
  // curl_global_init is not thread-safe; clients may be built on many threads.
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  while (options_.base_url.ends_with('/')) options_.base_url.pop_back();
  handle_->curl = curl_easy_init();
  CURL* curl = handle_->curl;
  if (curl == nullptr) return;
  // Options that hold for every request. The handle is never reset: a reset
  // would switch the cookie engine off, and switching it on per request
  // leaks inside libcurl.
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, handle_->error);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, CollectHeader);
  if (options_.cookies) curl_easy_setopt(curl, CURLOPT_COOKIEFILE, "");  // in-memory jar
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

core::Result<HttpResponse> HttpClient::Send(const HttpRequest& request) {
  const std::string url = options_.base_url + request.path;
  CURL* curl = handle_->curl;
  if (curl == nullptr) {
    return core::Error{core::Code::kInternal, "libcurl failed to initialise", {}};
  }
  HeaderSlist headers;
  headers.Add("Accept: application/json");
  headers.Add("Expect:");  // no 100-continue round trip for small bodies
  if (request.body) headers.Add("Content-Type: " + request.content_type);
  if (!options_.bearer_token.empty()) headers.Add("Authorization: Bearer " + options_.bearer_token);
  if (!csrf_token_.empty() && request.method != "GET" && request.method != "HEAD") {
    headers.Add("X-CSRF-Token: " + csrf_token_);
  }
  for (const auto& [name, value] : request.headers) headers.Add(name + ": " + value);

  HttpResponse response;
  handle_->error[0] = '\0';
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
  StreamTarget stream{curl, &request.on_body, &response.body};
  if (request.on_body) {
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, StreamBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &stream);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 0L);
  } else {
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, CollectBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  }
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);

  // Every method-related option is set each time, undoing the previous
  // request's: NOBODY first (clearing it alters the method), then the body,
  // then the verb.
  curl_easy_setopt(curl, CURLOPT_NOBODY, request.method == "HEAD" ? 1L : 0L);
  if (request.body || request.method == "POST") {
    const size_t size = request.body ? request.body->size() : 0;
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(size));
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body ? request.body->data() : "");
  } else if (request.method != "HEAD") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
  }
  const bool verb_implied = request.method == "HEAD" || request.method == "POST" ||
                            (request.method == "GET" && !request.body);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, verb_implied ? nullptr : request.method.c_str());

  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    std::string reason = handle_->error[0] != '\0' ? handle_->error : curl_easy_strerror(rc);
    return core::Error{core::Code::kTransient,
                       "cannot reach " + options_.base_url + ": " + reason,
                       {{"url", url}, {"curl_code", static_cast<int>(rc)}}};
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

core::Result<HttpResponse> HttpClient::SendJson(std::string method, std::string path,
                                                const boost::json::value* body) {
  HttpRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  if (body != nullptr) request.body = boost::json::serialize(*body);
  return Send(request);
}

}  // namespace slipway::cli
