#include "cli/table.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

namespace slipway::cli {
namespace {

// Columns hold names and descriptions that may be non-ASCII; counting bytes
// would misalign them.
size_t DisplayWidth(const std::string& text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::string Upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

void AppendLine(std::string& out, const Row& cells, const std::vector<size_t>& widths) {
  std::string line;
  for (size_t i = 0; i < widths.size(); ++i) {
    const std::string& cell = i < cells.size() ? cells[i] : std::string();
    line += cell;
    if (i + 1 < widths.size()) line.append(widths[i] - DisplayWidth(cell) + 2, ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out += line;
  out += '\n';
}

}  // namespace

std::string RenderTable(const Row& headers, const std::vector<Row>& rows) {
  Row upper;
  std::vector<size_t> widths;
  for (const auto& header : headers) {
    upper.push_back(Upper(header));
    widths.push_back(DisplayWidth(upper.back()));
  }
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  std::string out;
  AppendLine(out, upper, widths);
  for (const auto& row : rows) AppendLine(out, row, widths);
  return out;
}

std::string RenderFields(const std::vector<std::pair<std::string, std::string>>& fields) {
  size_t width = 0;
  for (const auto& field : fields) width = std::max(width, DisplayWidth(field.first) + 1);
  std::string out;
  for (const auto& [label, value] : fields) {
    std::string line = label + ":";
    line.append(width - DisplayWidth(label) - 1 + 2, ' ');
    line += value;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  }
  return out;
}

std::string CellText(const boost::json::value& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return std::string(value.as_string());
  if (value.is_array()) {
    const auto& items = value.as_array();
    if (items.empty()) return "-";
    bool scalars = std::all_of(items.begin(), items.end(),
                               [](const auto& item) { return !item.is_structured(); });
    if (!scalars) return boost::json::serialize(value);
    std::string out;
    for (const auto& item : items) {
      if (!out.empty()) out += ", ";
      out += CellText(item);
    }
    return out;
  }
  return boost::json::serialize(value);
}

const boost::json::object& ObjectOrEmpty(const boost::json::value* value) {
  static const boost::json::object kEmpty;
  return value && value->is_object() ? value->as_object() : kEmpty;
}

const boost::json::array& ArrayAt(const boost::json::object& object, const char* key) {
  static const boost::json::array kEmpty;
  const auto* v = object.if_contains(key);
  return v && v->is_array() ? v->as_array() : kEmpty;
}

std::string CellAt(const boost::json::object& object, const char* key) {
  const auto* v = object.if_contains(key);
  return v ? CellText(*v) : "-";
}

}  // namespace slipway::cli
