package dev.blogsearch.bench;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.query.PostQueryBuilder;
import dev.blogsearch.query.QueryPlan;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.query.UserQuery;
import dev.blogsearch.schema.PostAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Planning and building the Lucene queries of the whole query mix (parse, smartcn, synonyms, typo look-ups in the
 * index, the two boolean queries SearchService runs). In the service's package because the planner and builder
 * are package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBuildingBenchmark {

    /** The service's analyzer with its default settings. */
    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    private final QueryPlanner planner = new QueryPlanner(Synonyms.builtIn(), ANALYZER);
    private final PostQueryBuilder builder = new PostQueryBuilder(ANALYZER);
    private Path indexDir;
    private DirectoryReader reader;
    private List<String> queries;

    @Setup
    public void open() throws IOException {
        indexDir = JmhFixture.index();
        reader = DirectoryReader.open(FSDirectory.open(indexDir));
        queries = JmhFixture.queries();
    }

    @TearDown
    public void close() throws IOException {
        reader.close();
        JmhFixture.delete(indexDir);
    }

    @Benchmark
    public int planAndBuildMix() throws IOException {
        int clauses = 0;
        for (String text : queries) {
            QueryPlan plan = planner.plan(UserQuery.parse(text), reader);
            Query all = builder.build(plan, request(text).filters(), true);
            Query any = builder.build(plan, request(text).filters(), false);
            clauses += all.hashCode() + any.hashCode();
        }
        return clauses;
    }

    private static SearchRequest request(String text) {
        return new SearchRequest(text, List.of(), 1, 10, SearchRequest.Order.RELEVANCE);
    }
}
