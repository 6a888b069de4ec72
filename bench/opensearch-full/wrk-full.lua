-- wrk c=8 cross-check for "OpenSearch doing Sandiq's work": the harness's client/wrk-queries.lua (same
-- rotation over the queries, same summary line), with the request body of QueryMain.java: the compacted
-- query template with its one "{{query}}" string replaced by the JSON-quoted query. Configured by env:
--   WRK_QUERIES=/path/queries.txt  WRK_TEMPLATE=/path/query-template.min.json  WRK_PATH=/osfull/_search
local qfile = assert(os.getenv("WRK_QUERIES"), "WRK_QUERIES not set")
local tfile = assert(os.getenv("WRK_TEMPLATE"), "WRK_TEMPLATE not set")
local path = os.getenv("WRK_PATH") or "/osfull/_search"

local function jsonstr(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == "\\" then return "\\\\" end
    return string.format("\\u%04x", string.byte(c))
  end) .. '"'
end

local reqs = {}
local function build() -- called from init(): wrk adds the Host header only after the top level ran
  local fh = assert(io.open(tfile, "r"))
  local template = fh:read("*a"):gsub("^%s+", ""):gsub("%s+$", "")
  fh:close()
  for line in io.lines(qfile) do
    local q = line:gsub("^%s+", ""):gsub("%s+$", "")
    if #q > 0 then
      local body = template:gsub('"{{query}}"', function() return jsonstr(q) end)
      reqs[#reqs + 1] = wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
    end
  end
end

local i = 0
function init(args)
  build()
  i = math.random(#reqs) -- threads start at different offsets
end

function request()
  i = i % #reqs + 1
  return reqs[i]
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"qps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
