package dev.blogsearch.indexer.index;

import dev.blogsearch.analysis.UserDictionary;
import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.HugoSite;
import dev.blogsearch.indexer.content.Permalinks;
import dev.blogsearch.indexer.content.PublishRules;
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
 * @param includeFuture  index posts whose publish date is still to come ({@link PublishRules#future()})
 * @param includeExpired index posts past their expiry date ({@link PublishRules#expired()})
 * @param permalinks     Hugo-style permalink patterns: {@code /posts/:slug/} sets the default,
 *                       {@code section=/:year/:slug/} one section's ({@link Permalinks#parse}); with a site, under
 *                       Hugo's rules ({@link Permalinks#hugo})
 * @param defaultZone    the time zone of front matter dates written without an offset
 * @param threads        posts read and analysed in parallel
 * @param followSymlinks read posts through symbolic links ({@link ReaderOptions#followSymlinks()})
 * @param dictionaries   the blog owner's dictionary files, added to the built-in glossary ({@link UserDictionary})
 * @param site           the Hugo site the content belongs to ({@link ReaderOptions#site()}), or {@code null}; its
 *                       permalinks, time zone and build flags are already merged into the settings above
 *                       ({@link SiteSettings})
 * @param options        the options these settings were made of, as given, which the index records
 *                       ({@link IndexMetadata#options()}); not part of the {@link #fingerprint}: they change nothing
 *                       the index holds beyond what the settings above say
 */
public record IndexSettings(
        boolean includeDrafts,
        boolean includeFuture,
        boolean includeExpired,
        List<String> permalinks,
        ZoneId defaultZone,
        int threads,
        boolean followSymlinks,
        List<Path> dictionaries,
        HugoSite site,
        IndexOptions options) {

    public IndexSettings {
        permalinks = List.copyOf(permalinks);
        threads = Math.max(1, threads);
        dictionaries = List.copyOf(dictionaries);
        options = options == null ? IndexOptions.NONE : options;
    }

    /** Settings that record no options. */
    public IndexSettings(
            boolean includeDrafts,
            boolean includeFuture,
            boolean includeExpired,
            List<String> permalinks,
            ZoneId defaultZone,
            int threads,
            boolean followSymlinks,
            List<Path> dictionaries,
            HugoSite site) {
        this(
                includeDrafts,
                includeFuture,
                includeExpired,
                permalinks,
                defaultZone,
                threads,
                followSymlinks,
                dictionaries,
                site,
                IndexOptions.NONE);
    }

    /** Settings without a site, which include neither future nor expired posts. */
    public IndexSettings(
            boolean includeDrafts,
            List<String> permalinks,
            ZoneId defaultZone,
            int threads,
            boolean followSymlinks,
            List<Path> dictionaries) {
        this(includeDrafts, false, false, permalinks, defaultZone, threads, followSymlinks, dictionaries, null);
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

    /** These settings with {@code count} threads. */
    public IndexSettings withThreads(int count) {
        return new IndexSettings(
                includeDrafts,
                includeFuture,
                includeExpired,
                permalinks,
                defaultZone,
                count,
                followSymlinks,
                dictionaries,
                site,
                options);
    }

    public HugoPostReader newReader() {
        return new HugoPostReader(ReaderOptions.defaults()
                .withDefaultZone(defaultZone)
                .withPermalinks(site != null ? Permalinks.hugo(permalinks) : Permalinks.parse(permalinks))
                .withFollowSymlinks(followSymlinks)
                .withSite(site));
    }

    /** Which posts are published ({@link PublishRules}). */
    public PublishRules publishRules() {
        return new PublishRules(includeDrafts, includeFuture, includeExpired);
    }

    /** The analyzer these settings index with: the glossary plus {@link #dictionaries()}. Build it once, share it. */
    public PostAnalyzer analyzer() {
        return new PostAnalyzer(UserDictionary.load(dictionaries));
    }

    /**
     * A digest of everything besides the posts themselves that changes what the index holds: these settings, the
     * site's ({@link HugoSite#fingerprintText()}) and the analysis ({@link PostAnalyzer#fingerprint()}: the
     * dictionary's words, the 繁简 table). An index built with another fingerprint is rebuilt whole
     * ({@link IndexMetadata}).
     */
    public String fingerprint(PostAnalyzer analyzer) {
        return Sha256.ofText("drafts=" + includeDrafts + ";future=" + includeFuture + ";expired=" + includeExpired
                + ";permalinks=" + permalinks + ";zone=" + defaultZone.getId() + ";symlinks=" + followSymlinks
                + ";site=" + (site == null ? "none" : site.fingerprintText()) + ";" + analyzer.fingerprint());
    }
}
