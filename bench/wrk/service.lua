-- Cycles through the benchmark's query mix (one query a line in $BENCH_QUERIES), each wrk thread from its own
-- starting point, and prints the figures as key=value lines prefixed with $BENCH_KEY for bench/run.
local prefix = os.getenv("BENCH_PATH_PREFIX") or "/api/search?size=10&q="
local queries = {}

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

for line in io.lines(os.getenv("BENCH_QUERIES")) do
  if #line > 0 then
    queries[#queries + 1] = prefix .. urlencode(line)
  end
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = (id or 0) * 37
end

function request()
  counter = counter % #queries + 1
  return wrk.format("GET", queries[counter])
end

function done(summary, latency, requests)
  local key = os.getenv("BENCH_KEY") or "http"
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("%s.requests=%d\n", key, summary.requests))
  io.write(string.format("%s.errors=%d\n", key, errors))
  io.write(string.format("%s.rps=%.3f\n", key, summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("%s.p%d_ms=%.3f\n", key, p, latency:percentile(p) / 1000))
  end
end
