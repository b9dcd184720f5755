#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

namespace slipway::cli {

using Row = std::vector<std::string>;

/// Column-aligned text: an upper-case header line, then one line per row.
/// Columns are separated by two spaces; widths count UTF-8 code points; no
/// line has trailing blanks. Missing cells in short rows render empty.
std::string RenderTable(const Row& headers, const std::vector<Row>& rows);

/// `label:  value` lines with the values aligned, for one object's fields.
std::string RenderFields(const std::vector<std::pair<std::string, std::string>>& fields);

/// A JSON value as one table cell: strings bare, null as "-", arrays of
/// scalars comma-separated, anything else as compact JSON.
std::string CellText(const boost::json::value& value);

/// `value` as an object, or an empty one (renderers tolerate missing parts).
const boost::json::object& ObjectOrEmpty(const boost::json::value* value);
/// `object[key]` as an array, or an empty one.
const boost::json::array& ArrayAt(const boost::json::object& object, const char* key);
/// `object[key]` as one table cell, "-" when absent.
std::string CellAt(const boost::json::object& object, const char* key);

}  // namespace slipway::cli
