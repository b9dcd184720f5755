-- wrk script for one route group of the soak: requests from the file named by
-- SOAK_REQUESTS (one per line: METHOD<TAB>PATH<TAB>BODY, BODY may be empty),
-- taken in turn; headers from SOAK_HEADERS (Name: value|Name: value). Counts
-- answers by class and prints them as JSON on the last line.
local requests = {}
for line in io.lines(os.getenv("SOAK_REQUESTS")) do
  local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
  if method then table.insert(requests, {method, path, body ~= "" and body or nil}) end
end
for header in string.gmatch(os.getenv("SOAK_HEADERS") or "", "[^|]+") do
  local name, value = header:match("^([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end
wrk.headers["Content-Type"] = "application/json"

local threads = {}
function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

local n = 0
function init(args)
  counts = {["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0}
end

function request()
  n = n + 1
  local r = requests[((offset or 0) + n) % #requests + 1]
  return wrk.format(r[1], r[2], nil, r[3])
end

function response(status, headers, body)
  local class = tostring(math.floor(status / 100)) .. "xx"
  counts[class] = (counts[class] or 0) + 1
  if status >= 400 and first_error == nil then first_error = status .. " " .. body:sub(1, 300) end
end

function done(summary, latency, requests_)
  local total = {["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0}
  for _, thread in ipairs(threads) do
    local e = thread:get("first_error")
    if e then io.write("first error: " .. e .. "\n") end
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
  end
  io.write(string.format(
    '{"requests":%d,"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d},' ..
    '"classes":{"2xx":%d,"3xx":%d,"4xx":%d,"5xx":%d},"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f}\n',
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status, total["2xx"], total["3xx"], total["4xx"], total["5xx"],
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
