package dev.blogsearch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Chinese words to keep whole that smartcn cuts into pieces (集群, 高可用, 云原生). Our tech glossary
 * ({@code blogsearch/tech-dictionary.txt}) plus, optionally, the blog owner's file in the same format: one word a
 * line; {@code #} starts a comment line or, after a space, a note beside a word. smartcn's own dictionary cannot
 * be extended (its {@code analysis.data.dir} setting is ignored in 9.12), so {@code SmartcnWordFilter} joins the
 * pieces smartcn makes back into these words.
 *
 * <p>Immutable and thread-safe.
 */
public final class UserDictionary {

    private static final String GLOSSARY = "/blogsearch/tech-dictionary.txt";
    /**
     * The name under which an analysis chain reads the owner's words ({@link AnalysisChain#build(UserDictionary)};
     * in Solr, the file of the collection's configset).
     */
    public static final String RESOURCE = "dictionary.txt";
    /** Longest word, in characters: bounds how many pieces the filter tries to join. */
    public static final int MAX_WORD_LENGTH = 12;

    private final Set<String> words;
    private final String fingerprint;

    private UserDictionary(Set<String> words) {
        this.words = Set.copyOf(words);
        this.fingerprint = digest(new TreeSet<>(words));
    }

    /** Exactly these words, without the glossary. */
    public static UserDictionary of(Set<String> words) {
        return new UserDictionary(words);
    }

    /** The glossary only. */
    public static UserDictionary glossary() {
        return load(List.of());
    }

    /** The glossary plus the given files. */
    public static UserDictionary load(List<Path> files) {
        Set<String> words = glossaryWords();
        try {
            for (Path file : files) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    read(reader, words);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dictionary: " + e.getMessage(), e);
        }
        return new UserDictionary(words);
    }

    /**
     * Exactly the words of {@code sources}, in the file format (the glossary only if they hold it); the caller
     * closes them. For word files that are not plain files: a Solr configset's {@link #RESOURCE}, which holds the
     * glossary and the owner's words.
     */
    public static UserDictionary read(List<Reader> sources) throws IOException {
        Set<String> words = new HashSet<>();
        for (Reader source : sources) {
            read(source, words);
        }
        return new UserDictionary(words);
    }

    private static Set<String> glossaryWords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = UserDictionary.class.getResourceAsStream(GLOSSARY)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + GLOSSARY);
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dictionary: " + e.getMessage(), e);
        }
        return words;
    }

    private static void read(Reader source, Set<String> words) throws IOException {
        BufferedReader lines = new BufferedReader(source);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            // "word  # why" keeps a note beside a word, as blog-indexer --suggest-words writes it.
            int note = line.indexOf(" #");
            String word = (note >= 0 ? line.substring(0, note) : line).strip();
            int length = word.codePointCount(0, word.length());
            if (!word.isEmpty() && !word.startsWith("#") && length >= 2 && length <= MAX_WORD_LENGTH) {
                words.add(word);
            }
        }
    }

    public boolean contains(String word) {
        return words.contains(word);
    }

    /**
     * These words less those {@code drop} accepts: what an evaluation uses when a blog's judged queries must not have
     * shaped the dictionary it is measured with.
     */
    public UserDictionary without(Predicate<String> drop) {
        Set<String> kept = new HashSet<>(words);
        kept.removeIf(drop);
        return new UserDictionary(kept);
    }

    public int size() {
        return words.size();
    }

    /** Every word, in the file format (one a line, sorted): what a file holding this dictionary would say. */
    public String toFileText() {
        return String.join("\n", new TreeSet<>(words)) + "\n";
    }

    /** Changes whenever a word is added or removed: an index built with another dictionary must be rebuilt. */
    public String fingerprint() {
        return fingerprint;
    }

    private static String digest(Set<String> sorted) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String word : sorted) {
                sha.update(word.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
