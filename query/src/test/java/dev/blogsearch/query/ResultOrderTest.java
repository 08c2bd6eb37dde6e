package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostText;
import dev.blogsearch.indexer.index.PostDocuments;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Posts that tie keep their order from one reindex to the next: a post and its twin (the same text, the same day)
 * rank by file whichever the indexer wrote first.
 */
class ResultOrderTest {

    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    @Test
    void postsThatScoreAlikeRankByFileWhateverOrderTheyWereIndexedIn() throws IOException {
        List<String> written = List.of("probe.md", "probe-zh.md", "other.md");
        List<String> reversed = List.of("other.md", "probe-zh.md", "probe.md");

        assertThat(ranked(written, ResultOrder.BY_RELEVANCE, "health"))
                .containsExactly("probe-zh.md", "probe.md", "other.md");
        assertThat(ranked(reversed, ResultOrder.BY_RELEVANCE, "health"))
                .containsExactly("probe-zh.md", "probe.md", "other.md");
    }

    @Test
    void postsOfTheSameDayRankByFileWhenOnlyFiltered() throws IOException {
        assertThat(ranked(List.of("probe.md", "probe-zh.md", "other.md"), ResultOrder.BY_DATE, null))
                .containsExactly("other.md", "probe-zh.md", "probe.md");
    }

    @Test
    void solrSortsInTheSameOrder() {
        assertThat(ResultOrder.solrSort(true))
                .isEqualTo("score desc," + PostFields.DATE + " desc," + PostFields.SOURCE + " asc");
        assertThat(ResultOrder.solrSort(false)).isEqualTo(PostFields.DATE + " desc," + PostFields.SOURCE + " asc");
    }

    /** The files of the posts {@code word} finds (every post without one), indexed in the order given. */
    private static List<String> ranked(List<String> files, Sort sort, String word) throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
                for (String file : files) {
                    writer.addDocument(post(file));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                ScoreDoc[] hits = searcher.search(
                                word == null ? new MatchAllDocsQuery() : new TermQuery(new Term(PostFields.BODY, word)),
                                10,
                                sort)
                        .scoreDocs;
                List<String> sources = new ArrayList<>();
                for (ScoreDoc hit : hits) {
                    sources.add(searcher.storedFields().document(hit.doc).get(PostFields.SOURCE));
                }
                return sources;
            }
        }
    }

    /** The twins say the same on the same day; the other post says it once among more words, a day later. */
    private static Document post(String file) {
        boolean twin = file.startsWith("probe");
        String id = file.replace(".md", "");
        return PostDocuments.toDocument(
                new Post(
                        id,
                        file,
                        "/" + id + "/",
                        twin ? "Health probes" : "Other",
                        OffsetDateTime.of(2024, 1, twin ? 1 : 2, 12, 0, 0, 0, ZoneOffset.UTC),
                        List.of(),
                        List.of(),
                        false,
                        "",
                        new PostText(
                                twin ? "health probe health check" : "health is one word among many others here",
                                "",
                                List.of())),
                "hash-" + id);
    }
}
