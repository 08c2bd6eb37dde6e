package dev.blogsearch.indexer.index;

import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Permalinks;
import dev.blogsearch.indexer.content.ReaderOptions;
import dev.blogsearch.schema.PostAnalyzer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How a blog is indexed. Shared by the command line and the search API, so both build the same index.
 *
 * @param includeDrafts  index posts marked as drafts
 * @param permalinks     Hugo-style permalink patterns: {@code /posts/:slug/} sets the default,
 *                       {@code section=/:year/:slug/} one section's ({@link Permalinks#parse})
 * @param defaultZone    the time zone of front matter dates written without an offset
 * @param threads        posts read and analysed in parallel
 * @param followSymlinks read posts through symbolic links ({@link ReaderOptions#followSymlinks()})
 * @param dictionaries   the blog owner's dictionary files, added to the built-in glossary ({@link UserDictionary})
 */
public record IndexSettings(
        boolean includeDrafts,
        List<String> permalinks,
        ZoneId defaultZone,
        int threads,
        boolean followSymlinks,
        List<Path> dictionaries) {

    public IndexSettings {
        permalinks = List.copyOf(permalinks);
        threads = Math.max(1, threads);
        dictionaries = List.copyOf(dictionaries);
    }

    /** Settings that do not follow symbolic links, the safe default, with the glossary only. */
    public IndexSettings(boolean includeDrafts, List<String> permalinks, ZoneId defaultZone, int threads) {
        this(includeDrafts, permalinks, defaultZone, threads, false, List.of());
    }

    /** No drafts, {@code /posts/:slug/}, UTC, one thread per core, the glossary only. */
    public static IndexSettings defaults() {
        return new IndexSettings(
                false, List.of(), ZoneOffset.UTC, Runtime.getRuntime().availableProcessors());
    }

    public HugoPostReader newReader() {
        return new HugoPostReader(ReaderOptions.defaults()
                .withDefaultZone(defaultZone)
                .withPermalinks(Permalinks.parse(permalinks))
                .withFollowSymlinks(followSymlinks));
    }

    /** The analyzer these settings index with: the glossary plus {@link #dictionaries()}. Build it once, share it. */
    public PostAnalyzer analyzer() {
        return new PostAnalyzer(UserDictionary.load(dictionaries));
    }

    /**
     * A digest of everything besides the posts themselves that changes what the index holds: these settings and
     * the analysis ({@link PostAnalyzer#fingerprint()}: the dictionary's words, the 繁简 table). An index built with
     * another fingerprint is rebuilt whole ({@link IndexMetadata}).
     */
    public String fingerprint(PostAnalyzer analyzer) {
        return Sha256.ofText("drafts=" + includeDrafts + ";permalinks=" + permalinks + ";zone=" + defaultZone.getId()
                + ";symlinks=" + followSymlinks + ";" + analyzer.fingerprint());
    }
}
