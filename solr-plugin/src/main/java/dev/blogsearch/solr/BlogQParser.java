package dev.blogsearch.solr;

import dev.blogsearch.query.DayRange;
import dev.blogsearch.query.Lexicon;
import dev.blogsearch.query.PlanOptions;
import dev.blogsearch.query.PostFilters;
import dev.blogsearch.query.QueryPlan;
import dev.blogsearch.query.QueryPlanCodec;
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
 *   <li>{@value #ALL}: {@code true} when every word must match; otherwise any may (a client ranks the complete
 *       matches first with a second request, as the service runs a second query).
 *   <li>{@value #TAG}, {@value #CATEGORY} (repeatable): labels every hit must carry, compared by their key.
 *   <li>{@value #FROM_DAY}, {@value #TO_DAY}: publication days as yyyymmdd numbers, inclusive.
 *   <li>{@value #TYPING}: {@code true} while the reader types: the last word also matches the words that start with
 *       it ({@link PlanOptions#typing()}).
 *   <li>{@value #VERBATIM}: {@code true} to search the words as typed: no completion, no typo correction.
 *   <li>{@value #GIVEN_PLAN}: the plan to search, made for the whole collection; without it, the query is planned
 *       with this core's own words.
 *   <li>{@value #LANG} (repeatable): language codes a hit must have one of.
 *   <li>{@value #TAXONOMY}{@code <plural>} (repeatable), e.g. {@code blog.taxonomy.series}: terms of the site's own
 *       taxonomy every hit must carry, compared like tags.
 * </ul>
 *
 * The plan is left in the request's context under {@value #PLAN}, for {@link PlanComponent} to report its rewrites.
 *
 * In a collection of several shards, {@link PlanComponent} plans the query once with the words of every shard and
 * sends each the same plan ({@value #GIVEN_PLAN}): a shard that planned alone would complete, correct and gloss the
 * words with its own posts' words, and the shards would search different queries.
 */
final class BlogQParser extends QParser {

    static final String ALL = "blog.all";
    static final String TAG = "blog.tag";
    static final String CATEGORY = "blog.category";
    static final String FROM_DAY = "blog.fromDay";
    static final String TO_DAY = "blog.toDay";
    static final String TYPING = "blog.typing";
    static final String VERBATIM = "blog.verbatim";
    /**
     * A plan made for the whole collection ({@link QueryPlanCodec}): searched as it is, not planned again with this
     * shard's words. The aggregating node sets it ({@link PlanComponent}); a client may pass back the one reported.
     */
    static final String GIVEN_PLAN = "blog.plan";
    /** The request context's key of the {@link QueryPlan}. */
    static final String PLAN = "blogsearch.plan";

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
        try {
            String given = param(GIVEN_PLAN, null);
            QueryPlan plan;
            if (given != null) {
                try {
                    plan = QueryPlanCodec.decode(given);
                } catch (IllegalArgumentException e) {
                    throw new SyntaxError(GIVEN_PLAN + " is not a plan: " + e.getMessage(), e);
                }
            } else {
                plan = understanding
                        .planner()
                        .plan(UserQuery.parse(qstr), req.getSearcher().getIndexReader(), options());
            }
            req.getContext().put(PLAN, plan);
            return understanding
                    .builder()
                    .build(plan, filters(), param(ALL, "false").equals("true"));
        } catch (IOException e) {
            throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "cannot read the index: " + e, e);
        }
    }

    /** Whether a plan made for the whole collection came with the request. */
    boolean planGiven() {
        return param(GIVEN_PLAN, null) != null;
    }

    /** The query planned with the words of {@code lexicon}: every shard's, for the whole collection. */
    QueryPlan plan(Lexicon lexicon) throws IOException {
        return understanding.planner().plan(UserQuery.parse(qstr), lexicon, options());
    }

    private PlanOptions options() {
        return new PlanOptions(
                param(TYPING, "false").equals("true"), param(VERBATIM, "false").equals("true"));
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
