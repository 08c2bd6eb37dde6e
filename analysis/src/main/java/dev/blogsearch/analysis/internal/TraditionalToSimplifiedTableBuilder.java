package dev.blogsearch.analysis.internal;

import com.ibm.icu.text.Transliterator;
import dev.blogsearch.analysis.HanText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Build time only: asks ICU's {@code Traditional-Simplified} transform about every Han character of the BMP and
 * writes the answer as the table {@link TraditionalToSimplifiedTable} ships. Maven runs {@link #main} after
 * compiling; ICU4J is a {@code provided} dependency, on the build's and the tests' class path but not in the
 * runnable jars, so nothing that runs in the service or the indexer may use this class.
 */
public final class TraditionalToSimplifiedTableBuilder {

    private TraditionalToSimplifiedTableBuilder() {}

    /** What ICU's transform makes of each Han character of the BMP, where it changes it into one other. */
    public static TreeMap<Character, Character> fromIcu() {
        Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
        TreeMap<Character, Character> table = new TreeMap<>();
        for (int cp = 0x3400; cp <= 0xFFFF; cp++) {
            if (!HanText.isHan(cp)) {
                continue;
            }
            String original = String.valueOf((char) cp);
            String simplified = transform.transliterate(original);
            // Keep only one-to-one changes: a longer output would shift the characters smartcn and the bigrams see.
            if (!simplified.equals(original) && simplified.length() == 1) {
                table.put((char) cp, simplified.charAt(0));
            }
        }
        return table;
    }

    /** Writes ICU's table to the file {@code args[0]}; the build puts it beside the class that reads it. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<String> lines = new ArrayList<>();
        fromIcu().forEach((traditional, simplified) -> lines.add(traditional + "\t" + simplified));
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
    }
}
