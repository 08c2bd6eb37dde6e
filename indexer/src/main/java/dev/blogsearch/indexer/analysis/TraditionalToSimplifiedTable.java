package dev.blogsearch.indexer.analysis;

import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * The table {@link TraditionalToSimplified} folds with: ICU's {@code Traditional-Simplified} transform asked once
 * per Han character of the BMP, kept where it changes the character into exactly one other.
 *
 * <p>Asking ICU takes about 300 ms in a fresh JVM (loading and compiling the transform's rules), which every start
 * of the service and every one-post reindex would pay. So the build asks it once ({@link #main}, run by Maven
 * after compiling) and ships the answer as {@value #RESOURCE}; a test checks the shipped table against ICU.
 * Without the resource (classes compiled outside Maven) the table is computed as the build would.
 */
public final class TraditionalToSimplifiedTable {

    /** Next to this class: one {@code traditional<TAB>simplified} line per character, in code point order. */
    static final String RESOURCE = "traditional-to-simplified.tsv";

    private TraditionalToSimplifiedTable() {
    }

    /** The shipped table, or ICU's answer when it is not there. */
    static TreeMap<Character, Character> load() {
        TreeMap<Character, Character> table = new TreeMap<>();
        for (String line : lines()) {
            if (line.length() != 3 || line.charAt(1) != '\t') {
                throw new IllegalStateException("malformed line in " + RESOURCE + ": " + line);
            }
            table.put(line.charAt(0), line.charAt(2));
        }
        return table;
    }

    /** SHA-256 of the table's lines, in hex. */
    static String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines()) {
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The table as {@code traditional<TAB>simplified} lines in code point order; read once, for the table and its
     * digest alike.
     */
    private static List<String> lines() {
        return Lines.ALL;
    }

    private static final class Lines {
        static final List<String> ALL = read();
    }

    /** The shipped lines, or ICU's when the resource is not there. */
    private static List<String> read() {
        try (InputStream in = TraditionalToSimplifiedTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return fromIcuLines();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fromIcuLines() {
        List<String> lines = new ArrayList<>();
        fromIcu().forEach((traditional, simplified) -> lines.add(traditional + "\t" + simplified));
        return lines;
    }

    /** What ICU's transform makes of each Han character of the BMP, where it changes it into one other. */
    static TreeMap<Character, Character> fromIcu() {
        Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
        TreeMap<Character, Character> table = new TreeMap<>();
        for (int cp = 0x3400; cp <= 0xFFFF; cp++) {
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
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

    /** Writes ICU's table to the file {@code args[0]}; the build puts it beside this class. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        Files.write(out, fromIcuLines(), StandardCharsets.UTF_8);
    }
}
