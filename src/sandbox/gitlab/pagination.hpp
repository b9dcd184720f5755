#pragma once
#include <boost/json/array.hpp>

#include "http/message.hpp"

namespace slipway::sandbox::gitlab {

/// One page of `items` as GitLab serves lists: `page` (default 1) and
/// `per_page` (default 20, at most 100) from the query; headers X-Total,
/// X-Total-Pages, X-Page, X-Per-Page, X-Next-Page, X-Prev-Page (empty when
/// there is none) and Link with first/prev/next/last relative to `url`
/// (the absolute URL of the list without its query) and the request's other
/// query parameters.
http::Response Paginate(const http::Request& request, const boost::json::array& items,
                        const std::string& url);

}  // namespace slipway::sandbox::gitlab
