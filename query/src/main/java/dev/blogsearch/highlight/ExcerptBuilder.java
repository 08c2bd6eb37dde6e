package dev.blogsearch.highlight;

import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlighted titles and excerpts for a page of hits, from the offsets stored in the postings (no re-analysis)
 * by Lucene's {@link UnifiedHighlighter}. An excerpt is the post's best one or two sentences for the query; when
 * only code matched, the matching code line; when nothing in the text matched (a tag or title match), the
 * post's opening lines. Everything is HTML-escaped except our {@code <mark>} tags.
 *
 * <p>Thread-safe: a highlighter is built per call, over the caller's searcher.
 */
public final class ExcerptBuilder {

    /** Sentences per excerpt: about two sentences, at most about 200 characters. */
    private static final int EXCERPT_SENTENCES = 2;
    /** Matches are highlighted within this many characters of a post; beyond, the post's opening is shown. */
    private static final int MAX_HIGHLIGHTED_LENGTH = 1_000_000;

    /** Headings shown under a hit: the sections that matched best. */
    public static final int MAX_SECTIONS = 3;

    private static final String[] FIELDS = {PostFields.TITLE, PostFields.BODY, PostFields.CODE, PostFields.HEADINGS};
    private static final int[] PASSAGES = {1, EXCERPT_SENTENCES, 1, MAX_SECTIONS};

    /**
     * A hit's highlighted title and excerpt, its matched headings (best first), and the stored fields asked for
     * besides, read in the same visit of the hit's stored fields as its text.
     */
    public record Highlight(String titleHtml, String excerptHtml, List<MatchedHeading> headings, Document stored) {}

    private final PostAnalyzer analyzer;
    private final boolean perPage;

    public ExcerptBuilder(PostAnalyzer analyzer) {
        this(analyzer, true);
    }

    /**
     * @param perPage whether offsets are read with {@link PagePostingsOffsetStrategy} (each term and phrase looked
     *                up once per page); false reads them as Lucene does, once per hit, which gives the same
     *                excerpts more slowly (a test compares the two)
     */
    ExcerptBuilder(PostAnalyzer analyzer, boolean perPage) {
        this.analyzer = analyzer;
        this.perPage = perPage;
    }

    public Highlight[] highlight(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        return highlight(searcher, query, docIds, Set.of());
    }

    /** With the hits' {@code storedFields} too (their values in {@link Highlight#stored()}). */
    public Highlight[] highlight(IndexSearcher searcher, Query query, int[] docIds, Set<String> storedFields)
            throws IOException {
        if (docIds.length == 0) {
            return new Highlight[0];
        }
        PageStoredFields stored = new PageStoredFields(searcher, storedFields);
        Map<String, Object[]> fields =
                newHighlighter(stored.searcher()).highlightAsObjects(FIELDS, query, docIds, PASSAGES);
        Highlight[] highlights = new Highlight[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            String title = orEmpty((String) fields.get(PostFields.TITLE)[i]);
            String body = (String) fields.get(PostFields.BODY)[i];
            String code = (String) fields.get(PostFields.CODE)[i];
            @SuppressWarnings("unchecked")
            List<MatchedHeading> headings = fields.get(PostFields.HEADINGS)[i] instanceof List<?> list
                    ? (List<MatchedHeading>) list
                    : List.of();
            String excerpt;
            if (hasMark(body) || !hasMark(code)) {
                excerpt = orEmpty(body);
            } else {
                excerpt = code;
            }
            highlights[i] = new Highlight(title, excerpt, headings, stored.document(docIds[i]));
        }
        return highlights;
    }

    private PostHighlighter newHighlighter(IndexSearcher searcher) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkPassageFormatter())
                .withMaxLength(MAX_HIGHLIGHTED_LENGTH)
                // Weight matches (the Matches API) mark a bigram phrase of a shadow field from its first match to a
                // later one, swallowing the text between; term-by-term highlighting marks each occurrence.
                .withWeightMatches(false)
                // Matches of a word's bigram field are shown in the text of the word field it shadows.
                .withMaskedFieldsFunc(field -> {
                    String bigrams = PostFields.bigramFieldOf(field);
                    return bigrams == null ? Set.of() : Set.of(field, bigrams);
                });
        return new PostHighlighter(builder, perPage);
    }

    /** Per-field break iterators and formatters; the headings field is formatted as objects. */
    private static final class PostHighlighter extends UnifiedHighlighter {

        private final SectionFormatter sections = new SectionFormatter();
        private final boolean perPage;

        PostHighlighter(UnifiedHighlighter.Builder builder, boolean perPage) {
            super(builder);
            this.perPage = perPage;
        }

        @Override
        protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource, UHComponents components) {
            if (perPage && offsetSource == OffsetSource.POSTINGS && PagePostingsOffsetStrategy.handles(components)) {
                return new PagePostingsOffsetStrategy(components);
            }
            return super.getOffsetStrategy(offsetSource, components);
        }

        Map<String, Object[]> highlightAsObjects(String[] fields, Query query, int[] docIds, int[] passages)
                throws IOException {
            return highlightFieldsAsObjects(fields, query, docIds, passages);
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            return switch (field) {
                case PostFields.TITLE -> new WholeBreakIterator();
                // One heading a line: each passage is one heading, scored on its own.
                case PostFields.HEADINGS -> new CustomSeparatorBreakIterator('\n');
                default -> new SentenceBreakIterator();
            };
        }

        @Override
        protected int getMaxNoHighlightPassages(String field) {
            // Title and body are always shown; code and headings only when they matched.
            return PostFields.CODE.equals(field) || PostFields.HEADINGS.equals(field) ? 0 : EXCERPT_SENTENCES;
        }

        @Override
        protected PassageFormatter getFormatter(String field) {
            return PostFields.HEADINGS.equals(field) ? sections : super.getFormatter(field);
        }
    }

    private static boolean hasMark(String html) {
        // The formatter escapes every '<' of the post, so only our own tags can appear.
        return html != null && html.contains(MarkPassageFormatter.OPEN);
    }

    private static String orEmpty(String html) {
        return html == null ? "" : html;
    }
}
