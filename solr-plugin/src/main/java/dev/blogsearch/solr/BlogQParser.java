package dev.blogsearch.solr;

import dev.blogsearch.query.DayRange;
import dev.blogsearch.query.PostFilters;
import dev.blogsearch.query.QueryPlan;
import dev.blogsearch.query.UserQuery;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.SyntaxError;

/**
 * Parses one reader's query on one core. The query string is what the reader typed (never Lucene syntax: nothing
 * in it is an error). Parameters, local or of the request:
 *
 * <ul>
 *   <li>{@value #ALL}: {@code true} when every word must match; otherwise any may, and all of them rank first
 *       only through the score (the service sorts complete matches first with {@code exists(query(...))}).
 *   <li>{@value #TAG}, {@value #CATEGORY} (repeatable): labels every hit must carry, compared by their key.
 *   <li>{@value #FROM_DAY}, {@value #TO_DAY}: publication days as yyyymmdd numbers, inclusive.
 *   <li>{@value #LANG} (repeatable): language codes a hit must have one of.
 *   <li>{@value #TAXONOMY}{@code <plural>} (repeatable), e.g. {@code blog.taxonomy.series}: terms of the site's own
 *       taxonomy every hit must carry, compared like tags.
 * </ul>
 *
 * Words are looked up in this core's own index (plural forms, typo correction): in a collection of several shards
 * each shard plans with its own terms. A form that does not occur in a shard matches nothing there, so only typo
 * correction can differ between shards, for a word some shards hold and others do not.
 */
final class BlogQParser extends QParser {

    static final String ALL = "blog.all";
    static final String TAG = "blog.tag";
    static final String CATEGORY = "blog.category";
    static final String FROM_DAY = "blog.fromDay";
    static final String TO_DAY = "blog.toDay";
    static final String LANG = "blog.lang";
    static final String TAXONOMY = "blog.taxonomy.";

    private final BlogQParserPlugin.Understanding understanding;

    BlogQParser(
            String qstr,
            SolrParams localParams,
            SolrParams params,
            SolrQueryRequest req,
            BlogQParserPlugin.Understanding understanding) {
        super(qstr, localParams, params, req);
        this.understanding = understanding;
    }

    @Override
    public Query parse() throws SyntaxError {
        UserQuery query = UserQuery.parse(qstr);
        try {
            QueryPlan plan =
                    understanding.planner().plan(query, req.getSearcher().getIndexReader());
            return understanding
                    .builder()
                    .build(plan, filters(), param(ALL, "false").equals("true"));
        } catch (IOException e) {
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "cannot read the index: " + e, e);
        }
    }

    private PostFilters filters() throws SyntaxError {
        return new PostFilters(
                values(TAG), values(CATEGORY), new DayRange(day(FROM_DAY), day(TO_DAY)), values(LANG), taxonomies());
    }

    private Map<String, List<String>> taxonomies() {
        Set<String> names = new TreeSet<>();
        for (SolrParams source : new SolrParams[] {localParams, params}) {
            if (source != null) {
                source.getParameterNamesIterator().forEachRemaining(name -> {
                    if (name.startsWith(TAXONOMY) && name.length() > TAXONOMY.length()) {
                        names.add(name);
                    }
                });
            }
        }
        Map<String, List<String>> taxonomies = new TreeMap<>();
        for (String name : names) {
            taxonomies.put(name.substring(TAXONOMY.length()), values(name));
        }
        return taxonomies;
    }

    /** A local parameter, else the request's. */
    private String param(String name, String otherwise) {
        String value = localParams == null ? null : localParams.get(name);
        if (value == null) {
            value = params == null ? null : params.get(name);
        }
        return value == null ? otherwise : value;
    }

    private List<String> values(String name) {
        String[] local = localParams == null ? null : localParams.getParams(name);
        String[] values = local != null ? local : params == null ? null : params.getParams(name);
        return values == null ? List.of() : List.of(values);
    }

    private Integer day(String name) throws SyntaxError {
        String value = param(name, null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new SyntaxError(name + " must be a day written yyyymmdd, not " + value);
        }
    }
}
