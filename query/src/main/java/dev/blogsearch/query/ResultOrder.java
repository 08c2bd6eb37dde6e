package dev.blogsearch.query;

import dev.blogsearch.schema.PostFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * The order of a page of results, on the embedded index and on SolrCloud alike. Posts that tie (the same score, or the
 * same date) are ordered by their file: the indexer hands documents to Lucene from several threads, so their document
 * ids, Lucene's own last resort, differ from one reindex to the next, and two posts that score alike (a post and its
 * translation, say) would swap places, or pages, after each reindex.
 */
public final class ResultOrder {

    /** Best match first; then the newer post; then by file. */
    public static final Sort BY_RELEVANCE = new Sort(
            SortField.FIELD_SCORE,
            new SortField(PostFields.DATE, SortField.Type.LONG, true),
            new SortField(PostFields.SOURCE, SortField.Type.STRING));

    /** Newest first (a search with filters and no words); then by file. */
    public static final Sort BY_DATE = new Sort(
            new SortField(PostFields.DATE, SortField.Type.LONG, true),
            new SortField(PostFields.SOURCE, SortField.Type.STRING));

    private ResultOrder() {}

    /** The order for a search with words ({@code byRelevance}) or with filters only. */
    public static Sort of(boolean byRelevance) {
        return byRelevance ? BY_RELEVANCE : BY_DATE;
    }

    /** The same order as Solr's {@code sort} parameter, for example {@code score desc,date desc,source asc}. */
    public static String solrSort(boolean byRelevance) {
        List<String> clauses = new ArrayList<>();
        for (SortField field : of(byRelevance).getSort()) {
            String name = field.getType() == SortField.Type.SCORE ? "score" : field.getField();
            // Lucene's score order is descending unless reversed; every other field ascending unless reversed.
            boolean descending = field.getType() == SortField.Type.SCORE != field.getReverse();
            clauses.add(name + (descending ? " desc" : " asc"));
        }
        return String.join(",", clauses);
    }
}
