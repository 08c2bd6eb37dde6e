package dev.blogsearch.solr;

import dev.blogsearch.analysis.AnalysisChain;
import dev.blogsearch.analysis.BlogAnalyzer;
import dev.blogsearch.analysis.HanBigramAnalyzer;
import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the generated files of the configset: {@code schema.xml}, from {@link PostFields#SCHEMA} and the analysis
 * chains ({@link BlogAnalyzer#CHAIN}, {@link HanBigramAnalyzer#CHAIN}), so the cluster holds the fields of the
 * embedded index, analysed by the same factories with the same arguments; and {@value UserDictionary#RESOURCE}, the
 * built-in glossary, which the blog owner may extend. Run by the build after compiling, beside the hand-written
 * {@code solrconfig.xml}.
 *
 * <p>What Solr needs beyond the embedded index: {@code _version_} (the update log), docValues on the fields that are
 * indexed but neither stored nor copied ({@code tag}, {@code category}, {@code day}), because an atomic update (the
 * indexer's new file stamp) rebuilds a document from its stored fields and doc values; and the bigram fields as
 * {@code copyField}s of the words fields they shadow, so a post's text is sent once.
 */
public final class ConfigsetWriter {

    /** Where the configset lies on the plugin's class path. */
    public static final String CLASSPATH_DIR = "blogsearch-configset";

    private static final String WORDS_TYPE = "words";
    private static final String BIGRAMS_TYPE = "bigrams";

    private ConfigsetWriter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ConfigsetWriter CONFIGSET_DIR");
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("schema.xml"), schemaXml(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(UserDictionary.RESOURCE), dictionaryFile(), StandardCharsets.UTF_8);
    }

    /** The built-in glossary in the dictionary file format, with a header for the blog owner. */
    static String dictionaryFile() {
        return "# Chinese words the analysis keeps whole: the built-in tech glossary of blogsearch. Add your own words,\n"
                + "# one a line, then upload the configset again, reload the collection and reindex.\n"
                + UserDictionary.glossary().toFileText();
    }

    static String schemaXml() {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- Generated from PostFields and the analysis chains by dev.blogsearch.solr.ConfigsetWriter"
                        + " at build time: do not edit. -->\n")
                .append("<schema name=\"blogsearch\" version=\"1.7\">\n")
                .append("  <uniqueKey>")
                .append(PostFields.ID)
                .append("</uniqueKey>\n\n")
                .append("  <!-- BM25 with Lucene's defaults, as the embedded index's IndexSearcher scores. -->\n")
                .append("  <similarity class=\"solr.BM25SimilarityFactory\"/>\n\n");
        fieldType(xml, WORDS_TYPE, BlogAnalyzer.CHAIN);
        fieldType(xml, BIGRAMS_TYPE, HanBigramAnalyzer.CHAIN);
        xml.append("  <fieldType name=\"string\" class=\"solr.StrField\"/>\n")
                .append("  <fieldType name=\"plong\" class=\"solr.LongPointField\"/>\n")
                .append("  <fieldType name=\"pint\" class=\"solr.IntPointField\"/>\n\n")
                .append("  <field name=\"_version_\" type=\"plong\" indexed=\"false\" stored=\"false\""
                        + " docValues=\"true\"/>\n");
        for (PostFields.FieldSpec field : PostFields.SCHEMA) {
            field(xml, "field", field);
        }
        xml.append("  <!-- The site's own taxonomies (series), three fields each as tags have. -->\n");
        for (PostFields.FieldSpec field : PostFields.taxonomySchema("*")) {
            field(xml, "dynamicField", field);
        }
        xml.append('\n');
        for (PostFields.FieldSpec field : PostFields.SCHEMA) {
            String bigrams = PostFields.bigramFieldOf(field.name());
            if (bigrams != null) {
                xml.append("  <copyField source=\"")
                        .append(field.name())
                        .append("\" dest=\"")
                        .append(bigrams)
                        .append("\"/>\n");
            }
        }
        return xml.append("</schema>\n").toString();
    }

    private static void fieldType(StringBuilder xml, String name, AnalysisChain chain) {
        xml.append("  <fieldType name=\"")
                .append(name)
                .append("\" class=\"solr.TextField\" positionIncrementGap=\"0\">\n")
                .append("    <analyzer>\n");
        for (AnalysisChain.Step step : chain.charFilters()) {
            step(xml, "charFilter", step);
        }
        step(xml, "tokenizer", chain.tokenizer());
        for (AnalysisChain.Step step : chain.filters()) {
            step(xml, "filter", step);
        }
        xml.append("    </analyzer>\n").append("  </fieldType>\n");
    }

    private static void step(StringBuilder xml, String element, AnalysisChain.Step step) {
        xml.append("      <")
                .append(element)
                .append(" name=\"")
                .append(attribute(step.name()))
                .append('"');
        for (Map.Entry<String, String> arg : step.args().entrySet()) {
            xml.append(' ')
                    .append(arg.getKey())
                    .append("=\"")
                    .append(attribute(arg.getValue()))
                    .append('"');
        }
        xml.append("/>\n");
    }

    private static void field(StringBuilder xml, String element, PostFields.FieldSpec field) {
        boolean copied = field.kind() == PostFields.Kind.BIGRAMS;
        // An atomic update rebuilds a document from stored fields and doc values (copies are made again). A text
        // field's doc values (the title's, which opening an embedded index reads for its series) are the embedded
        // index's own: Solr keeps none for text, and the collection's series are read from the stored title.
        boolean docValues = (field.docValues() && !isText(field))
                || (field.indexed() && !field.stored() && !copied && !isText(field));
        xml.append("  <")
                .append(element)
                .append(" name=\"")
                .append(field.name())
                .append("\" type=\"")
                .append(typeOf(field))
                .append('"')
                .append(" indexed=\"")
                .append(field.indexed())
                .append('"')
                .append(" stored=\"")
                .append(field.stored())
                .append('"')
                .append(" docValues=\"")
                .append(docValues)
                .append('"')
                .append(" multiValued=\"")
                .append(field.multiValued())
                .append('"');
        if (isText(field)) {
            // Offsets in the postings, as the embedded index has them: the highlighter reads them instead of
            // analysing the stored text again.
            xml.append(" storeOffsetsWithPositions=\"true\"");
        } else {
            xml.append(" useDocValuesAsStored=\"false\"");
        }
        if (field.name().equals(PostFields.ID)) {
            xml.append(" required=\"true\"");
        }
        xml.append("/>\n");
    }

    private static boolean isText(PostFields.FieldSpec field) {
        return field.kind() == PostFields.Kind.WORDS || field.kind() == PostFields.Kind.BIGRAMS;
    }

    private static String typeOf(PostFields.FieldSpec field) {
        return switch (field.kind()) {
            case WORDS -> WORDS_TYPE;
            case BIGRAMS -> BIGRAMS_TYPE;
            case STRING -> "string";
            case LONG -> "plong";
            case INT -> "pint";
        };
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
