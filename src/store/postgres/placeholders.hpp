#pragma once
#include <string>
#include <string_view>

namespace slipway::store::postgres {

/// Rewrites the portable `?` placeholders to PostgreSQL's `$1`, `$2`, … in
/// order. A `?` inside a string literal ('…', E'…' with backslash escapes,
/// $tag$…$tag$), a quoted identifier ("…") or a comment is left alone.
/// PostgreSQL's own `?` operators (jsonb) therefore cannot be used unquoted.
std::string RewritePlaceholders(std::string_view sql);

}  // namespace slipway::store::postgres
