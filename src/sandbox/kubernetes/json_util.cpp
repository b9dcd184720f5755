#include "sandbox/kubernetes/json_util.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

namespace slipway::sandbox::k8s {

const json::value* Find(const json::value& root, std::string_view dotted) {
  const json::value* cur = &root;
  while (!dotted.empty()) {
    auto dot = dotted.find('.');
    std::string_view key = dotted.substr(0, dot);
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
    const auto* obj = cur->if_object();
    if (!obj) return nullptr;
    cur = obj->if_contains(key);
    if (!cur) return nullptr;
  }
  return cur;
}

const json::value* Find(const json::object& root, std::string_view dotted) {
  auto dot = dotted.find('.');
  const auto* first = root.if_contains(dotted.substr(0, dot));
  if (!first || dot == std::string_view::npos) return first;
  return Find(*first, dotted.substr(dot + 1));
}

namespace {

std::string StringOf(const json::value* v, std::string fallback) {
  if (!v || !v->is_string()) return fallback;
  return std::string(v->as_string());
}

int64_t IntOf(const json::value* v, int64_t fallback) {
  if (!v) return fallback;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64()) return static_cast<int64_t>(v->as_uint64());
  if (v->is_double()) return static_cast<int64_t>(v->as_double());
  return fallback;
}

}  // namespace

std::string GetString(const json::object& root, std::string_view dotted, std::string fallback) {
  return StringOf(Find(root, dotted), std::move(fallback));
}

int64_t GetInt(const json::object& root, std::string_view dotted, int64_t fallback) {
  return IntOf(Find(root, dotted), fallback);
}

std::string GetString(const json::value& root, std::string_view dotted, std::string fallback) {
  const auto* v = Find(root, dotted);
  if (!v || !v->is_string()) return fallback;
  return std::string(v->as_string());
}

int64_t GetInt(const json::value& root, std::string_view dotted, int64_t fallback) {
  const auto* v = Find(root, dotted);
  if (!v) return fallback;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64()) return static_cast<int64_t>(v->as_uint64());
  if (v->is_double()) return static_cast<int64_t>(v->as_double());
  return fallback;
}

json::object& Obj(json::object& parent, std::string_view key) {
  auto& v = parent[key];
  if (!v.is_object()) v = json::object();
  return v.as_object();
}

json::array& Arr(json::object& parent, std::string_view key) {
  auto& v = parent[key];
  if (!v.is_array()) v = json::array();
  return v.as_array();
}

namespace {

void CanonicalInto(const json::value& v, std::string& out) {
  if (const auto* obj = v.if_object()) {
    std::vector<const json::key_value_pair*> entries;
    for (const auto& kv : *obj) entries.push_back(&kv);
    std::sort(entries.begin(), entries.end(),
              [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    bool first = true;
    for (const auto* kv : entries) {
      if (!first) out += ',';
      first = false;
      out += json::serialize(json::string(kv->key()));
      out += ':';
      CanonicalInto(kv->value(), out);
    }
    out += '}';
  } else if (const auto* arr = v.if_array()) {
    out += '[';
    for (size_t i = 0; i < arr->size(); ++i) {
      if (i) out += ',';
      CanonicalInto((*arr)[i], out);
    }
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

}  // namespace

std::string Canonical(const json::value& v) {
  std::string out;
  CanonicalInto(v, out);
  return out;
}

std::string NowRfc3339() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t ParseRfc3339(std::string_view text) {
  std::tm tm{};
  std::string s(text);
  if (!strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
  return static_cast<int64_t>(timegm(&tm));
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : digest) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string NewUid() {
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 15];
  }
  return out;
}

std::string RandomSuffix(int n) {
  static constexpr std::string_view kAlphabet = "bcdfghjklmnpqrstvwxz2456789";
  std::string out;
  for (int i = 0; i < n; ++i) out += kAlphabet[randombytes_uniform(kAlphabet.size())];
  return out;
}

}  // namespace slipway::sandbox::k8s
