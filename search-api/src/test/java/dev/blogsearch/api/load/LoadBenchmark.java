package dev.blogsearch.api.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.config.BlogSearchConfig;
import dev.blogsearch.indexer.index.BlogIndexer;
import dev.blogsearch.indexer.index.IndexRunSummary;
import dev.blogsearch.indexer.testing.SharedCorpus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a unit test: its name keeps it out of {@code mvn verify}. It serves a copy of a corpus blog,
 * drives the API at full speed from several client threads with the eval queries plus tag listings, tag filters,
 * deep pages and date sorting, rebuilds the index over and over meanwhile, and prints throughput, latency
 * percentiles, errors and the heap retained after a full GC before and after. Run it with
 * <pre>
 * mvn -B -pl search-api -am verify -Dtest=LoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dload.seconds=150 -Dload.clients=8 -Dload.blog=ArthurChiao-arthurchiao.github.io
 * </pre>
 * It fails when any request fails or the retained heap grows by more than {@code load.maxHeapGrowthMb} (32).
 */
class LoadBenchmark {

    private static final Pattern TAG = Pattern.compile("\"tag\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void serveAtFullSpeedWhileReindexing() throws Exception {
        int seconds = Integer.getInteger("load.seconds", 60);
        int clients = Integer.getInteger("load.clients", 8);
        String blog = System.getProperty("load.blog", "ArthurChiao-arthurchiao.github.io");
        long maxGrowthMb = Long.getLong("load.maxHeapGrowthMb", 32);

        Path work = Files.createTempDirectory("blogsearch-load");
        Path content = copy(SharedCorpus.blog(blog), work.resolve("content"));
        Path index = work.resolve("index");
        List<String> queries = evalQueries();

        try (EmbeddedServer server = ApplicationContext.run(
                EmbeddedServer.class,
                Map.of(
                        "blogsearch.content-dir",
                        content.toString(),
                        "blogsearch.index-dir",
                        index.toString(),
                        "blogsearch.rate-limit.enabled",
                        "false",
                        "micronaut.server.port",
                        "-1"))) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String base = server.getURL().toString();
            List<String> tags = tags(http, base);
            List<String> mix = requestMix(queries, tags);
            System.out.printf(
                    Locale.ROOT,
                    "load: blog %s, %d eval queries, %d tags, %d clients, %d s%n",
                    blog,
                    queries.size(),
                    tags.size(),
                    clients,
                    seconds);

            // Warm up (JIT, caches, the first searchers), then measure the retained heap.
            drive(http, base, mix, clients, Math.min(15, Math.max(3, seconds / 10)), false);
            long heapBefore = retainedHeap();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger reindexes = new AtomicInteger();
            AtomicInteger reindexFailures = new AtomicInteger();
            BlogIndexer indexer = new BlogIndexer(
                    BlogSearchConfig.of(content, index).resolved().settings());
            Thread reindexer = new Thread(
                    () -> {
                        while (running.get()) {
                            try {
                                IndexRunSummary summary = indexer.rebuild(content, index);
                                reindexes.incrementAndGet();
                                if (summary.indexed() == 0) {
                                    reindexFailures.incrementAndGet();
                                }
                            } catch (IOException | RuntimeException e) {
                                reindexFailures.incrementAndGet();
                                e.printStackTrace();
                            }
                        }
                    },
                    "reindexer");
            reindexer.start();
            Result result = drive(http, base, mix, clients, seconds, true);
            running.set(false);
            reindexer.join();
            long heapAfter = retainedHeap();

            System.out.printf(
                    Locale.ROOT,
                    "load: %d requests in %d s = %.0f req/s; errors %d; reindexes %d" + " (failed %d)%n",
                    result.requests,
                    seconds,
                    result.requests / (double) seconds,
                    result.errors,
                    reindexes.get(),
                    reindexFailures.get());
            System.out.printf(
                    Locale.ROOT,
                    "load: latency ms p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                    result.percentile(50),
                    result.percentile(90),
                    result.percentile(99),
                    result.percentile(100));
            System.out.printf(
                    Locale.ROOT,
                    "load: heap after full GC: before %d MB, after %d MB%n",
                    heapBefore >> 20,
                    heapAfter >> 20);
            result.firstErrors.forEach(error -> System.out.println("load: error " + error));

            assertThat(result.errors).as("failed requests").isZero();
            assertThat(reindexFailures.get()).as("failed reindexes").isZero();
            assertThat((heapAfter - heapBefore) >> 20)
                    .as("retained heap growth, MB")
                    .isLessThan(maxGrowthMb);
        }
    }

    private record Result(long requests, long errors, long[] latencyMicros, List<String> firstErrors) {
        double percentile(int p) {
            if (latencyMicros.length == 0) {
                return 0;
            }
            int i = (int) Math.min(latencyMicros.length - 1, Math.ceil(p / 100.0 * latencyMicros.length) - 1);
            return latencyMicros[Math.max(0, i)] / 1000.0;
        }
    }

    private static Result drive(
            HttpClient http, String base, List<String> mix, int clients, int seconds, boolean measure)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            long[][] holder = {new long[1 << 16]};
            int[] count = {0};
            Thread thread = new Thread(
                    () -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < end) {
                            String path = mix.get(random.nextInt(mix.size()));
                            long started = System.nanoTime();
                            try {
                                HttpResponse<String> response = http.send(
                                        HttpRequest.newBuilder(URI.create(base + path))
                                                .timeout(Duration.ofSeconds(30))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                                if (response.statusCode() != 200) {
                                    errors.incrementAndGet();
                                    if (firstErrors.size() < 5) {
                                        firstErrors.add(response.statusCode() + " " + path + " " + response.body());
                                    }
                                }
                            } catch (IOException e) {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 5) {
                                    firstErrors.add(path + " " + e);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            long micros = (System.nanoTime() - started) / 1000;
                            requests.incrementAndGet();
                            if (count[0] == holder[0].length) {
                                holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
                            }
                            holder[0][count[0]++] = micros;
                        }
                        synchronized (perThread) {
                            perThread.add(Arrays.copyOf(holder[0], count[0]));
                        }
                    },
                    "client-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(requests.get(), errors.get(), measure ? all : new long[0], firstErrors);
    }

    /** What a blog's readers send: mostly searches from the search box, some tag pages, deeper pages, dates. */
    private static List<String> requestMix(List<String> queries, List<String> tags) {
        List<String> mix = new ArrayList<>();
        for (String query : queries) {
            String q = "/api/search?q=" + encode(query);
            mix.add(q);
            mix.add(q);
            mix.add(q + "&page=2");
            mix.add(q + "&sort=date&size=20");
        }
        for (String tag : tags.subList(0, Math.min(tags.size(), 40))) {
            mix.add("/api/search?tag=" + encode(tag));
            mix.add("/api/search?q=" + encode(queries.get(Math.floorMod(tag.hashCode(), queries.size()))) + "&tag="
                    + encode(tag));
        }
        for (int i = 0; i < 10; i++) {
            mix.add("/api/tags");
        }
        return List.copyOf(mix);
    }

    private static List<String> evalQueries() throws IOException {
        Path file = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && file == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("eval/queries.tsv"))) {
                file = dir.resolve("eval/queries.tsv");
            }
        }
        if (file == null) {
            throw new IOException(
                    "eval/queries.tsv not found above " + Path.of("").toAbsolutePath());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1)[3])
                .toList();
    }

    private static List<String> tags(HttpClient http, String base) throws IOException, InterruptedException {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/tags")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(body);
        while (matcher.find()) {
            tags.add(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return tags.isEmpty() ? List.of("none") : tags;
    }

    /** Heap in use after two full collections: what the service retains. */
    private static long retainedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(path)) {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
