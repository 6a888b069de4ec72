-- wrk script: mixed requests over the shipped corpus (searches with filters, sorts and pages,
-- autocomplete, documents, malformed queries); counts non-2xx answers apart from the 400s the
-- malformed queries are meant to get.
local paths = {
  "/api/search?q=Brexit", "/api/search?q=xankendi", "/api/search?q=%C4%B0ngilt%C9%99r%C9%99",
  "/api/search?q=Khojaly+OR+Xocal%C4%B1", "/api/search?q=%22Greg+Clark%22",
  "/api/search?q=Brexit&lang=tr", "/api/search?q=&sort=newest&size=20",
  "/api/search?q=president&page=2", "/api/search?q=pol*", "/api/search?q=Khojaliy~",
  "/api/search?q=title%3ABrexit+-Toyota", "/api/search?q=soyqirimi",
  "/api/suggest?q=bre", "/api/suggest?q=ingilt", "/api/suggest?q=xo",
  "/api/health", "/api/search?q=%22unbalanced", "/api/search?q=x&page=-1"
}
local bad = { ["/api/search?q=%22unbalanced"] = true, ["/api/search?q=x&page=-1"] = true }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
local unexpected = 0
response = function(status, headers, body)
  if status >= 500 then unexpected = unexpected + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("SOAK requests=%d errors_socket=%d non2xx_or_3xx=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.1f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6)))
end
