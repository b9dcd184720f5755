#include "cli/details_notation.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <charconv>

#include "cli/failure.hpp"

namespace slipway::cli {
namespace {

constexpr char kPortForm[] = "expected name:port[/protocol], e.g. http:8080/TCP";
constexpr char kCheckForm[] = "expected http:/path:port, tcp:port or exec:command";

bool ParsePortNumber(std::string_view text, std::int64_t& port) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  return ec == std::errc() && end == text.data() + text.size() && port >= 1 && port <= 65535;
}

std::int64_t PortOrThrow(std::string_view text, std::string_view spec, const char* form) {
  std::int64_t port = 0;
  if (!ParsePortNumber(text, port)) {
    throw UsageFailure("bad port \"" + std::string(text) + "\" in \"" + std::string(spec) +
                       "\": " + form);
  }
  return port;
}

std::string StringOf(const boost::json::object& object, const char* key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr) return "";
  return value->is_string() ? std::string(value->as_string()) : boost::json::serialize(*value);
}

}  // namespace

boost::json::object ParsePort(std::string_view spec) {
  auto colon = spec.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    throw UsageFailure("bad port \"" + std::string(spec) + "\": " + kPortForm);
  }
  std::string_view name = spec.substr(0, colon);
  std::string_view rest = spec.substr(colon + 1);
  std::string protocol = "TCP";
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    protocol = std::string(rest.substr(slash + 1));
    std::transform(protocol.begin(), protocol.end(), protocol.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    rest = rest.substr(0, slash);
    if (protocol != "TCP" && protocol != "UDP" && protocol != "SCTP") {
      throw UsageFailure("bad protocol \"" + protocol + "\" in \"" + std::string(spec) +
                         "\": one of TCP, UDP, SCTP");
    }
  }
  return {{"name", name}, {"port", PortOrThrow(rest, spec, kPortForm)}, {"protocol", protocol}};
}

boost::json::object ParseHealthCheck(std::string_view spec) {
  auto colon = spec.find(':');
  std::string_view type = spec.substr(0, colon);
  std::string_view rest = colon == std::string_view::npos ? "" : spec.substr(colon + 1);
  if (type == "tcp" && !rest.empty()) {
    return {{"type", "tcp"}, {"port", PortOrThrow(rest, spec, kCheckForm)}};
  }
  if (type == "exec" && !rest.empty()) return {{"type", "exec"}, {"command", rest}};
  if (type == "http") {
    // The path may itself contain colons; the port is after the last one.
    auto last = rest.rfind(':');
    if (rest.starts_with('/') && last != std::string_view::npos) {
      return {{"type", "http"},
              {"path", rest.substr(0, last)},
              {"port", PortOrThrow(rest.substr(last + 1), spec, kCheckForm)}};
    }
  }
  throw UsageFailure("bad health check \"" + std::string(spec) + "\": " + kCheckForm);
}

std::string FormatPort(const boost::json::value& port) {
  if (!port.is_object() || !port.as_object().contains("port")) return boost::json::serialize(port);
  const auto& object = port.as_object();
  std::string out = StringOf(object, "name") + ":" + StringOf(object, "port");
  if (std::string protocol = StringOf(object, "protocol"); !protocol.empty()) out += "/" + protocol;
  return out;
}

std::string FormatHealthCheck(const boost::json::value& check) {
  if (check.is_null()) return "-";
  if (!check.is_object()) return boost::json::serialize(check);
  const auto& object = check.as_object();
  std::string type = StringOf(object, "type");
  if (type == "http") return "http:" + StringOf(object, "path") + ":" + StringOf(object, "port");
  if (type == "tcp") return "tcp:" + StringOf(object, "port");
  if (type == "exec") return "exec:" + StringOf(object, "command");
  return boost::json::serialize(check);
}

}  // namespace slipway::cli
