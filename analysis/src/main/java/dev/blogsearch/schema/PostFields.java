package dev.blogsearch.schema;

import dev.blogsearch.analysis.BlogAnalyzer;
import dev.blogsearch.analysis.HanBigramAnalyzer;
import dev.blogsearch.analysis.TextFolding;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * The index schema: every field name, how each is indexed and with which analyzer. The indexer writes these
 * fields and the search API reads them; neither spells a field name anywhere else. {@link PostAnalyzer} says which
 * analyzer reads each text field, {@link FieldWeights} how much a match in each counts.
 */
public final class PostFields {

    /**
     * Exact post id ({@code posts/foo}): a StringField, to replace or delete a post and to fetch one; also sorted doc
     * values, which opening an index reads for every post (its series) without decompressing the stored text, and
     * by which a SolrCloud cursor pages through a collection.
     */
    public static final String ID = "id";
    /** The post's permalink; stored only. */
    public static final String URL = "url";
    /**
     * The Markdown file relative to the content directory, {@code /}-separated: an exact keyword, stored, because
     * an incremental run finds, replaces and deletes a post's document by its file; also sorted doc values, which
     * an incremental run reads for every post without decompressing the stored text, and which break ties between
     * results ({@code ResultOrder}).
     */
    public static final String SOURCE = "source";
    /**
     * SHA-256 of the file's bytes when it was indexed; stored, and binary doc values for the incremental run. It
     * re-analyses a post only when its file's hash differs (a modification time alone changes on a checkout and
     * misses same-second edits).
     */
    public static final String CONTENT_HASH = "content_hash";
    /**
     * The file's {@code FileStamp} (size and modification time) when it was indexed; binary doc values, updated in
     * place when a file's stamp changes but not its hash. An incremental run hashes only files whose stamp changed.
     */
    public static final String FILE_STAMP = "file_stamp";

    /**
     * Title words (smartcn + identifiers); stored with offsets so the title can be highlighted; and the title as
     * written in binary doc values, which opening an index reads for every post (its series) without decompressing
     * the stored bodies beside the stored titles. A SolrCloud collection keeps no doc values for text.
     */
    public static final String TITLE = "title";
    /** Title as Chinese bigrams, for words smartcn segments differently in the title and in the query. */
    public static final String TITLE_CJK = "title_cjk";
    /** Heading text, one heading a line; stored with offsets. */
    public static final String HEADINGS = "headings";
    /**
     * The anchor of each heading ({@code {#id}} or Hugo's generated id), stored only, one value per line of
     * {@link #HEADINGS} in the same order: a matched heading line links to its section.
     */
    public static final String HEADING_ANCHORS = "heading_anchors";
    /** Headings as Chinese bigrams. */
    public static final String HEADINGS_CJK = "headings_cjk";
    /** Prose; stored with offsets in postings, which is what the excerpt highlighter reads. */
    public static final String BODY = "body";
    /** Prose as Chinese bigrams. */
    public static final String BODY_CJK = "body_cjk";
    /** Code blocks and inline code, apart from prose so code is matched as code; stored with offsets. */
    public static final String CODE = "code";
    /**
     * The term pairs the post glosses itself with (熔断（circuit breaker）), found when it is indexed: binary doc
     * values, one pair a line, Chinese and English separated by a tab, in the order the post writes them (empty
     * when it glosses nothing). Opening an index reads them instead of searching every post's text again.
     */
    public static final String GLOSSES = "glosses";

    /** Tags as the author wrote them: stored for display, analysed so a word of a tag matches. */
    public static final String TAGS = "tags";
    /** The tag's {@link TextFolding#key}: exact filter. */
    public static final String TAG_KEY = "tag";
    /** Doc values of {@link FacetLabels} (key and spelling) for counting tags. */
    public static final String TAG_FACET = "tag_facet";
    /** Categories as written: stored, analysed. */
    public static final String CATEGORIES = "categories";
    /** Normalised category: exact filter. */
    public static final String CATEGORY_KEY = "category";
    /** Doc values of {@link FacetLabels} for counting categories. */
    public static final String CATEGORY_FACET = "category_facet";

    /** Publication time in epoch milliseconds: a point for ranges, doc values for sorting by date. */
    public static final String DATE = "date";
    /**
     * Publication day as the number yyyymmdd of the author's own calendar (the offset the date was written with):
     * a point for the {@code from}/{@code to} filters, so a post of 2024-01-01 00:30 +08:00 is in 2024 as its
     * author sees it. Undated posts have none.
     */
    public static final String DAY = "day";
    /** Doc values of {@link FacetLabels} of the publication year (author's calendar), for the years facet. */
    public static final String YEAR_FACET = "year_facet";
    /** Publication date as written in ISO-8601 with its offset; stored only, for display. */
    public static final String DATE_TEXT = "date_text";
    /**
     * Front matter description, else summary, else the text before a {@code <!--more-->} divider; stored only, for
     * display.
     */
    public static final String SUMMARY = "summary";

    /**
     * The post's language code ({@code en}, {@code zh-cn}): an exact keyword, stored, for a {@code lang=} filter and
     * to show it. Posts of unknown language (a blog read without its site configuration) have none.
     */
    public static final String LANG = "lang";
    /** Doc values of {@link FacetLabels} of the language code, for counting posts per language. */
    public static final String LANGUAGE_FACET = "language_facet";
    /**
     * What links the translations of one post (front matter {@code translationKey}, else the id without the
     * language): an exact keyword, stored, so a hit finds its translations with one term query.
     */
    public static final String TRANSLATION_KEY = "translation_key";
    /**
     * Front matter {@code linkTitle}, the short title menus show: analysed and stored with offsets like the title,
     * so a post is found by its short name too.
     */
    public static final String LINK_TITLE = "link_title";
    /** Link title as Chinese bigrams. */
    public static final String LINK_TITLE_CJK = "link_title_cjk";
    /**
     * The URLs Hugo redirects to the post (front matter {@code aliases}, resolved as Hugo resolves them); stored
     * only: they are old addresses, not words a reader searches for.
     */
    public static final String ALIASES = "aliases";
    /**
     * The post's expiry time in epoch milliseconds, when it has one: doc values, which an incremental run reads for
     * every post to re-read a post whose expiry has passed although its file did not change, and a point.
     */
    public static final String EXPIRY = "expiry";

    /**
     * The stored fields a search hit shows (its title highlighted, its date, tags, sections' anchors, language and
     * translations): what the embedded index and a SolrCloud collection both read for a page of hits.
     */
    public static final List<String> HIT_FIELDS =
            List.of(ID, URL, TITLE, DATE_TEXT, TAGS, HEADING_ANCHORS, LANG, TRANSLATION_KEY);

    // A taxonomy of the site's own besides tags and categories (series), by its plural name: its terms as written
    // (stored, analysed), by key (exact filter) and as facet labels (counts), the three fields tags have. Each kind
    // has a prefix of its own, so that a schema can declare each as one dynamic field (taxonomy_key.*).
    private static final String TAXONOMY_PREFIX = "taxonomy.";
    private static final String TAXONOMY_KEY_PREFIX = "taxonomy_key.";
    private static final String TAXONOMY_FACET_PREFIX = "taxonomy_facet.";

    /** How a field's values are indexed, as a schema that must hold the same fields declares its type. */
    public enum Kind {
        /** Text analysed by {@link BlogAnalyzer} (words and identifiers), offsets in postings. */
        WORDS,
        /**
         * Text analysed by {@link HanBigramAnalyzer}, offsets in postings: the text of the words field it shadows
         * ({@link #bigramFieldOf}), never stored.
         */
        BIGRAMS,
        /** An exact string, not analysed. */
        STRING,
        /** A 64-bit integer (epoch milliseconds): a point. */
        LONG,
        /** A 32-bit integer: a point. */
        INT
    }

    /**
     * A field of a post's document: what {@code PostDocuments} writes (a test holds it to this) and what a Solr
     * configset declares (generated from {@link #SCHEMA}).
     *
     * @param name        the field's name
     * @param kind        how its values are indexed
     * @param indexed     searchable: terms or points
     * @param stored      its values can be read back
     * @param docValues   column-stride values: sorting, facet counts, the incremental run's list of files, what
     *                    opening an index reads of every post; a text field's are the embedded index's own
     * @param multiValued a post can hold several values (sorted-set doc values count as several)
     */
    public record FieldSpec(
            String name, Kind kind, boolean indexed, boolean stored, boolean docValues, boolean multiValued) {}

    /**
     * Every field of a post's document, in the order a schema lists them; besides them, a site's own taxonomies get
     * three fields each, named by prefix ({@link #taxonomyField}, {@link #taxonomyKeyField},
     * {@link #taxonomyFacetField}) like {@link #TAGS}, {@link #TAG_KEY} and {@link #TAG_FACET}.
     */
    public static final List<FieldSpec> SCHEMA = List.of(
            new FieldSpec(ID, Kind.STRING, true, true, true, false),
            new FieldSpec(URL, Kind.STRING, false, true, false, false),
            new FieldSpec(SOURCE, Kind.STRING, true, true, true, false),
            new FieldSpec(CONTENT_HASH, Kind.STRING, false, true, true, false),
            new FieldSpec(FILE_STAMP, Kind.STRING, false, false, true, false),
            new FieldSpec(TITLE, Kind.WORDS, true, true, true, false),
            new FieldSpec(TITLE_CJK, Kind.BIGRAMS, true, false, false, false),
            new FieldSpec(HEADINGS, Kind.WORDS, true, true, false, false),
            new FieldSpec(HEADING_ANCHORS, Kind.STRING, false, true, false, true),
            new FieldSpec(HEADINGS_CJK, Kind.BIGRAMS, true, false, false, false),
            new FieldSpec(BODY, Kind.WORDS, true, true, false, false),
            new FieldSpec(BODY_CJK, Kind.BIGRAMS, true, false, false, false),
            new FieldSpec(CODE, Kind.WORDS, true, true, false, false),
            new FieldSpec(TAGS, Kind.WORDS, true, true, false, true),
            new FieldSpec(TAG_KEY, Kind.STRING, true, false, false, true),
            new FieldSpec(TAG_FACET, Kind.STRING, false, false, true, true),
            new FieldSpec(CATEGORIES, Kind.WORDS, true, true, false, true),
            new FieldSpec(CATEGORY_KEY, Kind.STRING, true, false, false, true),
            new FieldSpec(CATEGORY_FACET, Kind.STRING, false, false, true, true),
            new FieldSpec(DATE, Kind.LONG, true, false, true, false),
            new FieldSpec(DAY, Kind.INT, true, false, false, false),
            new FieldSpec(YEAR_FACET, Kind.STRING, false, false, true, true),
            new FieldSpec(DATE_TEXT, Kind.STRING, false, true, false, false),
            new FieldSpec(SUMMARY, Kind.STRING, false, true, false, false),
            new FieldSpec(LANG, Kind.STRING, true, true, false, false),
            new FieldSpec(LANGUAGE_FACET, Kind.STRING, false, false, true, true),
            new FieldSpec(TRANSLATION_KEY, Kind.STRING, true, true, false, false),
            new FieldSpec(LINK_TITLE, Kind.WORDS, true, true, false, false),
            new FieldSpec(LINK_TITLE_CJK, Kind.BIGRAMS, true, false, false, false),
            new FieldSpec(ALIASES, Kind.STRING, false, true, false, true),
            new FieldSpec(EXPIRY, Kind.LONG, true, false, true, false));

    /** Stored and analysed with offsets in postings, for the UnifiedHighlighter. */
    public static final FieldType STORED_TEXT_WITH_OFFSETS = textType(true);
    /** Analysed with offsets but not stored: highlighted through the stored field it shadows. */
    public static final FieldType SHADOW_TEXT_WITH_OFFSETS = textType(false);

    private PostFields() {}

    /** A day as the number yyyymmdd that {@link #DAY} holds; ordered like the days. */
    public static int dayNumber(LocalDate day) {
        return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    /** Whether a field holds Chinese bigrams ({@link HanBigramAnalyzer}) rather than words ({@link BlogAnalyzer}). */
    public static boolean isBigramField(String field) {
        return field.equals(TITLE_CJK)
                || field.equals(LINK_TITLE_CJK)
                || field.equals(HEADINGS_CJK)
                || field.equals(BODY_CJK);
    }

    /** The bigram field that shadows a words field, or {@code null} when there is none. */
    public static String bigramFieldOf(String wordsField) {
        return switch (wordsField) {
            case TITLE -> TITLE_CJK;
            case LINK_TITLE -> LINK_TITLE_CJK;
            case HEADINGS -> HEADINGS_CJK;
            case BODY -> BODY_CJK;
            default -> null;
        };
    }

    /**
     * The terms of a custom taxonomy as written ({@code taxonomy.series}): stored for display, analysed so a word of
     * a term matches, like {@link #TAGS}.
     */
    public static String taxonomyField(String plural) {
        return TAXONOMY_PREFIX + plural;
    }

    /** A custom taxonomy's terms by {@link TextFolding#key}: exact filter, like {@link #TAG_KEY}. */
    public static String taxonomyKeyField(String plural) {
        return TAXONOMY_KEY_PREFIX + plural;
    }

    /** Doc values of {@link FacetLabels} for counting a custom taxonomy's terms, like {@link #TAG_FACET}. */
    public static String taxonomyFacetField(String plural) {
        return TAXONOMY_FACET_PREFIX + plural;
    }

    /**
     * The three fields of a custom taxonomy, declared as {@link #TAGS}, {@link #TAG_KEY} and {@link #TAG_FACET} are:
     * for {@code series}, the fields a post with series holds; for {@code *}, the name patterns a schema declares as
     * dynamic fields so that any taxonomy a site declares fits.
     */
    public static List<FieldSpec> taxonomySchema(String plural) {
        return List.of(
                new FieldSpec(taxonomyField(plural), Kind.WORDS, true, true, false, true),
                new FieldSpec(taxonomyKeyField(plural), Kind.STRING, true, false, false, true),
                new FieldSpec(taxonomyFacetField(plural), Kind.STRING, false, false, true, true));
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
