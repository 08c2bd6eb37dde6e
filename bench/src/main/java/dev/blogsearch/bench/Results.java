package dev.blogsearch.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The figures of one benchmark run, appended as {@code key=value} lines to one file that every step of
 * {@code bench/run} writes to and {@link Report} turns into the table. Also echoed to standard output.
 */
final class Results {

    private final Path file;

    Results(Path file) {
        this.file = file;
    }

    void put(String key, long value) throws IOException {
        put(key, Long.toString(value));
    }

    void put(String key, double value) throws IOException {
        put(key, String.format(Locale.ROOT, "%.3f", value));
    }

    void put(String key, String value) throws IOException {
        System.out.println(key + "=" + value);
        if (file == null) {
            return;
        }
        try (Writer out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(key + "=" + value + "\n");
        }
    }
}
