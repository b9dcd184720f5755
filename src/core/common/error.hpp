#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace slipway::core {

/// The kinds of failure every layer speaks. The HTTP layer maps them to
/// statuses in one place (http/errors.cpp).
enum class Code {
  kInvalid,           ///< bad input: 400
  kUnauthenticated,   ///< no or bad credentials: 401
  kForbidden,         ///< authenticated but not allowed: 403
  kNotFound,          ///< 404
  kMethodNotAllowed,  ///< 405
  kConflict,          ///< state or version conflict, duplicates: 409
  kPayloadTooLarge,   ///< 413
  kUnsupportedMedia,  ///< 415
  kTooManyRequests,   ///< throttled: 429
  kTransient,         ///< an external system or the database failed; retry may help: 503
  kInternal,          ///< a bug: 500
};

/// Stable wire name of a code ("invalid", "not_found", …).
std::string_view CodeName(Code code);

struct Error {
  Code code = Code::kInternal;
  std::string message;
  boost::json::object details;
};

Error Invalid(std::string message, boost::json::object details = {});
Error NotFound(std::string message);
Error Conflict(std::string message, boost::json::object details = {});
Error Forbidden(std::string message);
Error Unauthenticated(std::string message);

/// A value or an error. Services return it; the HTTP layer maps the error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

/// Result of an operation that yields nothing on success.
struct Ok {};
using Status = Result<Ok>;

}  // namespace slipway::core
