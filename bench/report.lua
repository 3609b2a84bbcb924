-- wrk script: after the run, print one JSON line with the figures the benchmark needs
-- (wrk's own --latency output has no 95th percentile), and the share of responses the page
-- cache served (its X-Page-Cache header: "hit", or "miss" when it built and stored the page;
-- no header when the cache is off).
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

response = function(status, headers, body)
  local state = headers["X-Page-Cache"]
  if state == "hit" then
    hits = (hits or 0) + 1
  elseif state == "miss" then
    misses = (misses or 0) + 1
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local non2xx = summary.errors.status
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  local hit, miss = 0, 0
  for _, thread in ipairs(threads) do
    hit = hit + (thread:get("hits") or 0)
    miss = miss + (thread:get("misses") or 0)
  end
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "rps": %.2f, "p50_ms": %.3f, ' ..
    '"p95_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "non2xx": %d, "errors": %d, ' ..
    '"cache_hits": %d, "cache_misses": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, non2xx, errors, hit, miss))
end
