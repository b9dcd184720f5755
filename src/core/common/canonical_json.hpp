#pragma once
#include <boost/json/value.hpp>
#include <string>

namespace slipway::core {

/// Serialization with object keys sorted at every level: equal documents
/// give equal strings whatever the insertion order (hashing, comparisons).
std::string CanonicalJson(const boost::json::value& value);

}  // namespace slipway::core
