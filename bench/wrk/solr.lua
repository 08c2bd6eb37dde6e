-- The tuned Solr peer (bench/solr-peer): edismax over title^3 tags^2 body, 10 rows, the unified highlighter on
-- body with 2 snippets, as its README gives the request (its solrconfig.xml sets the same as defaults). See
-- stream.lua. A $BENCH_PATH_PREFIX replaces the path (bench/run's same-work runs).
path_prefix = os.getenv("BENCH_PATH_PREFIX") or "/solr/blog/select?rows=10&fl=id,title,score&hl=true&hl.fl=body&hl.method=unified&hl.snippets=2&q="
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "stream.lua")
