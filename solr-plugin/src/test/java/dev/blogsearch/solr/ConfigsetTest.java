package dev.blogsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.ReaderOptions;
import dev.blogsearch.indexer.testing.SharedCorpus;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.solr.schema.CopyField;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.schema.SchemaField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated configset, loaded by a real Solr core: every field of a post is declared as the embedded index holds
 * it, and Solr's analysis of each field cuts real posts exactly as {@link PostAnalyzer} does.
 */
class ConfigsetTest {

    @TempDir
    static Path home;

    private static SolrCore solr;
    private static IndexSchema schema;

    @BeforeAll
    static void startSolr() throws IOException {
        solr = SolrCore.start(home);
        try (org.apache.solr.core.SolrCore core = solr.core()) {
            schema = core.getLatestSchema();
        }
    }

    @AfterAll
    static void stopSolr() throws IOException {
        solr.close();
    }

    @Test
    void everyFieldOfAPostIsDeclaredAsTheEmbeddedIndexHoldsIt() {
        // A site's own taxonomy (series) has its fields through the schema's dynamic fields.
        List<PostFields.FieldSpec> specs = new ArrayList<>(PostFields.SCHEMA);
        specs.addAll(PostFields.taxonomySchema("series"));
        for (PostFields.FieldSpec spec : specs) {
            SchemaField field = schema.getFieldOrNull(spec.name());
            assertThat(field).as(spec.name()).isNotNull();
            assertThat(field.indexed()).as(spec.name() + " indexed").isEqualTo(spec.indexed());
            assertThat(field.stored()).as(spec.name() + " stored").isEqualTo(spec.stored());
            assertThat(field.multiValued()).as(spec.name() + " multiValued").isEqualTo(spec.multiValued());
            boolean text = spec.kind() == PostFields.Kind.WORDS || spec.kind() == PostFields.Kind.BIGRAMS;
            // Solr keeps no doc values for text: the title's are the embedded index's alone.
            if (spec.docValues() && !text) {
                assertThat(field.hasDocValues()).as(spec.name() + " docValues").isTrue();
            }
            // Offsets in the postings where the embedded index has them: the highlighter reads them there.
            assertThat(field.storeOffsetsWithPositions())
                    .as(spec.name() + " offsets")
                    .isEqualTo(text);
            assertThat(field.getType().isTokenized())
                    .as(spec.name() + " analysed")
                    .isEqualTo(text);
        }
        assertThat(schema.getUniqueKeyField().getName()).isEqualTo(PostFields.ID);
    }

    @Test
    void eachBigramFieldIsACopyOfTheWordsFieldItShadows() {
        for (PostFields.FieldSpec spec : PostFields.SCHEMA) {
            String bigrams = PostFields.bigramFieldOf(spec.name());
            if (bigrams != null) {
                List<String> copies = schema.getCopyFieldsList(spec.name()).stream()
                        .map(CopyField::getDestination)
                        .map(SchemaField::getName)
                        .toList();
                assertThat(copies).as(spec.name()).containsExactly(bigrams);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nats-io-nats-site", "yangwenmai-maiyang.me"})
    void solrCutsEveryFieldOfRealPostsExactlyAsThePostAnalyzer(String blog) throws Exception {
        Path content = SharedCorpus.blog(blog);
        HugoPostReader reader = new HugoPostReader(ReaderOptions.defaults());
        PostAnalyzer embedded = new PostAnalyzer(UserDictionary.glossary());
        int compared = 0;
        for (Path file : reader.listPosts(content)) {
            Post post = reader.read(content, file);
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {PostFields.TITLE, post.title()});
            fields.add(new String[] {PostFields.TITLE_CJK, post.title()});
            fields.add(new String[] {PostFields.HEADINGS, post.text().headingsText()});
            fields.add(new String[] {PostFields.HEADINGS_CJK, post.text().headingsText()});
            fields.add(new String[] {PostFields.BODY, post.text().body()});
            fields.add(new String[] {PostFields.BODY_CJK, post.text().body()});
            fields.add(new String[] {PostFields.CODE, post.text().code()});
            post.tags().forEach(tag -> fields.add(new String[] {PostFields.TAGS, tag}));
            post.categories().forEach(category -> fields.add(new String[] {PostFields.CATEGORIES, category}));
            for (String[] field : fields) {
                List<String> expected = tokens(embedded, field[0], field[1]);
                assertThat(tokens(schema.getIndexAnalyzer(), field[0], field[1]))
                        .as("%s of %s", field[0], file)
                        .isEqualTo(expected);
                compared += expected.size();
            }
        }
        assertThat(compared).as("tokens compared").isGreaterThan(10_000);
        // Queries are analysed with the same chain.
        for (PostFields.FieldSpec spec : PostFields.SCHEMA) {
            SchemaField field = schema.getField(spec.name());
            assertThat(field.getType().getQueryAnalyzer())
                    .isSameAs(field.getType().getIndexAnalyzer());
        }
    }

    /** Each token with everything the index keeps of it. */
    static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " " + type.type() + " +"
                        + increment.getPositionIncrement() + " /" + length.getPositionLength());
            }
            stream.end();
            tokens.add("end " + offset.endOffset() + " +" + increment.getPositionIncrement());
        }
        return tokens;
    }
}
