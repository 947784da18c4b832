-- wrk script for Benchmarks/serve-load.sh: sends the session cookie, spreads requests over the
-- paths listed in the PATHS file (one per line), and prints the 50th/95th/99th percentiles.
local paths = {}
local cookie = os.getenv("SESSION_COOKIE")
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], { ["Cookie"] = cookie })
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests %d  errors %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  %.0f req/s\n",
    summary.requests, errors, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
