#pragma once
// A mapping of the YAML configuration file, read key by key: every key must
// be read by someone (a typo must not pass silently), values are checked.
#include <yaml-cpp/yaml.h>

#include <exception>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

namespace slipway::app {

class Section {
 public:
  // An absent or empty (null) section reads as all defaults.
  Section(const YAML::Node& node, std::string path)
      : node_(node && !node.IsNull() ? node : YAML::Node(YAML::NodeType::Undefined)),
        path_(std::move(path)) {
    if (node_ && !node_.IsMap()) throw std::runtime_error(path_ + " must be a mapping");
  }
  ~Section() noexcept(false) {
    if (!node_ || std::uncaught_exceptions() > 0) return;
    for (const auto& kv : node_) {
      auto key = kv.first.as<std::string>();
      if (!read_.count(key)) throw std::runtime_error("unknown setting " + Name(key));
    }
  }
  template <class T>
  void Get(const char* key, T& out) {
    read_.insert(key);
    if (!node_ || !node_[key]) return;
    try {
      out = node_[key].as<T>();
    } catch (const YAML::Exception&) {
      throw std::runtime_error("bad value for " + Name(key));
    }
  }
  template <class T>
  void GetRange(const char* key, T& out, T min, T max) {
    Get(key, out);
    if (out < min || out > max) {
      throw std::runtime_error(Name(key) + " must be between " + std::to_string(min) + " and " +
                               std::to_string(max));
    }
  }
  Section Child(const char* key) {
    read_.insert(key);
    return node_ ? Section(node_[key], Name(key))
                 : Section(YAML::Node(YAML::NodeType::Undefined), Name(key));
  }

  /// "connectors.jenkins.token" for key "token" of section connectors.jenkins.
  std::string Name(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

 private:
  YAML::Node node_;
  std::string path_;
  std::set<std::string> read_;
};

}  // namespace slipway::app
