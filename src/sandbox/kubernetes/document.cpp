#include "sandbox/kubernetes/document.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <regex>

#include "sandbox/kubernetes/api_error.hpp"

namespace slipway::sandbox::kube {

namespace json = boost::json;

namespace {

json::value Scalar(const YAML::Node& node) {
  const std::string& s = node.Scalar();
  if (node.Tag() == "!") return json::value(s);  // quoted: always a string
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  static const std::regex kInt("[-+]?[0-9]+");
  static const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (std::regex_match(s, kInt)) {
    int64_t v = 0;
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    auto [p, ec] = std::from_chars(begin, s.data() + s.size(), v);
    if (ec == std::errc() && p == s.data() + s.size()) return v;
  }
  if (std::regex_match(s, kFloat)) {
    // Beyond a double's range ("1e999") go-yaml's ParseFloat fails and the
    // scalar stays a string, as here (stod would throw out_of_range).
    double v = 0;
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    auto [p, ec] = std::from_chars(begin, s.data() + s.size(), v);
    if (ec == std::errc() && p == s.data() + s.size()) return v;
  }
  return json::value(s);
}

// Bounds on following aliases, which yaml-cpp resolves to shared nodes: an
// alias inside the node it names (`a: &a {b: *a}`) nests it in itself
// without end, and aliases of aliases multiply (a "billion laughs"). The
// apiserver's YAML reader (go-yaml) refuses both, with these messages; its
// depth limit is 10000, this one lower to keep the recursion's stack small.
constexpr int kMaxDepth = 1000;
constexpr std::size_t kMaxNodes = 1'000'000;

class Converter {
 public:
  json::value Convert(const YAML::Node& node, int depth) {
    if (depth > kMaxDepth) {
      throw BadRequest("error converting YAML to JSON: yaml: exceeded max depth of " +
                       std::to_string(kMaxDepth));
    }
    if (++nodes_ > kMaxNodes) {
      throw BadRequest("error converting YAML to JSON: yaml: document contains excessive aliasing");
    }
    switch (node.Type()) {
      case YAML::NodeType::Map: {
        json::object o;
        for (const auto& kv : node) o[kv.first.as<std::string>()] = Convert(kv.second, depth + 1);
        return o;
      }
      case YAML::NodeType::Sequence: {
        json::array a;
        for (const auto& item : node) a.push_back(Convert(item, depth + 1));
        return a;
      }
      case YAML::NodeType::Scalar:
        return Scalar(node);
      default:
        return nullptr;
    }
  }

 private:
  std::size_t nodes_ = 0;
};

}  // namespace

json::value YamlToJson(const std::string& text) {
  try {
    return Converter().Convert(YAML::Load(text), 0);
  } catch (const YAML::Exception& e) {
    throw BadRequest(std::string("error converting YAML to JSON: ") + e.what());
  }
}

json::value ParseDocument(const std::string& body, const std::string& content_type) {
  boost::system::error_code ec;
  auto v = json::parse(body, ec);
  if (!ec) return v;
  if (content_type.find("yaml") != std::string::npos) return YamlToJson(body);
  throw BadRequest("the object provided is unrecognized (must be of type JSON): " + ec.message());
}

}  // namespace slipway::sandbox::kube
