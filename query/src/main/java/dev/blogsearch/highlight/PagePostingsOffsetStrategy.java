package dev.blogsearch.highlight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.spans.SpanCollector;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanScorer;
import org.apache.lucene.queries.spans.Spans;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PhraseHelper;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * A field's match offsets for a page of hits, read from the postings as Lucene's {@code PostingsOffsetStrategy}
 * reads them (the same terms, the same phrase positions, so the same excerpts), with the work that does not depend
 * on the hit done once per page instead of once per hit: each query term is looked up in the terms dictionary once
 * and its postings advanced from hit to hit, and each phrase's span weight is built once (Lucene builds one per
 * hit and field, looking its terms up again each time: most of a search's highlighting cost) and its spans
 * advanced from hit to hit.
 *
 * <p>The unified highlighter asks for a field's hits in increasing document order (it sorts the page), which is
 * what advancing needs; a hit in another segment or before the previous one starts the postings and spans again.
 * One instance serves one field of one highlighting call, on one thread.
 */
final class PagePostingsOffsetStrategy extends FieldOffsetStrategy {

    private final BytesRef[] plainTerms;
    private final List<SpanQuery> phrases;
    private final Set<BytesRef> phraseFreeTerms;

    /** The segment the postings and spans below are positioned in, and the last hit asked for in it. */
    private LeafReader leaf;

    private int lastDoc = -1;
    private Terms terms;
    /** Per plain term, its postings with offsets in {@link #leaf}; null where the segment lacks the term. */
    private PostingsEnum[] postings;
    /** Per phrase, its scorer in {@link #leaf}; null where no post of the segment has the phrase. */
    private SpanScorer[] spanScorers;

    private TwoPhaseIterator[] spanTwoPhases;

    PagePostingsOffsetStrategy(UHComponents components) {
        super(components);
        PhraseHelper phraseHelper = components.getPhraseHelper();
        if (phraseHelper.hasPositionSensitivity()) {
            plainTerms = phraseHelper.getAllPositionInsensitiveTerms();
            phrases = List.copyOf(phraseHelper.getSpanQueries());
        } else {
            plainTerms = components.getTerms();
            phrases = List.of();
        }
        phraseFreeTerms = new HashSet<>(Arrays.asList(plainTerms));
    }

    /** Whether this strategy reads what Lucene's would for these components. */
    static boolean handles(UHComponents components) {
        return !components.getHighlightFlags().contains(UnifiedHighlighter.HighlightFlag.WEIGHT_MATCHES)
                && !components.getPhraseHelper().willRewrite();
    }

    @Override
    public UnifiedHighlighter.OffsetSource getOffsetSource() {
        return UnifiedHighlighter.OffsetSource.POSTINGS;
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
        if (reader != leaf || docId <= lastDoc) {
            startIn(reader);
        }
        lastDoc = docId;
        if (terms == null) {
            return OffsetsEnum.EMPTY;
        }
        List<OffsetsEnum> enums = new ArrayList<>();
        for (int i = 0; i < plainTerms.length; i++) {
            PostingsEnum termPostings = postings[i];
            if (termPostings != null && advance(termPostings, docId)) {
                enums.add(new OffsetsEnum.OfPostings(plainTerms[i], termPostings));
            }
        }
        if (!phrases.isEmpty()) {
            addPhraseOffsets(docId, enums);
        }
        if (components.getAutomata().length > 0) {
            createOffsetsEnumsForAutomata(terms, docId, enums);
        }
        return switch (enums.size()) {
            case 0 -> OffsetsEnum.EMPTY;
            case 1 -> enums.get(0);
            default -> new OffsetsEnum.MultiOffsetsEnum(enums);
        };
    }

    private void startIn(LeafReader reader) throws IOException {
        leaf = reader;
        lastDoc = -1;
        terms = reader.terms(getField());
        if (terms == null) {
            return;
        }
        postings = new PostingsEnum[plainTerms.length];
        TermsEnum termsEnum = terms.iterator();
        for (int i = 0; i < plainTerms.length; i++) {
            if (termsEnum.seekExact(plainTerms[i])) {
                postings[i] = termsEnum.postings(null, PostingsEnum.OFFSETS);
                if (postings[i] == null) {
                    throw new IllegalArgumentException(
                            "field '" + getField() + "' was indexed without offsets, cannot highlight");
                }
            }
        }
        if (phrases.isEmpty()) {
            return;
        }
        LeafReader withOffsets = new OffsetsOfField(reader, getField());
        IndexSearcher searcher = new IndexSearcher(withOffsets);
        searcher.setQueryCache(null);
        spanScorers = new SpanScorer[phrases.size()];
        spanTwoPhases = new TwoPhaseIterator[phrases.size()];
        for (int i = 0; i < phrases.size(); i++) {
            Weight weight = searcher.createWeight(searcher.rewrite(phrases.get(i)), ScoreMode.COMPLETE_NO_SCORES, 1);
            Scorer scorer = weight.scorer(withOffsets.getContext());
            if (scorer != null) {
                spanScorers[i] = (SpanScorer) scorer;
                spanTwoPhases[i] = scorer.twoPhaseIterator();
            }
        }
    }

    private static boolean advance(PostingsEnum postings, int docId) throws IOException {
        int current = postings.docID();
        if (current < docId) {
            current = postings.advance(docId);
        }
        return current == docId;
    }

    /** The offsets of every phrase's terms where the phrase occurs in the hit, one enum per term. */
    private void addPhraseOffsets(int docId, List<OffsetsEnum> enums) throws IOException {
        PhraseOffsets collected = new PhraseOffsets(components.getFieldMatcher(), phraseFreeTerms);
        for (int i = 0; i < spanScorers.length; i++) {
            SpanScorer scorer = spanScorers[i];
            if (scorer == null) {
                continue;
            }
            TwoPhaseIterator twoPhase = spanTwoPhases[i];
            DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            int current = approximation.docID();
            if (current < docId) {
                current = approximation.advance(docId);
            }
            if (current != docId || (twoPhase != null && !twoPhase.matches())) {
                continue;
            }
            Spans spans = scorer.getSpans();
            while (spans.nextStartPosition() != Spans.NO_MORE_POSITIONS) {
                spans.collect(collected);
            }
        }
        enums.addAll(collected.enums());
    }

    /**
     * Collects the start and end offsets of each phrase term where it occurs inside a phrase match; a term also
     * searched on its own is left to the plain terms, which already give every occurrence of it.
     */
    private static final class PhraseOffsets implements SpanCollector {

        private final Predicate<String> fieldMatcher;
        private final Set<BytesRef> phraseFreeTerms;
        private final Map<BytesRef, OffsetList> byTerm = new HashMap<>();

        PhraseOffsets(Predicate<String> fieldMatcher, Set<BytesRef> phraseFreeTerms) {
            this.fieldMatcher = fieldMatcher;
            this.phraseFreeTerms = phraseFreeTerms;
        }

        @Override
        public void collectLeaf(PostingsEnum postings, int position, Term term) throws IOException {
            if (!fieldMatcher.test(term.field()) || phraseFreeTerms.contains(term.bytes())) {
                return;
            }
            byTerm.computeIfAbsent(term.bytes(), OffsetList::new).add(postings.startOffset(), postings.endOffset());
        }

        @Override
        public void reset() {}

        List<OffsetsEnum> enums() {
            List<OffsetsEnum> enums = new ArrayList<>(byTerm.size());
            for (OffsetList list : byTerm.values()) {
                enums.add(list.sorted());
            }
            return enums;
        }
    }

    /** A term's occurrences inside phrase matches, each (start, end) once, in offset order. */
    private static final class OffsetList extends OffsetsEnum {

        private final BytesRef term;
        /** Each occurrence as start << 32 | end, so sorting the longs sorts by start, then end. */
        private long[] pairs = new long[4];

        private int size;
        private int at = -1;

        OffsetList(BytesRef term) {
            this.term = term;
        }

        void add(int start, int end) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, size * 2);
            }
            pairs[size++] = ((long) start << 32) | (end & 0xFFFFFFFFL);
        }

        OffsetList sorted() {
            Arrays.sort(pairs, 0, size);
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                if (distinct == 0 || pairs[i] != pairs[distinct - 1]) {
                    pairs[distinct++] = pairs[i];
                }
            }
            size = distinct;
            return this;
        }

        @Override
        public boolean nextPosition() {
            return ++at < size;
        }

        @Override
        public int freq() {
            return size;
        }

        @Override
        public BytesRef getTerm() {
            return term;
        }

        @Override
        public int startOffset() {
            return (int) (pairs[at] >>> 32);
        }

        @Override
        public int endOffset() {
            return (int) pairs[at];
        }
    }

    /**
     * The segment as the span weights of one field need it: every field name reads this field's terms, with
     * offsets (a phrase of a masked field is matched in the field highlighted), and its norms.
     */
    private static final class OffsetsOfField extends FilterLeafReader {

        private final String field;

        OffsetsOfField(LeafReader in, String field) {
            super(in);
            this.field = field;
        }

        @Override
        public FieldInfos getFieldInfos() {
            throw new UnsupportedOperationException("a span weight over one field has no field infos");
        }

        @Override
        public Terms terms(String ignored) throws IOException {
            Terms fieldTerms = super.terms(field);
            if (fieldTerms == null) {
                return null;
            }
            return new FilterTerms(fieldTerms) {
                @Override
                public TermsEnum iterator() throws IOException {
                    return new FilterTermsEnum(in.iterator()) {
                        @Override
                        public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
                            return super.postings(reuse, flags | PostingsEnum.OFFSETS);
                        }
                    };
                }
            };
        }

        @Override
        public NumericDocValues getNormValues(String ignored) throws IOException {
            return super.getNormValues(field);
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }
}
