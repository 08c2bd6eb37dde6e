package dev.blogsearch.solr;

import dev.blogsearch.query.Lexicon;
import dev.blogsearch.query.RelatedQuery;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;

/**
 * {@code {!blogrelated}}: the posts most like a given one, by the service's own related-posts query
 * ({@link RelatedQuery}). The post may live on another shard, so the request carries it: its id as the query string
 * and its stored text as {@value #POST}{@code <field>} parameters (one value each, repeatable) for each of
 * {@link RelatedQuery#POST_FIELDS}.
 *
 * <p>The post's characteristic words are chosen by how many posts use each, which a shard alone would count in its
 * own posts only: every shard would search other words, and the list would differ from the embedded index's. So, as
 * for {@code {!blogsearch}}, the node that answers a distributed request makes the query once with the counts of
 * every shard ({@link PlanComponent}) and sends it to the shards ({@value #GIVEN}), which search it as it is.
 *
 * <p>Configured in {@code solrconfig.xml} as {@code <queryParser name="blogrelated" class="..."/>}. Thread-safe.
 */
public final class RelatedQParserPlugin extends QParserPlugin {

    /** The name the parser is registered under in our configset. */
    public static final String NAME = "blogrelated";

    /** The prefix of the parameters that carry the post's stored values, by field ({@code blog.post.title}). */
    public static final String POST = "blog.post.";

    /** The query made for the whole collection ({@link RelatedQuery#encode}), searched as it is. */
    static final String GIVEN = "blog.related";

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new Parser(qstr, localParams, params, req);
    }

    /** Parses one {@code {!blogrelated}} request on one core. */
    static final class Parser extends QParser {

        Parser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
            super(qstr, localParams, params, req);
        }

        @Override
        public Query parse() throws SyntaxError {
            String given = params.get(GIVEN);
            if (given != null) {
                try {
                    return RelatedQuery.decode(given);
                } catch (IllegalArgumentException e) {
                    throw new SyntaxError(GIVEN + " is not a related-posts query: " + e.getMessage(), e);
                }
            }
            try {
                return RelatedQuery.build(
                        req.getSearcher().getIndexReader(), req.getSchema().getIndexAnalyzer(), id(), post());
            } catch (IOException e) {
                throw new SolrException(SolrException.ErrorCode.SERVER_ERROR, "cannot read the index: " + e, e);
            }
        }

        /** Whether the query made for the whole collection came with the request. */
        boolean given() {
            return params.get(GIVEN) != null;
        }

        /** The query with the words chosen by {@code lexicon}'s counts: every shard's, for the whole collection. */
        Query build(Lexicon lexicon) throws IOException {
            return RelatedQuery.build(lexicon, req.getSchema().getIndexAnalyzer(), id(), post());
        }

        private String id() {
            String id = qstr == null ? "" : qstr.strip();
            if (id.isEmpty()) {
                throw new SolrException(
                        SolrException.ErrorCode.BAD_REQUEST, "{!" + NAME + "} needs the post's id as its query");
            }
            return id;
        }

        private Map<String, List<String>> post() {
            Map<String, List<String>> post = new LinkedHashMap<>();
            for (String field : RelatedQuery.POST_FIELDS) {
                String[] values = params.getParams(POST + field);
                post.put(field, values == null ? List.of() : List.of(values));
            }
            return post;
        }
    }
}
