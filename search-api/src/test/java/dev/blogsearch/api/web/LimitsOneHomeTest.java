package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchLimits} is the one home of the request limits: the controllers' OpenAPI annotations and parameter
 * descriptions name its constants rather than repeat their numbers, which drifted from the checks before (a limit
 * changed in one place and the document kept the old one).
 */
class LimitsOneHomeTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /**
     * What is not a limit: status codes ({@code responseCode = "200"} is not the query's length) and comments
     * (the Javadoc of an endpoint speaks of "200 and the summary").
     */
    private static final Pattern NOT_LIMITS =
            Pattern.compile("responseCode\\s*=\\s*\"\\d+\"|/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** The limits worth looking for: 0 and 1 are every range's start, not a limit. */
    static Map<String, Integer> limits() throws IllegalAccessException {
        Map<String, Integer> limits = new TreeMap<>();
        for (Field field : SearchLimits.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                field.setAccessible(true);
                int value = field.getInt(null);
                if (value > 1) {
                    limits.put(field.getName(), value);
                }
            }
        }
        return limits;
    }

    @Test
    void noControllerWritesALimitsNumber() throws Exception {
        Map<String, Integer> limits = limits();
        assertThat(limits).containsKeys("MAX_QUERY_LENGTH", "MAX_PAGE", "MAX_SIZE", "MAX_FACET_LABELS");
        List<Path> controllers;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            controllers = files.filter(file -> file.getFileName().toString().endsWith("Controller.java"))
                    .sorted()
                    .toList();
        }
        assertThat(controllers).hasSizeGreaterThan(5);
        for (Path controller : controllers) {
            String source = NOT_LIMITS.matcher(read(controller)).replaceAll("");
            limits.forEach((name, value) -> assertThat(source)
                    .as("%s writes %d, SearchLimits.%s: name the constant", controller.getFileName(), value, name)
                    .doesNotContainPattern("(?<![\\w.-])" + value + "(?![\\w])"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
