// The eval's theme baseline: the real MiniSearch (the npm package pinned in the repository's package.json and
// installed by `npm ci` at its root), configured as a static blog's search box configures it, over one blog's posts.
//
//   node search.mjs <posts.jsonl> <queries.jsonl> <top>
//
// posts.jsonl: one post a line, as a theme's JSON search index holds it:
//   {"id", "title", "content", "description", "tags": [...], "categories": [...]}
// queries.jsonl: one JSON string a line, each a query as the reader typed it.
// Prints one JSON line first, {"minisearch": <version>, "options", "searchOptions", "indexMillis", "searchMillis"}:
// what ran, so the eval can check it against eval/README.md, and what it took; then one line a query, in input
// order: {"query", "ids": [the first <top> ids]}.
//
// The options are those of Hydejack's search worker (a Jekyll blog theme that ships MiniSearch): its fields, boosts,
// prefix, fuzzy and AND. No Hugo theme shipping MiniSearch was found to follow; see eval/README.md for the sources.
// The tokenizer is MiniSearch's default (split on spaces and punctuation), as Hydejack and VitePress leave it, so
// a run of Chinese between punctuation is one term.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import MiniSearch from "minisearch";

// Hydejack also indexes and boosts front matter `keywords` (2): a post here has none, so the field is left out.
const OPTIONS = {
  idField: "id",
  fields: ["title", "content", "description", "categories", "tags"],
};

const SEARCH_OPTIONS = {
  boost: { title: 5, description: 2, categories: 2, tags: 2 },
  prefix: true,
  fuzzy: 0.25,
  combineWith: "AND",
};

// Hydejack's extractField: tags and categories are lists, indexed as their words.
function extractField(document, fieldName) {
  const value = document[fieldName];
  return Array.isArray(value) ? value.join(" ") : value;
}

function jsonLines(file) {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

function packageJson(path) {
  return JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
}

function main([postsFile, queriesFile, topArg]) {
  const top = Number(topArg);
  if (!postsFile || !queriesFile || !Number.isInteger(top) || top < 1) {
    process.stderr.write("usage: node search.mjs <posts.jsonl> <queries.jsonl> <top>\n");
    process.exit(2);
  }
  const pinned = packageJson("../../package.json").devDependencies.minisearch;
  const version = packageJson("../../node_modules/minisearch/package.json").version;
  if (version !== pinned) {
    process.stderr.write(`minisearch ${version} is installed, package.json pins ${pinned}: run npm ci at the repository root\n`);
    process.exit(3);
  }
  const started = performance.now();
  const index = new MiniSearch({ ...OPTIONS, extractField });
  index.addAll(jsonLines(postsFile));
  const indexed = performance.now();
  const answers = jsonLines(queriesFile).map((query) => {
    const ids = index.search(query, SEARCH_OPTIONS).slice(0, top).map((result) => result.id);
    return JSON.stringify({ query, ids });
  });
  const header = {
    minisearch: version,
    options: OPTIONS,
    searchOptions: SEARCH_OPTIONS,
    indexMillis: Math.round(indexed - started),
    searchMillis: Math.round(performance.now() - indexed),
  };
  process.stdout.write([JSON.stringify(header), ...answers].join("\n") + "\n");
}

main(process.argv.slice(2));
