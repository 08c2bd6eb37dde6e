package dev.blogsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * The lines of the no-repeat stream a measurement in process uses: {@code --stream FILE [--warmup N] [--from 20001]
 * [--count 3000]}, the stream's first {@code warmup} lines to warm the JIT up, then lines {@code from} to
 * {@code from + count - 1} (1-based) to measure, which the warm-up part of the file (its first 20,000) never holds.
 */
record NoRepeatLines(List<String> warmup, List<String> measured, int from) {

    static NoRepeatLines of(Args args, int defaultWarmup) throws IOException {
        List<String> stream = Files.readAllLines(args.path("stream"), StandardCharsets.UTF_8);
        int warmup = args.integer("warmup", defaultWarmup);
        int from = args.integer("from", 20_001);
        int count = args.integer("count", 3000);
        return new NoRepeatLines(
                stream.subList(0, Math.min(warmup, stream.size())),
                stream.subList(Math.min(from - 1, stream.size()), Math.min(stream.size(), from - 1 + count)),
                from);
    }
}
