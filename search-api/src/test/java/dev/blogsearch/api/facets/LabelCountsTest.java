package dev.blogsearch.api.facets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.schema.FacetLabels;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Tag counts over an index of several segments, each numbering its labels its own way. */
class LabelCountsTest {

    @Test
    void countsMergeSpellingsAcrossSegmentsAndShowTheMostUsedOne() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer =
                    new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                // One segment per commit, each with a different set of labels.
                add(writer, "a", "Redis", "Go");
                writer.commit();
                add(writer, "b", "redis");
                add(writer, "c", "redis", "etcd");
                writer.commit();
                add(writer, "d", "Kubernetes");
                add(writer, "e", "redis", "go");
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(3);
                IndexSearcher searcher = new IndexSearcher(reader);

                LabelCounts.Result all =
                        searcher.search(new MatchAllDocsQuery(), new LabelCounts(reader, PostFields.TAG_FACET));
                assertThat(all.totalHits()).isEqualTo(5);
                // Go and go are one post each: the tie goes to the spelling that sorts last, as it always has.
                assertThat(all.counts())
                        .containsExactly(
                                new LabelCounts.Count("redis", 4),
                                new LabelCounts.Count("go", 2),
                                new LabelCounts.Count("Kubernetes", 1),
                                new LabelCounts.Count("etcd", 1));

                LabelCounts.Result some = searcher.search(
                        new TermQuery(new Term("id", "a")), new LabelCounts(reader, PostFields.TAG_FACET));
                assertThat(some.totalHits()).isEqualTo(1);
                assertThat(some.counts())
                        .containsExactly(new LabelCounts.Count("Go", 1), new LabelCounts.Count("Redis", 1));
            }
        }
    }

    @Test
    void anEmptyIndexHasNoCounts() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            new IndexWriter(directory, new IndexWriterConfig()).close();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                LabelCounts.Result none = new IndexSearcher(reader)
                        .search(new MatchAllDocsQuery(), new LabelCounts(reader, PostFields.TAG_FACET));
                assertThat(none.totalHits()).isZero();
                assertThat(none.counts()).isEmpty();
            }
        }
    }

    private static void add(IndexWriter writer, String id, String... tags) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        for (String tag : List.of(tags)) {
            doc.add(new SortedSetDocValuesField(
                    PostFields.TAG_FACET, FacetLabels.encode(tag.toLowerCase(Locale.ROOT), tag)));
        }
        writer.addDocument(doc);
    }
}
