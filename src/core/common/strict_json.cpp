#include "core/common/strict_json.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace slipway::core {

namespace {

namespace json = boost::json;
using boost::system::error_code;

std::string_view View(json::string_view s) { return {s.data(), s.size()}; }

// Builds the value like Boost.JSON's own parser (through a value_stack) and
// checks the rules on the way, remembering where in the document it is.
class StrictHandler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  bool on_document_begin(error_code&) {
    stack_.reset();
    return true;
  }
  bool on_document_end(error_code&) { return true; }
  bool on_array_begin(error_code&) {
    frames_.push_back({false, {}, {}, 0});
    return true;
  }
  bool on_array_end(std::size_t n, error_code&) {
    frames_.pop_back();
    stack_.push_array(n);
    return ValueDone();
  }
  bool on_object_begin(error_code&) {
    frames_.push_back({true, {}, {}, 0});
    return true;
  }
  bool on_object_end(std::size_t n, error_code&) {
    frames_.pop_back();
    stack_.push_object(n);
    return ValueDone();
  }
  bool on_string_part(json::string_view s, std::size_t, error_code& ec) {
    if (HasNul(s)) return Fail(ec, Path(), "must not contain NUL characters");
    stack_.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, error_code& ec) {
    if (HasNul(s)) return Fail(ec, Path(), "must not contain NUL characters");
    stack_.push_string(s);
    return ValueDone();
  }
  bool on_key_part(json::string_view s, std::size_t, error_code&) {
    key_.append(View(s));
    stack_.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t, error_code& ec) {
    key_.append(View(s));
    Frame& frame = frames_.back();
    frame.key = std::move(key_);
    key_.clear();
    if (frame.key.find('\0') != std::string::npos)
      return Fail(ec, Path(), "must not contain NUL characters");
    if (!frame.keys.insert(frame.key).second) return Fail(ec, Path(), "appears twice");
    stack_.push_key(s);
    return true;
  }
  bool on_number_part(json::string_view, error_code&) { return true; }
  bool on_int64(std::int64_t i, json::string_view, error_code&) {
    stack_.push_int64(i);
    return ValueDone();
  }
  bool on_uint64(std::uint64_t u, json::string_view, error_code&) {
    stack_.push_uint64(u);
    return ValueDone();
  }
  bool on_double(double d, json::string_view, error_code& ec) {
    if (!std::isfinite(d)) return Fail(ec, Path(), "is a number out of range");
    stack_.push_double(d);
    return ValueDone();
  }
  bool on_bool(bool b, error_code&) {
    stack_.push_bool(b);
    return ValueDone();
  }
  bool on_null(error_code&) {
    stack_.push_null();
    return ValueDone();
  }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }

  json::value Release() { return stack_.release(); }
  /// The rule broken, when a handler stopped the parser: {path, rule}.
  const std::optional<std::pair<std::string, std::string>>& problem() const { return problem_; }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;  // objects: the keys seen so far
    std::string key;             // objects: the member being read
    std::size_t index;           // arrays: the element being read
  };

  static bool HasNul(json::string_view s) { return View(s).find('\0') != std::string_view::npos; }

  bool ValueDone() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return true;
  }

  std::string Path() const {
    std::string path;
    for (const auto& f : frames_) {
      if (f.object) {
        path += (path.empty() ? "" : ".") + f.key;
      } else {
        path += "[" + std::to_string(f.index) + "]";
      }
    }
    return path.empty() ? "(document)" : path;
  }

  bool Fail(error_code& ec, std::string path, std::string rule) {
    problem_.emplace(std::move(path), std::move(rule));
    ec = json::error::syntax;  // stops the parser; problem_ says why
    return false;
  }

  json::value_stack stack_;
  std::vector<Frame> frames_;
  std::string key_;
  std::optional<std::pair<std::string, std::string>> problem_;
};

}  // namespace

Result<boost::json::value> ParseStrictJson(std::string_view text) {
  json::basic_parser<StrictHandler> parser(json::parse_options{});
  error_code ec;
  const std::size_t read = parser.write_some(false, text.data(), text.size(), ec);
  const auto offset = static_cast<std::int64_t>(read);
  if (const auto& problem = parser.handler().problem()) {
    const auto& [path, rule] = *problem;
    return Invalid(path + " " + rule, {{"field", path}, {"rule", rule}, {"offset", offset}});
  }
  if (!ec && read < text.size()) ec = json::error::extra_data;
  if (ec) return Invalid("malformed JSON: " + ec.message(), {{"offset", offset}});
  return parser.handler().Release();
}

}  // namespace slipway::core
