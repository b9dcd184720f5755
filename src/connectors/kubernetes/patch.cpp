#include "connectors/kubernetes/patch.hpp"

#include <charconv>

namespace slipway::connectors::kube {

namespace json = boost::json;

json::value MergePatch(const json::value& target, const json::value& patch) {
  if (!patch.is_object()) return patch;
  json::object result = target.is_object() ? target.as_object() : json::object();
  for (const auto& kv : patch.as_object()) {
    if (kv.value().is_null()) {
      result.erase(kv.key());
    } else {
      const auto* existing = result.if_contains(kv.key());
      result[kv.key()] = MergePatch(existing ? *existing : json::value(), kv.value());
    }
  }
  return result;
}

namespace {

[[noreturn]] void Fail(int code, std::string message) {
  throw PatchError{code, std::move(message)};
}

std::vector<std::string> Pointer(const std::string& ptr) {
  if (ptr.empty()) return {};
  if (ptr[0] != '/') Fail(400, "invalid JSON pointer \"" + ptr + "\"");
  std::vector<std::string> tokens;
  size_t start = 1;
  while (true) {
    size_t slash = ptr.find('/', start);
    std::string tok =
        ptr.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    std::string un;
    for (size_t i = 0; i < tok.size(); ++i) {
      if (tok[i] == '~' && i + 1 < tok.size() && (tok[i + 1] == '0' || tok[i + 1] == '1')) {
        un += tok[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        un += tok[i];
      }
    }
    tokens.push_back(un);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return tokens;
}

size_t Index(const std::string& tok, size_t size, bool allow_end, const std::string& ptr) {
  if (allow_end && tok == "-") return size;
  size_t idx = 0;
  auto [p, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), idx);
  if (ec != std::errc() || p != tok.data() + tok.size() || idx > size ||
      (!allow_end && idx == size)) {
    Fail(422, "the server rejected our request due to an error in our request: invalid index " +
                  tok + " in " + ptr);
  }
  return idx;
}

// The container holding the last token of `tokens`.
json::value& Parent(json::value& doc, const std::vector<std::string>& tokens,
                    const std::string& ptr) {
  json::value* cur = &doc;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (auto* o = cur->if_object()) {
      cur = o->if_contains(tokens[i]);
    } else if (auto* a = cur->if_array()) {
      cur = &(*a)[Index(tokens[i], a->size(), false, ptr)];
    } else {
      cur = nullptr;
    }
    if (!cur) Fail(422, "doc is missing path: \"" + ptr + "\": missing value");
  }
  return *cur;
}

json::value Get(json::value& doc, const std::string& ptr) {
  auto tokens = Pointer(ptr);
  if (tokens.empty()) return doc;
  auto& parent = Parent(doc, tokens, ptr);
  if (auto* o = parent.if_object()) {
    if (auto* v = o->if_contains(tokens.back())) return *v;
  } else if (auto* a = parent.if_array()) {
    return (*a)[Index(tokens.back(), a->size(), false, ptr)];
  }
  Fail(422, "doc is missing path: \"" + ptr + "\": missing value");
}

void Remove(json::value& doc, const std::string& ptr) {
  auto tokens = Pointer(ptr);
  if (tokens.empty()) Fail(422, "cannot remove the whole document");
  auto& parent = Parent(doc, tokens, ptr);
  if (auto* o = parent.if_object()) {
    if (o->erase(tokens.back()) == 1) return;
  } else if (auto* a = parent.if_array()) {
    a->erase(a->begin() + static_cast<long>(Index(tokens.back(), a->size(), false, ptr)));
    return;
  }
  Fail(422, "Unable to remove nonexistent key: " + ptr + ": missing value");
}

void Add(json::value& doc, const std::string& ptr, json::value value, bool replace) {
  auto tokens = Pointer(ptr);
  if (tokens.empty()) {
    doc = std::move(value);
    return;
  }
  auto& parent = Parent(doc, tokens, ptr);
  if (auto* o = parent.if_object()) {
    if (replace && !o->contains(tokens.back())) {
      Fail(422, "replace operation does not apply: doc is missing key: " + ptr + ": missing value");
    }
    (*o)[tokens.back()] = std::move(value);
  } else if (auto* a = parent.if_array()) {
    size_t idx = Index(tokens.back(), a->size(), !replace, ptr);
    if (replace) {
      (*a)[idx] = std::move(value);
    } else {
      a->insert(a->begin() + static_cast<long>(idx), std::move(value));
    }
  } else {
    Fail(422, "doc is missing path: \"" + ptr + "\": missing value");
  }
}

}  // namespace

json::value JsonPatch(const json::value& target, const json::value& patch) {
  if (!patch.is_array()) Fail(400, "a JSON patch must be an array of operations");
  json::value doc = target;
  for (const auto& op_value : patch.as_array()) {
    const auto* op = op_value.if_object();
    if (!op || !op->contains("op") || !op->at("op").is_string() || !op->contains("path") ||
        !op->at("path").is_string()) {
      Fail(400, "invalid JSON patch operation: " + json::serialize(op_value));
    }
    std::string name(op->at("op").as_string());
    std::string path(op->at("path").as_string());
    auto from = [&] {
      const auto* f = op->if_contains("from");
      if (!f || !f->is_string()) Fail(400, "operation " + name + " needs \"from\"");
      return std::string(f->as_string());
    };
    auto value = [&] {
      const auto* v = op->if_contains("value");
      if (!v) Fail(400, "operation " + name + " needs \"value\"");
      return *v;
    };
    if (name == "add") {
      Add(doc, path, value(), false);
    } else if (name == "remove") {
      Remove(doc, path);
    } else if (name == "replace") {
      Add(doc, path, value(), true);
    } else if (name == "move") {
      auto src = from();
      auto v = Get(doc, src);
      Remove(doc, src);
      Add(doc, path, std::move(v), false);
    } else if (name == "copy") {
      Add(doc, path, Get(doc, from()), false);
    } else if (name == "test") {
      if (Get(doc, path) != value()) Fail(422, "testing value " + path + " failed: test failed");
    } else {
      Fail(400, "unexpected JSON patch operation \"" + name + "\"");
    }
  }
  return doc;
}

}  // namespace slipway::connectors::kube
