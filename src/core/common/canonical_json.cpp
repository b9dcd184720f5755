#include "core/common/canonical_json.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <vector>

namespace slipway::core {
namespace {

namespace json = boost::json;

void CanonicalInto(const json::value& v, std::string& out) {
  if (const auto* obj = v.if_object()) {
    std::vector<const json::key_value_pair*> entries;
    for (const auto& kv : *obj) entries.push_back(&kv);
    std::sort(entries.begin(), entries.end(),
              [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    for (size_t i = 0; i < entries.size(); ++i) {
      if (i) out += ',';
      out += json::serialize(json::string(entries[i]->key()));
      out += ':';
      CanonicalInto(entries[i]->value(), out);
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

std::string CanonicalJson(const json::value& value) {
  std::string out;
  CanonicalInto(value, out);
  return out;
}

}  // namespace slipway::core
