package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.content.Heading;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostText;
import dev.blogsearch.indexer.content.Publishing;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;

/**
 * The document the indexer writes for a post is the one {@link PostFields#SCHEMA} declares (which a Solr configset
 * is generated from): the same fields, each indexed, stored, with doc values and as many values as declared.
 */
class PostDocumentsSchemaTest {

    private static final Post POST = new Post(
            "posts/raft",
            "posts/raft.md",
            "/posts/raft/",
            "Raft 一致性",
            OffsetDateTime.parse("2024-01-01T00:30:00+08:00"),
            List.of("Raft", "分布式"),
            List.of("架构", "Go"),
            false,
            "A summary",
            new PostText(
                    "Leader election 选主",
                    "raft.Start()",
                    List.of(new Heading(2, "选主", "xuan-zhu"), new Heading(2, "Log replication", "log"))),
            "zh",
            "posts/raft",
            "Raft",
            List.of("/old/raft/", "/2019/raft/"),
            Map.of("series", List.of("Raft 入门")),
            new Publishing(null, OffsetDateTime.parse("2030-01-01T00:00:00Z"), true, true, false));

    @Test
    void everyFieldWrittenIsDeclaredAsWritten() {
        Document doc = PostDocuments.toDocument(POST, "hash", FileStamp.UNKNOWN);
        Map<String, List<IndexableField>> written = doc.getFields().stream()
                .collect(Collectors.groupingBy(IndexableField::name, LinkedHashMap::new, Collectors.toList()));
        Map<String, PostFields.FieldSpec> declared = Stream.concat(
                        PostFields.SCHEMA.stream(), PostFields.taxonomySchema("series").stream())
                .collect(Collectors.toMap(PostFields.FieldSpec::name, Function.identity()));

        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(declared.keySet());
        for (Map.Entry<String, List<IndexableField>> field : written.entrySet()) {
            PostFields.FieldSpec spec = declared.get(field.getKey());
            List<IndexableField> parts = field.getValue();
            String name = field.getKey();
            assertThat(parts.stream().anyMatch(PostDocumentsSchemaTest::indexed))
                    .as(name + " indexed")
                    .isEqualTo(spec.indexed());
            assertThat(parts.stream().anyMatch(part -> part.fieldType().stored()))
                    .as(name + " stored")
                    .isEqualTo(spec.stored());
            assertThat(parts.stream().anyMatch(part -> part.fieldType().docValuesType() != DocValuesType.NONE))
                    .as(name + " doc values")
                    .isEqualTo(spec.docValues());
            boolean tokenized = parts.stream()
                    .anyMatch(part ->
                            part.fieldType().tokenized() && part.fieldType().indexOptions() != IndexOptions.NONE);
            boolean text = spec.kind() == PostFields.Kind.WORDS || spec.kind() == PostFields.Kind.BIGRAMS;
            assertThat(tokenized).as(name + " analysed").isEqualTo(text);
            if (text) {
                // Its doc values (the title's) aside.
                assertThat(parts)
                        .filteredOn(part -> part.fieldType().docValuesType() == DocValuesType.NONE)
                        .allMatch(part -> part.fieldType().indexOptions()
                                == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
                assertThat(PostAnalyzer.chainOf(name))
                        .isSameAs(
                                spec.kind() == PostFields.Kind.BIGRAMS
                                        ? dev.blogsearch.analysis.HanBigramAnalyzer.CHAIN
                                        : dev.blogsearch.analysis.BlogAnalyzer.CHAIN);
            }
            int points = parts.stream()
                    .mapToInt(part -> part.fieldType().pointDimensionCount() == 0
                            ? 0
                            : part.fieldType().pointNumBytes())
                    .max()
                    .orElse(0);
            int expectedPointBytes =
                    spec.kind() == PostFields.Kind.LONG ? 8 : spec.kind() == PostFields.Kind.INT ? 4 : 0;
            assertThat(points).as(name + " point bytes").isEqualTo(expectedPointBytes);
            boolean sortedSet =
                    parts.stream().anyMatch(part -> part.fieldType().docValuesType() == DocValuesType.SORTED_SET);
            if (valuesOf(parts) > 1 || sortedSet) {
                assertThat(spec.multiValued()).as(name + " multi-valued").isTrue();
            }
        }
    }

    /** How many values a field holds: the parts of its most frequent kind (a point and its doc values are one). */
    private static long valuesOf(List<IndexableField> parts) {
        return parts.stream()
                .collect(Collectors.groupingBy(part -> part.getClass(), Collectors.counting()))
                .values()
                .stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
    }

    private static boolean indexed(IndexableField part) {
        return part.fieldType().indexOptions() != IndexOptions.NONE
                || part.fieldType().pointDimensionCount() > 0;
    }
}
