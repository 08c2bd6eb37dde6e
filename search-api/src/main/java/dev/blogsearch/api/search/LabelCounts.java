package dev.blogsearch.api.search;

import dev.blogsearch.indexer.index.FacetLabels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the tags (or categories) of every post a query matches, grouped by their normalised key and shown in
 * the spelling most of those posts use. Also counts the matching posts, which makes it the exact total.
 */
final class LabelCounts implements CollectorManager<LabelCounts.LeafCounts, LabelCounts.Result> {

    /** A label and how many matching posts carry it. */
    record Count(String label, int count) {
    }

    /** The counts, most frequent first, and how many posts matched. */
    record Result(List<Count> counts, int totalHits) {
    }

    private final String facetField;

    LabelCounts(String facetField) {
        this.facetField = facetField;
    }

    @Override
    public LeafCounts newCollector() {
        return new LeafCounts();
    }

    @Override
    public Result reduce(Collection<LeafCounts> collectors) {
        Map<String, Map<String, Integer>> spellingsByKey = new HashMap<>();
        int total = 0;
        for (LeafCounts collector : collectors) {
            total += collector.hits;
            collector.flush(spellingsByKey);
        }
        List<Count> counts = new ArrayList<>(spellingsByKey.size());
        for (Map<String, Integer> spellings : spellingsByKey.values()) {
            int count = spellings.values().stream().mapToInt(Integer::intValue).sum();
            String shown = spellings.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            counts.add(new Count(shown, count));
        }
        counts.sort(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::label));
        return new Result(counts, total);
    }

    /** Counts by ordinal within each segment, and resolves the ordinals to labels once, when a segment is done. */
    final class LeafCounts implements Collector {
        private final Map<String, Integer> bySpelledLabel = new HashMap<>();
        private int hits;

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues values = DocValues.getSortedSet(context.reader(), facetField);
            int[] ordinalCounts = new int[Math.toIntExact(values.getValueCount())];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

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
                public void finish() throws IOException {
                    for (int ord = 0; ord < ordinalCounts.length; ord++) {
                        if (ordinalCounts[ord] > 0) {
                            bySpelledLabel.merge(values.lookupOrd(ord).utf8ToString(), ordinalCounts[ord],
                                    Integer::sum);
                        }
                    }
                }
            };
        }

        void flush(Map<String, Map<String, Integer>> spellingsByKey) {
            bySpelledLabel.forEach((encoded, count) -> {
                FacetLabels.Label label = FacetLabels.decode(encoded);
                spellingsByKey.computeIfAbsent(label.key(), key -> new HashMap<>())
                        .merge(label.spelling(), count, Integer::sum);
            });
        }
    }
}
