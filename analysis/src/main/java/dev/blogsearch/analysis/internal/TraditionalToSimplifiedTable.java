package dev.blogsearch.analysis.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * The table {@link dev.blogsearch.analysis.TraditionalToSimplified} folds with: ICU's {@code Traditional-Simplified} transform asked once
 * per Han character of the BMP, kept where it changes the character into exactly one other.
 *
 * <p>Asking ICU takes about 300 ms in a fresh JVM (loading and compiling the transform's rules), which every start
 * of the service and every one-post reindex would pay, and ICU4J is 14 MB. So the build asks it once
 * ({@link TraditionalToSimplifiedTableBuilder}, run by Maven after compiling) and ships the answer as
 * {@value #RESOURCE}, which this class reads; a test checks the shipped table against ICU.
 */
public final class TraditionalToSimplifiedTable {

    /** Next to this class: one {@code traditional<TAB>simplified} line per character, in code point order. */
    public static final String RESOURCE = "traditional-to-simplified.tsv";

    private TraditionalToSimplifiedTable() {}

    /** The shipped table. */
    public static TreeMap<Character, Character> load() {
        TreeMap<Character, Character> table = new TreeMap<>();
        for (String line : Lines.ALL) {
            if (line.length() != 3 || line.charAt(1) != '\t') {
                throw new IllegalStateException("malformed line in " + RESOURCE + ": " + line);
            }
            table.put(line.charAt(0), line.charAt(2));
        }
        return table;
    }

    /** SHA-256 of the table's lines, in hex. */
    public static String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : Lines.ALL) {
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The table as {@code traditional<TAB>simplified} lines in code point order, read on first use, once for the
     * table and its digest alike.
     */
    private static final class Lines {
        static final List<String> ALL = read();
    }

    /** The shipped lines. */
    private static List<String> read() {
        try (InputStream in = TraditionalToSimplifiedTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing beside " + TraditionalToSimplifiedTable.class.getName()
                                + ": the Maven build writes it after compiling (mvn package)");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
