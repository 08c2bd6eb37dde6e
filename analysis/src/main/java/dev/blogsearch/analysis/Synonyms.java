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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Groups of equivalent terms (k8s, kubernetes), applied when a query is built so that a post is found by either
 * form and no reindex is needed when the list changes. Read from our built-in list
 * ({@code blogsearch/synonyms.txt}) plus, optionally, the blog owner's file in the same format. Immutable and
 * thread-safe.
 *
 * <p>Lucene only, like the analyzers, so a Solr node can load the same groups.
 */
public final class Synonyms {

    private static final String BUILT_IN = "/blogsearch/synonyms.txt";
    /** Longest synonym in words, so a query is only scanned for phrases that could match. */
    public static final int MAX_WORDS = 4;

    private final Map<String, List<String>> groupsByTerm;

    private Synonyms(Map<String, List<String>> groupsByTerm) {
        this.groupsByTerm = groupsByTerm;
    }

    /** The built-in list only. */
    public static Synonyms builtIn() {
        return load(null);
    }

    /** The built-in list plus the owner's file, when one is given. */
    public static Synonyms load(Path ownerFile) {
        if (ownerFile == null) {
            return read(null);
        }
        try (Reader reader = Files.newBufferedReader(ownerFile, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read synonyms: " + e.getMessage(), e);
        }
    }

    /**
     * The built-in list plus the owner's groups from {@code owner} (the file format), when given; the caller closes
     * it. For a file that is not a plain file (a Solr configset's).
     */
    public static Synonyms read(Reader owner) {
        Map<String, Set<String>> groups = new HashMap<>();
        try (InputStream in = Synonyms.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), groups);
            if (owner != null) {
                read(owner, groups);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read synonyms: " + e.getMessage(), e);
        }
        Map<String, List<String>> frozen = new HashMap<>();
        groups.forEach((term, group) -> frozen.put(term, List.copyOf(group)));
        return new Synonyms(frozen);
    }

    private static void read(Reader source, Map<String, Set<String>> groups) throws IOException {
        BufferedReader lines = new BufferedReader(source);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>();
            for (String term : content.split(",")) {
                String key = key(term);
                if (!key.isEmpty()) {
                    group.add(key);
                }
            }
            // A term in two lines joins them: its group is the union.
            Set<String> merged = new LinkedHashSet<>(group);
            for (String term : group) {
                merged.addAll(groups.getOrDefault(term, Set.of()));
            }
            for (String term : merged) {
                groups.put(term, merged);
            }
        }
    }

    /** How terms are compared: {@link TextFolding#key}, as every label and query is. */
    private static String key(String text) {
        return TextFolding.key(text);
    }

    /** The other terms of the group of {@code term}, or an empty list. */
    public List<String> of(String term) {
        String key = key(term);
        List<String> group = groupsByTerm.get(key);
        if (group == null) {
            return List.of();
        }
        List<String> others = new ArrayList<>(group.size() - 1);
        for (String member : group) {
            if (!member.equals(key)) {
                others.add(member);
            }
        }
        return others;
    }

    public boolean contains(String term) {
        return groupsByTerm.containsKey(key(term));
    }

    /**
     * These groups less every group with a term (as {@link TextFolding#key} holds it) that {@code drop} accepts: what
     * an evaluation uses when a blog's judged queries must not have shaped the list it is measured with.
     */
    public Synonyms without(Predicate<String> drop) {
        Map<String, List<String>> kept = new HashMap<>();
        groupsByTerm.forEach((term, group) -> {
            if (group.stream().noneMatch(drop)) {
                kept.put(term, group);
            }
        });
        return new Synonyms(kept);
    }

    /** Every group once, each a list of terms as {@link TextFolding#key} holds them. */
    public List<List<String>> groups() {
        return groupsByTerm.values().stream().distinct().toList();
    }
}
