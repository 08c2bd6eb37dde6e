package dev.blogsearch.solr;

import dev.blogsearch.query.QueryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.solr.common.params.ShardParams;
import org.apache.solr.common.util.SimpleOrderedMap;
import org.apache.solr.handler.component.ResponseBuilder;
import org.apache.solr.handler.component.SearchComponent;

/**
 * Reports how {@code {!blogsearch}} read the query: the words it searched as another word of the blog (a word being
 * typed completed, a typo corrected), so a client can show them as the service does. In the response, once, by the
 * node that answers (not by each shard):
 *
 * <pre>
 * blogsearch: {rewrites: [{typed: "kub", searched: "kubernetes", kind: "completion"}]}
 * </pre>
 *
 * The plan is that node's: a shard plans with its own words, so for a word some shards hold and others do not, the
 * rewrites reported can differ from what another shard searched. Must run after the query component
 * ({@code last-components}).
 */
public final class PlanComponent extends SearchComponent {

    /** The response section. */
    public static final String SECTION = "blogsearch";

    @Override
    public void prepare(ResponseBuilder rb) {
        if (rb.req.getParams().getBool(ShardParams.IS_SHARD, false)) {
            return;
        }
        if (rb.req.getContext().get(BlogQParser.PLAN) instanceof QueryPlan plan) {
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
            rb.rsp.add(SECTION, section);
        }
    }

    @Override
    public void process(ResponseBuilder rb) {
        // Everything is reported in prepare, once the query is parsed.
    }

    @Override
    public String getDescription() {
        return "How {!blogsearch} read the query: its completions and corrections";
    }
}
