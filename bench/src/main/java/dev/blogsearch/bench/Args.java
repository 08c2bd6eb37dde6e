package dev.blogsearch.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options of the benchmark programs. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    String string(String name, String absent) {
        return values.getOrDefault(name, absent);
    }

    Path path(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return Path.of(value);
    }

    Path pathOrNull(String name) {
        String value = values.get(name);
        return value == null ? null : Path.of(value);
    }

    int integer(String name, int absent) {
        String value = values.get(name);
        return value == null ? absent : Integer.parseInt(value);
    }

    /** A comma-separated list of thread counts, such as {@code 1,2}. */
    List<Integer> threads(String name, String absent) {
        return Arrays.stream(string(name, absent).split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
    }
}
