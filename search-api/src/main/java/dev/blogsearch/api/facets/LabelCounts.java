package dev.blogsearch.api.facets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;

/**
 * Counts the tags (or categories) of every post a query matches, grouped by their normalised key and shown in
 * the spelling most of those posts use. Also counts the matching posts, which makes it the exact total.
 *
 * <p>Counting is by number ({@link LabelOrdinals}): per segment while collecting, then into the reader's label
 * numbers when a segment is done; labels become text only for the result.
 */
public final class LabelCounts implements CollectorManager<LabelCounts.LeafCounts, LabelCounts.Result> {

    /** A label and how many matching posts carry it. */
    public record Count(String label, int count) {}

    /** The counts, most frequent first, and how many posts matched. */
    public record Result(List<Count> counts, int totalHits) {}

    private final String facetField;
    private final LabelOrdinals labels;

    public LabelCounts(IndexReader reader, String facetField) {
        this.facetField = facetField;
        this.labels = LabelOrdinals.of(reader, facetField);
    }

    @Override
    public LeafCounts newCollector() {
        return new LeafCounts();
    }

    @Override
    public Result reduce(Collection<LeafCounts> collectors) {
        int[] perLabel = new int[labels.size()];
        int total = 0;
        for (LeafCounts collector : collectors) {
            total += collector.hits;
            for (int label = 0; label < perLabel.length; label++) {
                perLabel[label] += collector.perLabel[label];
            }
        }
        // The spellings of a key are numbered next to each other: one pass adds them up and picks the most used.
        // Each counted key is kept as one long that sorts as the result does, most posts first, then by spelling:
        // the count's complement above the spelling's rank (no two keys share a spelling).
        long[] order = new long[perLabel.length];
        int counted = 0;
        int label = 0;
        while (label < perLabel.length) {
            int group = labels.keyGroup(label);
            int count = 0;
            int shown = -1;
            for (; label < perLabel.length && labels.keyGroup(label) == group; label++) {
                count += perLabel[label];
                if (perLabel[label] > 0
                        && (shown < 0
                                || perLabel[label] > perLabel[shown]
                                || perLabel[label] == perLabel[shown]
                                        && labels.spelling(label).compareTo(labels.spelling(shown)) > 0)) {
                    shown = label;
                }
            }
            if (count > 0) {
                order[counted++] = (long) (Integer.MAX_VALUE - count) << 32 | labels.spellingRank(shown);
            }
        }
        Arrays.sort(order, 0, counted);
        List<Count> counts = new ArrayList<>(counted);
        for (int i = 0; i < counted; i++) {
            int count = Integer.MAX_VALUE - (int) (order[i] >>> 32);
            counts.add(new Count(labels.spelling(labels.bySpellingRank((int) order[i])), count));
        }
        return new Result(counts, total);
    }

    /** Counts by segment ordinal, then adds a finished segment's counts to the reader's label numbers. */
    final class LeafCounts implements Collector {
        private final int[] perLabel = new int[labels.size()];
        private int hits;

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues values = DocValues.getSortedSet(context.reader(), facetField);
            int[] ordinalCounts = new int[Math.toIntExact(values.getValueCount())];
            LongValues toLabel = labels.segmentToGlobal(context);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    hits++;
                    if (values.advanceExact(doc)) {
                        for (int i = 0; i < values.docValueCount(); i++) {
                            ordinalCounts[(int) values.nextOrd()]++;
                        }
                    }
                }

                @Override
                public void finish() {
                    for (int ord = 0; ord < ordinalCounts.length; ord++) {
                        if (ordinalCounts[ord] > 0) {
                            perLabel[(int) toLabel.get(ord)] += ordinalCounts[ord];
                        }
                    }
                }
            };
        }
    }
}
