package dev.blogsearch.bench;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.api.search.SearchRequest;
import dev.blogsearch.highlight.ExcerptBuilder;
import dev.blogsearch.query.PostQueryBuilder;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.query.UserQuery;
import dev.blogsearch.schema.PostAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
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
 * Titles and excerpts of the top 10 hits of every query of the mix, with the query SearchService highlights
 * with; the search itself is done once in the set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HighlightBenchmark {

    /** The service's analyzer with its default settings. */
    private static final PostAnalyzer ANALYZER = PostAnalyzer.withGlossary();

    private final ExcerptBuilder excerpts = new ExcerptBuilder(ANALYZER);
    private Path indexDir;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private final List<Query> queries = new ArrayList<>();
    private final List<int[]> topDocs = new ArrayList<>();

    @Setup
    public void open() throws IOException {
        indexDir = JmhFixture.index();
        reader = DirectoryReader.open(FSDirectory.open(indexDir));
        searcher = new IndexSearcher(reader);
        QueryPlanner planner = new QueryPlanner(Synonyms.builtIn(), ANALYZER);
        PostQueryBuilder builder = new PostQueryBuilder(ANALYZER);
        for (String text : JmhFixture.queries()) {
            Query any = builder.build(
                    planner.plan(UserQuery.parse(text), reader), request(text).filters(), false);
            int[] docs = Arrays.stream(searcher.search(any, 10).scoreDocs)
                    .mapToInt(hit -> hit.doc)
                    .toArray();
            if (docs.length > 0) {
                queries.add(any);
                topDocs.add(docs);
            }
        }
    }

    @TearDown
    public void close() throws IOException {
        reader.close();
        JmhFixture.delete(indexDir);
    }

    @Benchmark
    public int highlightTop10OfMix() throws IOException {
        int length = 0;
        for (int i = 0; i < queries.size(); i++) {
            for (ExcerptBuilder.Highlight highlight : excerpts.highlight(searcher, queries.get(i), topDocs.get(i))) {
                length += highlight.excerptHtml().length();
            }
        }
        return length;
    }

    private static SearchRequest request(String text) {
        return new SearchRequest(text, List.of(), 1, 10, SearchRequest.Order.RELEVANCE);
    }
}
