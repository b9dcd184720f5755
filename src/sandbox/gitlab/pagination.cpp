#include "sandbox/gitlab/pagination.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "connectors/http_transport.hpp"

namespace slipway::sandbox::gitlab {

http::Response Paginate(const http::Request& request, const boost::json::array& items,
                        const std::string& url) {
  long page = std::max(1L, std::atol(request.Query("page").value_or("1").c_str()));
  long per_page = std::atol(request.Query("per_page").value_or("20").c_str());
  per_page = per_page <= 0 ? 20 : std::min(per_page, 100L);
  long total = static_cast<long>(items.size());
  long pages = std::max(1L, (total + per_page - 1) / per_page);
  boost::json::array slice;
  for (long i = (page - 1) * per_page; i < std::min(total, page * per_page); ++i)
    slice.push_back(items[i]);
  auto r = http::Response::Json(200, slice);
  // GitLab's links repeat the list's other parameters (search, order_by, …).
  std::string kept;
  for (const auto& [name, value] : request.query) {
    if (name != "page" && name != "per_page" && name != "private_token")
      kept += "&" + connectors::UrlEncode(name) + "=" + connectors::UrlEncode(value);
  }
  auto link_to = [&](long p, const char* rel) {
    return "<" + url + "?page=" + std::to_string(p) + "&per_page=" + std::to_string(per_page) +
           kept + ">; rel=\"" + rel + "\"";
  };
  std::string link;
  if (page > 1) link += link_to(std::min(page - 1, pages), "prev") + ", ";
  if (page < pages) link += link_to(page + 1, "next") + ", ";
  link += link_to(1, "first") + ", " + link_to(pages, "last");
  r.headers = {{"X-Total", std::to_string(total)},
               {"X-Total-Pages", std::to_string(pages)},
               {"X-Page", std::to_string(page)},
               {"X-Per-Page", std::to_string(per_page)},
               {"X-Next-Page", page < pages ? std::to_string(page + 1) : ""},
               {"X-Prev-Page", page > 1 ? std::to_string(page - 1) : ""},
               {"Link", link}};
  return r;
}

}  // namespace slipway::sandbox::gitlab
