-- Sends one query stream (one query a line in $BENCH_QUERIES) to a server: loaded by service.lua and solr.lua,
-- which set path_prefix, the request path before the URL-encoded query. Prints its figures as key=value lines
-- prefixed with $BENCH_KEY for bench/run.
--
-- $BENCH_FROM and $BENCH_TO (line numbers, from 1, both included; default the whole file) select the part of the
-- stream to send. $BENCH_THREADS must equal wrk's -t: each thread sends its own contiguous share of that part, in
-- order, so no two threads send the same line. A thread that reaches the end of its share starts it again; every
-- request sent again that way is counted in <key>.repeats, which must stay 0 for the no-repeat stream.
local from = tonumber(os.getenv("BENCH_FROM") or "1")
local to = tonumber(os.getenv("BENCH_TO") or "0") -- 0: to the end
local thread_count = tonumber(os.getenv("BENCH_THREADS") or "1")

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local queries = {}
local next_query = 0
repeats = 0

function init(args)
  local lines = {}
  local number = 0
  for line in io.lines(os.getenv("BENCH_QUERIES")) do
    number = number + 1
    if number >= from and (to == 0 or number <= to) then
      lines[#lines + 1] = line
    end
  end
  -- This thread's share: lines (first, last], as evenly split as the count allows.
  local first = math.floor(id * #lines / thread_count)
  local last = math.floor((id + 1) * #lines / thread_count)
  if last <= first then
    error("the stream has fewer lines (" .. #lines .. ") than wrk has threads")
  end
  for i = first + 1, last do
    queries[#queries + 1] = path_prefix .. urlencode(lines[i])
  end
end

function request()
  next_query = next_query + 1
  if next_query > #queries then
    next_query = 1
  end
  if sent_once then
    repeats = repeats + 1
  end
  if next_query == #queries then
    sent_once = true
  end
  return wrk.format("GET", queries[next_query])
end

function done(summary, latency, requests)
  local key = os.getenv("BENCH_KEY") or "http"
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  local repeated = 0
  for _, thread in ipairs(threads) do
    repeated = repeated + thread:get("repeats")
  end
  io.write(string.format("%s.requests=%d\n", key, summary.requests))
  io.write(string.format("%s.errors=%d\n", key, errors))
  io.write(string.format("%s.repeats=%d\n", key, repeated))
  io.write(string.format("%s.rps=%.3f\n", key, summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("%s.p%d_ms=%.3f\n", key, p, latency:percentile(p) / 1000))
  end
end
