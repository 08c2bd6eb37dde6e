package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * What the series are found from, read from an index's doc values when it opens, is what the posts' stored values
 * give (which a SolrCloud collection's series are found from): the id, the title as written, each label's key once
 * and the series terms as written, whatever their case, spaces and repeats.
 */
class SeriesPostsTest {

    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    @Test
    void docValuesGiveWhatTheStoredValuesGive() throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
            writer.addDocument(post(
                    "posts/learning-go-1",
                    " [译] Learning Go（一）：Basics ",
                    "2024-01-02T10:00:00+08:00",
                    List.of("AWS", "aws", "Service Mesh", "  "),
                    List.of("go", "Cloud Native"),
                    List.of("Learning Go", "learning  go", "Go 101 ")));
            writer.addDocument(post("posts/untitled", "", null, List.of(), List.of(), List.of()));
            writer.addDocument(post(
                    "posts/learning-go-0",
                    "Learning Go（零）",
                    "2023-12-01T00:00:00Z",
                    List.of("分布式"),
                    List.of(),
                    List.of("learning go")));
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            LeafReader segment = reader.leaves().get(0).reader();
            List<BlogSeries.Post> read = BlogSeries.segmentPosts(segment);
            NumericDocValues dates = segment.getNumericDocValues(PostFields.DATE);
            String seriesField = PostFields.taxonomyField(BlogSeries.SERIES_TAXONOMY);
            for (int doc = 0; doc < segment.maxDoc(); doc++) {
                Document stored = segment.storedFields().document(doc);
                assertThat(dates.advanceExact(doc)).isTrue();
                BlogSeries.Post fromStored = BlogSeries.Post.of(
                        stored.get(PostFields.ID),
                        stored.get(PostFields.TITLE),
                        List.of(stored.getValues(PostFields.TAGS)),
                        List.of(stored.getValues(PostFields.CATEGORIES)),
                        List.of(stored.getValues(seriesField)),
                        dates.longValue());
                assertThat(read.get(doc)).as(stored.get(PostFields.ID)).isEqualTo(fromStored);
            }
            assertThat(read.get(0))
                    .isEqualTo(new BlogSeries.Post(
                            "posts/learning-go-1",
                            " [译] Learning Go（一）：Basics ",
                            List.of("aws", "cloud native", "go", "service mesh", "cloud", "native", "service", "mesh"),
                            List.of("Go 101", "Learning Go"),
                            OffsetDateTime.parse("2024-01-02T10:00:00+08:00")
                                    .toInstant()
                                    .toEpochMilli()));
            assertThat(read.get(1))
                    .isEqualTo(new BlogSeries.Post("posts/untitled", "", List.of(), List.of(), Long.MIN_VALUE));
            // A series taxonomy's term names the series as its first post spells it, the term it shares before
            // the one it alone has.
            assertThat(BlogSeries.of(reader).all()).singleElement().satisfies(series -> {
                assertThat(series.name()).isEqualTo("Learning Go");
                assertThat(series.ids()).containsExactly("posts/learning-go-0", "posts/learning-go-1");
            });
        }
    }

    @Test
    void anIndexWrittenWithoutTheirDocValuesGivesTheSamePosts() throws IOException {
        ByteBuffersDirectory current = new ByteBuffersDirectory();
        ByteBuffersDirectory older = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(current, new IndexWriterConfig(ANALYZER));
                IndexWriter olderWriter = new IndexWriter(older, new IndexWriterConfig(ANALYZER))) {
            for (Document post : List.of(
                    post(
                            "posts/a",
                            "Raft 入门（一）",
                            "2024-01-01T00:00:00Z",
                            List.of("Raft", "raft"),
                            List.of("分布式"),
                            List.of()),
                    post(
                            "posts/b",
                            "Raft 入门（二）",
                            "2024-01-02T00:00:00Z",
                            List.of("raft"),
                            List.of(),
                            List.of("Raft")))) {
                writer.addDocument(post);
                // As an index of the schema before the ids and titles had doc values: those fields without them.
                Document withoutThem = new Document();
                post.getFields().stream()
                        .filter(field -> !(field.name().equals(PostFields.ID)
                                        || field.name().equals(PostFields.TITLE))
                                || field.fieldType().docValuesType() == DocValuesType.NONE)
                        .forEach(withoutThem::add);
                olderWriter.addDocument(withoutThem);
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(current);
                DirectoryReader olderReader = DirectoryReader.open(older)) {
            assertThat(olderReader
                            .leaves()
                            .get(0)
                            .reader()
                            .getFieldInfos()
                            .fieldInfo(PostFields.ID)
                            .getDocValuesType())
                    .isEqualTo(DocValuesType.NONE);
            assertThat(BlogSeries.segmentPosts(olderReader.leaves().get(0).reader()))
                    .isEqualTo(BlogSeries.segmentPosts(reader.leaves().get(0).reader()))
                    .extracting(BlogSeries.Post::id)
                    .containsExactly("posts/a", "posts/b");
        }
    }

    private static Document post(
            String id, String title, String date, List<String> tags, List<String> categories, List<String> series) {
        return TestPost.post(id)
                .title(title)
                .date(date == null ? null : OffsetDateTime.parse(date))
                .tags(tags)
                .categories(categories)
                .taxonomies(series.isEmpty() ? Map.of() : Map.of("series", series))
                .body("正文。")
                .lang("zh")
                .document();
    }
}
