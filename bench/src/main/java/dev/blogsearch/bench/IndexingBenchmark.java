package dev.blogsearch.bench;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostReadException;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.indexer.index.PostDocuments;
import dev.blogsearch.query.QueryPlanner;
import dev.blogsearch.schema.PostAnalyzer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/**
 * Indexing throughput beside its limit, in one run over the same posts: the analysis chain alone
 * ({@link PostAnalyzer} over exactly the tokenized fields {@link PostDocuments} builds) and the whole
 * indexer ({@link BlogIndexer#rebuild}: list, read, parse Markdown, analyse, write, commit), each on every
 * thread count asked for. Both are expressed in MB of post text (UTF-8 bytes of title, headings, body, code, tags
 * and categories), so their ratio is the share of the analysis limit that indexing reaches.
 *
 * <p>Options: {@code --content DIR --index DIR [--threads 1,2] [--e2e true|false] [--results FILE]}. The index of the last run stays
 * in {@code --index} for the query benchmarks.
 */
public final class IndexingBenchmark {

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        Path content = args.path("content").toAbsolutePath().normalize();
        Path index = args.path("index");
        List<Integer> threadCounts = args.threads("threads", "1,2");
        Results results = new Results(args.pathOrNull("results"));

        IndexSettings single = settings(1);
        HugoPostReader reader = single.newReader();
        long readStarted = System.nanoTime();
        List<Path> files = reader.listPosts(content);
        List<Post> posts = new ArrayList<>(files.size());
        long fileBytes = 0;
        for (Path file : files) {
            fileBytes += Files.size(file);
            try {
                Post post = reader.read(content, file);
                if (!post.draft()) {
                    posts.add(post);
                }
            } catch (PostReadException e) {
                System.err.println("skipped " + file + ": " + e.getMessage());
            }
        }
        double readSeconds = seconds(readStarted);
        long textBytes = posts.stream().mapToLong(IndexingBenchmark::textBytes).sum();
        int postCount = posts.size();
        results.put("corpus.posts", postCount);
        results.put("corpus.file_mb", fileBytes / 1e6);
        results.put("corpus.text_mb", textBytes / 1e6);
        results.put("index.read_parse.t1.mbps", textBytes / 1e6 / readSeconds);

        // Warm the JIT and load the dictionaries before anything is timed.
        analyse(posts.subList(0, Math.min(posts.size(), 2_000)), 1);

        for (int threads : threadCounts) {
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            long tokens = analyse(posts, threads);
            double elapsed = seconds(started);
            results.put("index.analysis.t" + threads + ".cpu_s", (processCpuNanos() - cpuStarted) / 1e9);
            results.put("index.analysis.t" + threads + ".mbps", textBytes / 1e6 / elapsed);
            results.put("index.analysis.t" + threads + ".posts_per_s", posts.size() / elapsed);
            results.put("index.analysis.t" + threads + ".tokens", tokens);
        }
        // The indexer reads the posts itself; the analysis pass's copies would only burden its garbage collector.
        posts.clear();
        // --e2e false measures the analysis alone, for comparing two versions of the analysis chain quickly.
        List<Integer> indexThreadCounts = Boolean.parseBoolean(args.string("e2e", "true")) ? threadCounts : List.of();
        if (!indexThreadCounts.isEmpty()) {
            warmUpIndexing(content, files.subList(0, Math.min(files.size(), 2_000)));
        }
        for (int threads : indexThreadCounts) {
            System.gc();
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            IndexRunSummary summary = indexer(settings(threads)).rebuild(content, index);
            double elapsed = seconds(started);
            // CPU seconds (all threads, with the JIT and GC) compare two versions of the code on a shared machine.
            results.put("index.e2e.t" + threads + ".cpu_s", (processCpuNanos() - cpuStarted) / 1e9);
            results.put("index.e2e.t" + threads + ".mbps", textBytes / 1e6 / elapsed);
            results.put("index.e2e.t" + threads + ".file_mbps", fileBytes / 1e6 / elapsed);
            results.put("index.e2e.t" + threads + ".posts_per_s", summary.indexed() / elapsed);
            results.put("index.e2e.t" + threads + ".seconds", elapsed);
            if (!summary.failures().isEmpty()) {
                results.put(
                        "index.e2e.t" + threads + ".failures",
                        summary.failures().size());
            }
        }
        if (indexThreadCounts.isEmpty()) {
            return;
        }
        long indexBytes;
        try (Stream<Path> walk = Files.walk(index)) {
            indexBytes = walk.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
        results.put("index.size_mb", indexBytes / 1e6);
        results.put("index.size_per_text_mb", (double) indexBytes / textBytes);
    }

    /**
     * Indexes a copy of the first posts once, untimed, as the analysis pass is warmed up: without it the timed
     * rebuild pays for compiling Lucene's indexing code (at 10k posts the JIT threads used about as much CPU as
     * the analysis threads), which the analysis figure does not.
     */
    private static void warmUpIndexing(Path content, List<Path> files) throws IOException {
        Path work = Files.createTempDirectory("blogsearch-bench-warmup");
        try {
            Path copy = work.resolve("content");
            for (Path file : files) {
                Path target = copy.resolve(content.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
            indexer(settings(2)).rebuild(copy, work.resolve("index"));
        } finally {
            CorpusGenerator.deleteTree(work);
        }
    }

    /** An indexer as the service and blog-indexer make it: recording each post's glosses. */
    private static BlogIndexer indexer(IndexSettings settings) {
        PostAnalyzer analyzer = settings.analyzer();
        return new BlogIndexer(settings, analyzer, new QueryPlanner(Synonyms.builtIn(), analyzer)::recordGlosses);
    }

    /** The service's default settings, so the service finds the index current and does not rebuild it. */
    private static IndexSettings settings(int threads) {
        IndexSettings service = BlogSearchConfig.of(Path.of("content"), Path.of("index"))
                .resolved()
                .settings();
        return new IndexSettings(
                service.includeDrafts(),
                service.permalinks(),
                service.defaultZone(),
                threads,
                service.followSymlinks(),
                service.dictionaries());
    }

    /** Runs every tokenized field of every post's document through the analyzer; returns the token count. */
    static long analyse(List<Post> posts, int threads) throws Exception {
        Analyzer analyzer = settings(threads).analyzer();
        AtomicInteger next = new AtomicInteger();
        AtomicLong tokens = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(pool.submit(() -> {
                    long count = 0;
                    for (int i = next.getAndIncrement(); i < posts.size(); i = next.getAndIncrement()) {
                        count += analyse(analyzer, PostDocuments.toDocument(posts.get(i), ""));
                    }
                    tokens.addAndGet(count);
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdown();
        }
        return tokens.get();
    }

    private static long analyse(Analyzer analyzer, Document doc) throws IOException {
        long count = 0;
        for (IndexableField field : doc.getFields()) {
            if (!field.fieldType().tokenized() || field.stringValue() == null) {
                continue;
            }
            try (TokenStream stream = analyzer.tokenStream(field.name(), field.stringValue())) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    count += term.length() > 0 ? 1 : 0;
                }
                stream.end();
            }
        }
        return count;
    }

    /** The text a post contributes to the index, in UTF-8 bytes; each field counted once. */
    static long textBytes(Post post) {
        long bytes = utf8(post.title())
                + utf8(post.text().headingsText())
                + utf8(post.text().body())
                + utf8(post.text().code());
        for (String tag : post.tags()) {
            bytes += utf8(tag);
        }
        for (String category : post.categories()) {
            bytes += utf8(category);
        }
        return bytes;
    }

    private static long utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
