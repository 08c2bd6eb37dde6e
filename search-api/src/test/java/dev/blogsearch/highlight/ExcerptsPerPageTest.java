package dev.blogsearch.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.api.index.SearchIndex;
import dev.blogsearch.indexer.testing.SharedCorpus;
import dev.blogsearch.query.PostFilters;
import dev.blogsearch.query.PostQueryBuilder;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.query.UserQuery;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The excerpts, titles and matched headings of a page of hits are the same whether the offsets are read once per
 * page ({@link PagePostingsOffsetStrategy}, what the service runs) or once per hit as Lucene reads them, and the
 * stored fields read in the highlighter's visit ({@link PageStoredFields}) are those a visit of their own reads: for
 * every judged query of {@code eval/queries.tsv} on its real blog, whole and as typed half way, the top 20 hits.
 */
class ExcerptsPerPageTest {

    /** The stored fields the service shows with a hit, the highlighted title among them. */
    private static final Set<String> SHOWN = Set.of(
            PostFields.ID,
            PostFields.URL,
            PostFields.TITLE,
            PostFields.DATE_TEXT,
            PostFields.TAGS,
            PostFields.HEADING_ANCHORS,
            PostFields.LANG,
            PostFields.TRANSLATION_KEY);

    @TempDir
    Path temp;

    @Test
    void everyJudgedQueryGetsTheExcerptsLuceneWouldGive() throws IOException {
        Map<String, List<String>> queriesByBlog = judgedQueriesByBlog();
        int compared = 0;
        int marked = 0;
        int markedHan = 0;
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, List<String>> blog : queriesByBlog.entrySet()) {
            Path content = SharedCorpus.blog(blog.getKey());
            BlogSearchConfig config = BlogSearchConfig.of(content, temp.resolve(blog.getKey()));
            try (SearchIndex index = new SearchIndex(config)) {
                QueryPlanner planner = new QueryPlanner(Synonyms.builtIn(), index.analyzer());
                PostQueryBuilder queries = new PostQueryBuilder(index.analyzer());
                ExcerptBuilder perPage = new ExcerptBuilder(index.analyzer());
                ExcerptBuilder perHit = new ExcerptBuilder(index.analyzer(), false);
                IndexSearcher searcher = index.acquire();
                try {
                    for (String text : withHalves(blog.getValue())) {
                        Query query = queries.build(
                                planner.plan(UserQuery.parse(text), searcher.getIndexReader()),
                                PostFilters.NONE,
                                false);
                        int[] docIds = Arrays.stream(searcher.search(query, 20).scoreDocs)
                                .mapToInt((ScoreDoc hit) -> hit.doc)
                                .toArray();
                        ExcerptBuilder.Highlight[] expected = perHit.highlight(searcher, query, docIds);
                        ExcerptBuilder.Highlight[] actual = perPage.highlight(searcher, query, docIds, SHOWN);
                        StoredFields stored = searcher.storedFields();
                        for (int i = 0; i < docIds.length; i++) {
                            compared++;
                            String before = shown(expected[i], stored.document(docIds[i], SHOWN));
                            String after = shown(actual[i], actual[i].stored());
                            if (!before.equals(after)) {
                                differences.add(text + " (doc " + docIds[i] + "):\n  per hit:  " + before
                                        + "\n  per page: " + after);
                            }
                            String excerpt = actual[i].excerptHtml();
                            if (excerpt.contains(MarkPassageFormatter.OPEN)) {
                                marked++;
                                if (excerpt.matches("(?s).*<mark>\\p{IsHan}.*")) {
                                    markedHan++;
                                }
                            }
                        }
                    }
                } finally {
                    index.release(searcher);
                }
            }
        }
        assertThat(differences)
                .as("hits whose highlights differ, of " + compared)
                .isEmpty();
        // Not vacuous: most hits have marked excerpts, Chinese words (searched as bigram phrases) among them.
        assertThat(marked).as("marked excerpts of " + compared).isGreaterThan(compared / 2);
        assertThat(markedHan).as("excerpts with a marked Chinese word").isGreaterThan(500);
    }

    /** What a reader sees of a hit: its highlights and its stored fields, each value in order. */
    private static String shown(ExcerptBuilder.Highlight highlight, Document stored) {
        StringBuilder text = new StringBuilder()
                .append(highlight.titleHtml())
                .append('|')
                .append(highlight.excerptHtml())
                .append('|')
                .append(highlight.headings());
        for (IndexableField field : stored.getFields()) {
            text.append('|').append(field.name()).append('=').append(field.stringValue());
        }
        return text.toString();
    }

    private static List<String> withHalves(List<String> queries) {
        List<String> all = new ArrayList<>(queries);
        for (String query : queries) {
            int half = query.codePointCount(0, query.length()) / 2;
            if (half > 0) {
                all.add(query.substring(0, query.offsetByCodePoints(0, half)));
            }
        }
        return all;
    }

    private static Map<String, List<String>> judgedQueriesByBlog() throws IOException {
        Path file = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && file == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("eval/queries.tsv"))) {
                file = dir.resolve("eval/queries.tsv");
            }
        }
        assertThat(file).as("eval/queries.tsv above the module").isNotNull();
        Map<String, List<String>> byBlog = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] row = line.split("\t", -1);
                byBlog.computeIfAbsent(row[1], blog -> new ArrayList<>()).add(row[3]);
            }
        }
        return byBlog;
    }
}
