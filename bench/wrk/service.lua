-- The service's search API: 10 hits, highlighted, with facets, as /api/search answers the search box. A
-- $BENCH_PATH_PREFIX replaces the path (bench/run sends /api/suggest?q= with it). See stream.lua.
path_prefix = os.getenv("BENCH_PATH_PREFIX") or "/api/search?size=10&q="
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "stream.lua")
