package dev.blogsearch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules this module owns are written once in the whole repository: other modules call them rather than write
 * them again, so the indexer, the query, the service and the benchmarks cannot drift apart (issue 17). Reads the
 * sources of every module as text.
 */
class OneHomeTest {

    private static final Path REPOSITORY = Path.of("..");

    @Test
    void whetherACharacterIsChineseIsAskedOfHanText() throws IOException {
        assertThat(lines(Pattern.compile("UnicodeScript\\.HAN\\b"), "HanText.java"))
                .as("Han characters tested by hand: call HanText.isHan")
                .isEmpty();
    }

    @Test
    void textIsFoldedAndLowerCasedByTextFolding() throws IOException {
        assertThat(lines(Pattern.compile("TextFolding\\.fold\\([^;]*\\)\\.toLowerCase\\("), "TextFolding.java"))
                .as("folding then lower-casing written by hand: call TextFolding.key or lowerFold")
                .isEmpty();
    }

    @Test
    void languageCodesAreWrittenByLanguageCodes() throws IOException {
        assertThat(lines(Pattern.compile("(?i)\\b(lang\\w*|code)\\b[^;\\n]*\\.toLowerCase\\("), "LanguageCodes.java"))
                .as("language codes lower-cased by hand: call LanguageCodes.of")
                .isEmpty();
    }

    @Test
    void theFieldsAHitShowsAreListedByPostFields() throws IOException {
        assertThat(lines(
                        Pattern.compile(
                                "PostFields\\.HEADING_ANCHORS,\\s*PostFields\\.LANG,\\s*PostFields\\.TRANSLATION_KEY"),
                        "PostFields.java"))
                .as("the stored fields of a hit listed again: use PostFields.HIT_FIELDS")
                .isEmpty();
    }

    /**
     * Where the main sources of every module, but the file {@code home}, match {@code written} (a match may span
     * lines): file and line.
     */
    private static List<String> lines(Pattern written, String home) throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/java/"))
                    .filter(file -> !file.toString().contains("/node_modules/"))
                    .filter(file -> !file.getFileName().toString().equals(home))
                    .sorted()
                    .toList();
        }
        assertThat(sources).as("the modules' sources").hasSizeGreaterThan(100);
        for (Path source : sources) {
            String text = read(source);
            Matcher match = written.matcher(text);
            while (match.find()) {
                int line = 1
                        + (int) text.substring(0, match.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
                found.add(REPOSITORY.relativize(source) + ":" + line + ": "
                        + match.group().strip());
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
