package dev.blogsearch.bench;

import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.schema.PostAnalyzer;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The analysis chain over every post body of the fixture blog: the words field and its bigram shadow apart. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnalysisBenchmark {

    @Param({PostFields.BODY, PostFields.BODY_CJK, PostFields.CODE})
    public String field;

    private List<String> texts;
    private final Analyzer analyzer = PostAnalyzer.withGlossary();

    @Setup
    public void load() throws IOException {
        List<Post> posts = JmhFixture.posts();
        texts = posts.stream()
                .map(post -> PostFields.CODE.equals(field)
                        ? post.text().code()
                        : post.text().body())
                .toList();
    }

    @Benchmark
    public long analyseAllBodies() throws IOException {
        long tokens = 0;
        for (String text : texts) {
            try (TokenStream stream = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    tokens += term.length();
                }
                stream.end();
            }
        }
        return tokens;
    }
}
