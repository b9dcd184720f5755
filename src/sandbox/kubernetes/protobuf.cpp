#include "sandbox/kubernetes/protobuf.hpp"

#include <sodium.h>

#include <cstdint>
#include <string_view>

#include "sandbox/kubernetes/api_error.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

[[noreturn]] void Malformed() {
  throw ApiError(415, "UnsupportedMediaType", "the protobuf body of the request is malformed");
}

// One field of a protobuf message: its number and, for the wire types
// used by Kubernetes objects, its varint value or length-delimited bytes.
struct Field {
  uint32_t number = 0;
  uint64_t varint = 0;
  std::string_view bytes;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool Next(Field& f) {
    if (pos_ >= data_.size()) return false;
    uint64_t key = Varint();
    f = Field{static_cast<uint32_t>(key >> 3), 0, {}};
    switch (key & 7) {
      case 0:
        f.varint = Varint();
        break;
      case 1:
        Skip(8);
        break;
      case 2: {
        uint64_t n = Varint();
        if (n > data_.size() - pos_) Malformed();
        f.bytes = data_.substr(pos_, n);
        pos_ += n;
        break;
      }
      case 5:
        Skip(4);
        break;
      default:
        Malformed();
    }
    return true;
  }

 private:
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) Malformed();
      auto b = static_cast<unsigned char>(data_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    Malformed();
  }
  void Skip(size_t n) {
    if (n > data_.size() - pos_) Malformed();
    pos_ += n;
  }
  std::string_view data_;
  size_t pos_ = 0;
};

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// A map<string,string> entry (key = 1, value = 2) added to `into`.
void MapEntry(std::string_view entry, json::object& into, bool base64) {
  Reader r(entry);
  Field f;
  std::string key, value;
  while (r.Next(f)) {
    if (f.number == 1) key = f.bytes;
    if (f.number == 2) value = f.bytes;
  }
  into[key] = base64 ? Base64(value) : value;
}

json::object ObjectMeta(std::string_view data) {
  json::object meta;
  Reader r(data);
  Field f;
  while (r.Next(f)) {
    switch (f.number) {
      case 1:
        if (!f.bytes.empty()) meta["name"] = f.bytes;
        break;
      case 2:
        if (!f.bytes.empty()) meta["generateName"] = f.bytes;
        break;
      case 3:
        if (!f.bytes.empty()) meta["namespace"] = f.bytes;
        break;
      case 11: {
        if (!meta.contains("labels")) meta["labels"] = json::object();
        MapEntry(f.bytes, meta["labels"].as_object(), false);
        break;
      }
      case 12: {
        if (!meta.contains("annotations")) meta["annotations"] = json::object();
        MapEntry(f.bytes, meta["annotations"].as_object(), false);
        break;
      }
      case 14: {
        if (!meta.contains("finalizers")) meta["finalizers"] = json::array();
        meta["finalizers"].as_array().emplace_back(f.bytes);
        break;
      }
      default:
        break;  // server-owned fields (uid, resourceVersion, …) are ignored on write
    }
  }
  return meta;
}

}  // namespace

json::object DecodeProtobufObject(const std::string& body) {
  if (body.size() < 4 || body.compare(0, 4, std::string("k8s\0", 4)) != 0) Malformed();
  Reader envelope(std::string_view(body).substr(4));
  Field f;
  std::string api_version, kind;
  std::string_view raw;
  while (envelope.Next(f)) {
    if (f.number == 1) {
      Reader type_meta(f.bytes);
      Field t;
      while (type_meta.Next(t)) {
        if (t.number == 1) api_version = t.bytes;
        if (t.number == 2) kind = t.bytes;
      }
    } else if (f.number == 2) {
      raw = f.bytes;
    }
  }
  if (kind != "Namespace" && kind != "ConfigMap") {
    throw ApiError(415, "UnsupportedMediaType",
                   "the sandbox decodes protobuf only for Namespace and ConfigMap (got " + kind +
                       "); send application/json");
  }
  json::object out{{"apiVersion", api_version}, {"kind", kind}};
  Reader object(raw);
  while (object.Next(f)) {
    if (f.number == 1) {
      out["metadata"] = ObjectMeta(f.bytes);
    } else if (kind == "Namespace" && f.number == 2) {
      Reader spec(f.bytes);
      Field s;
      json::array finalizers;
      while (spec.Next(s)) {
        if (s.number == 1) finalizers.emplace_back(s.bytes);
      }
      if (!finalizers.empty()) out["spec"] = json::object{{"finalizers", finalizers}};
    } else if (kind == "ConfigMap" && (f.number == 2 || f.number == 3)) {
      const char* field = f.number == 2 ? "data" : "binaryData";
      if (!out.contains(field)) out[field] = json::object();
      MapEntry(f.bytes, out[field].as_object(), f.number == 3);
    } else if (kind == "ConfigMap" && f.number == 4) {
      out["immutable"] = f.varint != 0;
    }
  }
  return out;
}

}  // namespace slipway::sandbox::kube
