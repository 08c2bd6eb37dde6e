package dev.blogsearch.solr;

import dev.blogsearch.query.GatheredLexicon;
import dev.blogsearch.query.Lookup;
import dev.blogsearch.query.QueryPlan;
import dev.blogsearch.query.QueryPlanCodec;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.query.ReaderLexicon;
import dev.blogsearch.query.RelatedQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.util.NamedList;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.SearchComponent;
import org.apache.solr.handler.component.ShardRequest;
import org.apache.solr.handler.component.ShardResponse;

/**
 * Plans a {@code {!blogsearch}} query once for the whole collection and reports how it was read.
 *
 * <p><b>One plan for every shard.</b> Planning looks words up in the index: does the blog have the word, which of
 * its words start with the word being typed, which is closest to a misspelled one, which term does the blog gloss it
 * with. A shard alone would answer with its own posts' words, and the shards would search different queries. So the
 * node that answers a distributed request plans it before the query is sent: in rounds, it asks every shard the
 * questions planning has not had answered yet ({@value #LOOKUPS}, answered in the section {@value #ANSWERS}), adds
 * up their answers ({@link GatheredLexicon}), and plans again, until planning asks nothing new; then it sends every
 * shard the plan ({@value BlogQParser#GIVEN_PLAN}), which each searches as it is. A request that comes with a plan
 * is not planned again.
 *
 * <p><b>Related posts.</b> {@code {!blogrelated}} is made the same way: the post's characteristic words are chosen
 * with every shard's counts ({@link RelatedQuery}), and the query goes to every shard as text
 * ({@value RelatedQParserPlugin#GIVEN}).
 *
 * <p><b>The report.</b> In the response, once, by the node that answers (not by each shard): the words searched as
 * another word of the blog (a word being typed completed, a typo corrected), so a client can show them as the
 * service does, and the plan, which a client may pass back as {@value BlogQParser#GIVEN_PLAN} for another request
 * of the same query (another page, the complete matches):
 *
 * <pre>
 * blogsearch: {rewrites: [{typed: "kub", searched: "kubernetes", kind: "completion"}], plan: "..."}
 * </pre>
 *
 * Must run after the query component ({@code last-components}).
 */
public final class PlanComponent extends SearchComponent {

    /** The response section. */
    public static final String SECTION = "blogsearch";

    /** A shard request's questions, one {@link Lookup} each. */
    static final String LOOKUPS = "blog.lookups";
    /** A shard's answers to {@value #LOOKUPS}, in their order. */
    static final String ANSWERS = "blogLexicon";

    /** The request context's key of the collection's lexicon, while the query is planned. */
    private static final String GATHERED = "blogsearch.gathered";
    /**
     * Rounds of questions at most, a bound on a planner that would never be done. Each answer can raise the next
     * question (a word's completions, then those counted with the other words, then those written after the word
     * before, then their glosses and the words they join); how many rounds queries take is in docs/solrcloud.md.
     */
    private static final int MAX_ROUNDS = 16;

    @Override
    public void prepare(ResponseBuilder rb) {
        if (rb.req.getParams().getBool(ShardParams.IS_SHARD, false)) {
            return;
        }
        boolean planned = rb.getQparser() instanceof BlogQParser parser && parser.planGiven();
        // A distributed request is reported once it is planned for the collection (distributedProcess).
        if ((planned || !rb.isDistributed()) && rb.req.getContext().get(BlogQParser.PLAN) instanceof QueryPlan plan) {
            report(rb, plan);
        }
    }

    @Override
    public void process(ResponseBuilder rb) throws IOException {
        String[] lookups = rb.req.getParams().getParams(LOOKUPS);
        if (lookups == null || !rb.req.getParams().getBool(ShardParams.IS_SHARD, false)) {
            return;
        }
        IndexReader reader = rb.req.getSearcher().getIndexReader();
        QueryPlanner planner =
                BlogQParserPlugin.of(rb.req).understanding(rb.req).planner();
        ReaderLexicon lexicon = new ReaderLexicon(reader, () -> planner.glosses(reader));
        List<String> answers = new ArrayList<>(lookups.length);
        for (String lookup : lookups) {
            try {
                answers.add(Lookup.decode(lookup).answer(lexicon));
            } catch (IllegalArgumentException e) {
                throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, LOOKUPS + ": " + e.getMessage(), e);
            }
        }
        rb.rsp.add(ANSWERS, answers);
    }

    @Override
    public int distributedProcess(ResponseBuilder rb) throws IOException {
        if (rb.stage >= ResponseBuilder.STAGE_PARSE_QUERY) {
            return ResponseBuilder.STAGE_DONE;
        }
        if (rb.getQparser() instanceof BlogQParser parser && !parser.planGiven()) {
            GatheredLexicon lexicon = newRound(rb);
            QueryPlan plan = parser.plan(lexicon);
            if (!lexicon.missing().isEmpty()) {
                return ask(rb, lexicon.missing(), BlogQParserPlugin.NAME);
            }
            send(rb, BlogQParser.GIVEN_PLAN, QueryPlanCodec.encode(plan));
            rb.req.getContext().put(BlogQParser.PLAN, plan);
            report(rb, plan);
        } else if (rb.getQparser() instanceof RelatedQParserPlugin.Parser parser && !parser.given()) {
            GatheredLexicon lexicon = newRound(rb);
            Query query = parser.build(lexicon);
            if (!lexicon.missing().isEmpty()) {
                return ask(rb, lexicon.missing(), RelatedQParserPlugin.NAME);
            }
            send(rb, RelatedQParserPlugin.GIVEN, RelatedQuery.encode(query));
        }
        return ResponseBuilder.STAGE_DONE;
    }

    /** The collection's lexicon of this request, its last round's missing questions forgotten. */
    private static GatheredLexicon newRound(ResponseBuilder rb) {
        GatheredLexicon lexicon = (GatheredLexicon) rb.req.getContext().get(GATHERED);
        if (lexicon == null) {
            lexicon = new GatheredLexicon(rb.shards.length);
            rb.req.getContext().put(GATHERED, lexicon);
        }
        lexicon.newRound();
        return lexicon;
    }

    /** Sends every shard what was made for the collection, in the request's parameter {@code name}. */
    private static void send(ResponseBuilder rb, String name, String made) {
        ModifiableSolrParams params = new ModifiableSolrParams(rb.req.getParams());
        params.set(name, made);
        rb.req.setParams(params);
    }

    /** One round of questions to every shard; the next stage plans again with their answers. */
    private int ask(ResponseBuilder rb, List<Lookup> missing, String parser) {
        int round = rb.stage - ResponseBuilder.STAGE_START + 1;
        if (round > MAX_ROUNDS) {
            throw new SolrException(
                    SolrException.ErrorCode.SERVER_ERROR,
                    "{!" + parser + "} asked the shards " + MAX_ROUNDS
                            + " rounds of questions and still misses answers, such as " + missing.get(0));
        }
        ShardRequest request = new ShardRequest();
        request.purpose = ShardRequest.PURPOSE_PRIVATE;
        request.shards = rb.shards;
        request.params = new ModifiableSolrParams();
        request.params.set(CommonParams.Q, "*:*");
        request.params.set("defType", "lucene");
        request.params.set(CommonParams.ROWS, 0);
        for (Lookup lookup : missing) {
            request.params.add(LOOKUPS, lookup.encode());
        }
        rb.addRequest(this, request);
        return rb.stage + 1;
    }

    @Override
    public void handleResponses(ResponseBuilder rb, ShardRequest request) {
        String[] lookups = request.params == null ? null : request.params.getParams(LOOKUPS);
        if (lookups == null || !(rb.req.getContext().get(GATHERED) instanceof GatheredLexicon lexicon)) {
            return;
        }
        List<ShardResponse> responses = new ArrayList<>(request.responses);
        // Shards in the order of their names, so the blog's glosses come in the same order on every request.
        responses.sort(Comparator.comparing(ShardResponse::getShard));
        List<List<?>> answers = new ArrayList<>();
        for (ShardResponse response : responses) {
            if (response.getException() != null) {
                throw new SolrException(
                        SolrException.ErrorCode.SERVER_ERROR,
                        "shard " + response.getShard() + " could not answer the plan's questions: "
                                + response.getException(),
                        response.getException());
            }
            NamedList<Object> body = response.getSolrResponse().getResponse();
            if (!(body.get(ANSWERS) instanceof List<?> list) || list.size() != lookups.length) {
                throw new SolrException(
                        SolrException.ErrorCode.SERVER_ERROR,
                        "shard " + response.getShard() + " did not answer the plan's questions: is the blogsearch"
                                + " plugin's " + getClass().getSimpleName() + " in its /select handler?");
            }
            answers.add(list);
        }
        for (int i = 0; i < lookups.length; i++) {
            List<String> shardAnswers = new ArrayList<>(answers.size());
            for (List<?> shard : answers) {
                shardAnswers.add(String.valueOf(shard.get(i)));
            }
            lexicon.add(Lookup.decode(lookups[i]), shardAnswers);
        }
    }

    private static void report(ResponseBuilder rb, QueryPlan plan) {
        List<SimpleOrderedMap<Object>> rewrites = new ArrayList<>();
        for (QueryPlan.Rewrite rewrite : plan.rewrites()) {
            SimpleOrderedMap<Object> entry = new SimpleOrderedMap<>();
            entry.add("typed", rewrite.typed());
            entry.add("searched", rewrite.searched());
            entry.add("kind", rewrite.kind().name().toLowerCase(Locale.ROOT));
            rewrites.add(entry);
        }
        SimpleOrderedMap<Object> section = new SimpleOrderedMap<>();
        section.add("rewrites", rewrites);
        section.add("plan", QueryPlanCodec.encode(plan));
        rb.rsp.add(SECTION, section);
    }

    @Override
    public String getDescription() {
        return "Plans {!blogsearch} once for the collection; reports its completions and corrections";
    }
}
