package dev.blogsearch.api.facets;

import dev.blogsearch.schema.FacetLabels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The labels of one facet field across all segments of one index reader, numbered once per reader (Lucene's
 * {@link OrdinalMap}, as its faceting module does), with every label decoded once per reader: a search counts by
 * number and reads no label bytes, where it used to look up and decode each counted label in every segment.
 *
 * <p>Labels are ordered by their encoded bytes, key first ({@link FacetLabels}), so the spellings of one key have
 * neighbouring numbers: {@link #keyGroup} is the number of the key's first label.
 */
final class LabelOrdinals {

    /** Per reader (they are cached while the reader is open) and per field. */
    private static final Map<IndexReader.CacheKey, Map<String, LabelOrdinals>> CACHE = new ConcurrentHashMap<>();

    private final OrdinalMap ordinalMap;
    private final String[] spellings;
    private final int[] keyGroup;
    /** Per label, the place of its spelling among all spellings in {@link String#compareTo} order. */
    private final int[] spellingRank;
    /** The labels in {@link String#compareTo} order of their spellings: the inverse of {@link #spellingRank}. */
    private final int[] bySpellingRank;

    private LabelOrdinals(OrdinalMap ordinalMap, String[] spellings, int[] keyGroup) {
        this.ordinalMap = ordinalMap;
        this.spellings = spellings;
        this.keyGroup = keyGroup;
        Integer[] bySpelling = new Integer[spellings.length];
        Arrays.setAll(bySpelling, label -> label);
        Arrays.sort(bySpelling, Comparator.comparing(label -> spellings[label]));
        this.spellingRank = new int[spellings.length];
        this.bySpellingRank = new int[spellings.length];
        for (int rank = 0; rank < bySpelling.length; rank++) {
            spellingRank[bySpelling[rank]] = rank;
            bySpellingRank[rank] = bySpelling[rank];
        }
    }

    /** The numbering of {@code field}'s labels in {@code reader}, built on first use and kept until it closes. */
    static LabelOrdinals of(IndexReader reader, String field) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return build(reader, field);
        }
        Map<String, LabelOrdinals> byField = CACHE.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(CACHE::remove);
            return new ConcurrentHashMap<>();
        });
        return byField.computeIfAbsent(field, name -> build(reader, name));
    }

    /** How many distinct labels the reader has. */
    int size() {
        return spellings.length;
    }

    /** Maps a segment's ordinals to this reader's label numbers. */
    LongValues segmentToGlobal(LeafReaderContext segment) {
        return ordinalMap == null ? LongValues.IDENTITY : ordinalMap.getGlobalOrds(segment.ord);
    }

    /** The label as its author spelled it. */
    String spelling(int label) {
        return spellings[label];
    }

    /**
     * Where the label's spelling sorts among all spellings: comparing two labels' ranks compares their spellings as
     * {@link String#compareTo} would, without comparing strings on every search.
     */
    int spellingRank(int label) {
        return spellingRank[label];
    }

    /** The label whose spelling has this {@link #spellingRank}. */
    int bySpellingRank(int rank) {
        return bySpellingRank[rank];
    }

    /** The first label number of the key {@code label} belongs to; equal for every spelling of one key. */
    int keyGroup(int label) {
        return keyGroup[label];
    }

    private static LabelOrdinals build(IndexReader reader, String field) {
        try {
            List<LeafReaderContext> leaves = reader.leaves();
            SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
            for (LeafReaderContext leaf : leaves) {
                values[leaf.ord] = DocValues.getSortedSet(leaf.reader(), field);
            }
            OrdinalMap ordinalMap = values.length == 1 ? null : OrdinalMap.build(null, values, PackedInts.DEFAULT);
            int count = Math.toIntExact(
                    ordinalMap == null
                            ? (values.length == 0 ? 0 : values[0].getValueCount())
                            : ordinalMap.getValueCount());
            String[] spellings = new String[count];
            int[] keyGroup = new int[count];
            String previousKey = null;
            for (int label = 0; label < count; label++) {
                int segment = ordinalMap == null ? 0 : ordinalMap.getFirstSegmentNumber(label);
                long segmentOrd = ordinalMap == null ? label : ordinalMap.getFirstSegmentOrd(label);
                FacetLabels.Label decoded = FacetLabels.decode(values[segment].lookupOrd(segmentOrd));
                spellings[label] = decoded.spelling();
                keyGroup[label] = decoded.key().equals(previousKey) ? keyGroup[label - 1] : label;
                previousKey = decoded.key();
            }
            return new LabelOrdinals(ordinalMap, spellings, keyGroup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
