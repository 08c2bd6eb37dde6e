package dev.blogsearch.indexer.index;

import dev.blogsearch.indexer.content.HugoSite;
import dev.blogsearch.indexer.content.HugoSiteConfig;
import dev.blogsearch.indexer.content.Permalinks;
import dev.blogsearch.indexer.content.SiteConfigException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The settings of an indexing run made from a Hugo site's configuration and the options given on top of it (the
 * command line's, or the service's configuration): an option given wins over the site's setting, which wins over
 * the default. It also says where each setting came from, for the run's summary.
 */
public final class SiteSettings {

    private SiteSettings() {}

    /**
     * What was given besides the site; {@code null}, empty or {@code false} for "not given".
     *
     * @param contentDir     the content folder ({@code --content})
     * @param permalinks     permalink specs ({@code --permalink}); they replace the site's permalinks as a whole
     * @param timezone       the zone of dates without an offset ({@code --timezone})
     * @param drafts         include drafts ({@code --drafts})
     * @param future         include posts whose publish date is to come ({@code --future})
     * @param expired        include expired posts ({@code --expired})
     * @param threads        posts analysed in parallel
     * @param followSymlinks read posts through symbolic links
     * @param dictionaries   the blog owner's dictionary files
     */
    public record Given(
            Path contentDir,
            List<String> permalinks,
            ZoneId timezone,
            boolean drafts,
            boolean future,
            boolean expired,
            int threads,
            boolean followSymlinks,
            List<Path> dictionaries) {

        public Given {
            permalinks = permalinks == null ? List.of() : List.copyOf(permalinks);
            dictionaries = dictionaries == null ? List.of() : List.copyOf(dictionaries);
        }
    }

    /**
     * The settings of a run.
     *
     * @param settings   what the indexer runs with
     * @param contentDir the content folder: the one given, else the site's {@code contentDir}, else {@code content}
     * @param origins    where the site-dependent settings came from, one line each ({@code permalinks: from
     *                   hugo.toml}); empty without a site
     */
    public record Resolved(IndexSettings settings, Path contentDir, List<String> origins) {

        public Resolved {
            origins = List.copyOf(origins);
        }
    }

    /**
     * The settings {@code options} amount to: the site they name read now ({@link HugoSiteConfig}), the options
     * given merged over it, the rest defaults. The settings record {@code options}, so that the index says what it
     * was built with ({@link IndexOptions}).
     *
     * @param origin how each setting was given, for the origins ({@code "timezone"} to {@code "--timezone"}); see
     *               {@link IndexOptions.Option#setting()}
     * @throws SiteConfigException naming the file and key when the site's configuration cannot be read
     */
    public static Resolved resolve(IndexOptions options, int threads, UnaryOperator<String> origin)
            throws SiteConfigException {
        HugoSite site = options.site() == null
                ? null
                : HugoSiteConfig.read(
                        options.site(),
                        options.environment() == null ? HugoSiteConfig.DEFAULT_ENVIRONMENT : options.environment());
        Given given = new Given(
                options.content(),
                options.permalinks(),
                options.timezone(),
                Boolean.TRUE.equals(options.drafts()),
                Boolean.TRUE.equals(options.future()),
                Boolean.TRUE.equals(options.expired()),
                threads,
                Boolean.TRUE.equals(options.followSymlinks()),
                options.dictionaries());
        Resolved resolved = resolve(site, given, origin);
        List<String> origins = new ArrayList<>();
        if (site != null) {
            origins.add("site: " + options.site() + " (" + origin.apply("site") + ")");
        }
        origins.addAll(resolved.origins());
        if (Boolean.TRUE.equals(options.followSymlinks())) {
            origins.add("follow-symlinks: on (" + origin.apply("follow-symlinks") + ")");
        }
        if (!options.dictionaries().isEmpty()) {
            origins.add("dictionary: "
                    + String.join(
                            ", ",
                            options.dictionaries().stream().map(Path::toString).toList()) + " ("
                    + origin.apply("dictionary") + ")");
        }
        // Without a site the content folder is the one given or the default, relative to where this runs: the
        // index records where it is, for a service that runs elsewhere.
        IndexOptions recorded = site != null || options.content() != null
                ? options
                : new IndexOptions(
                        null,
                        options.environment(),
                        resolved.contentDir(),
                        options.permalinks(),
                        options.timezone(),
                        options.drafts(),
                        options.future(),
                        options.expired(),
                        options.followSymlinks(),
                        options.dictionaries());
        IndexSettings settings = resolved.settings();
        return new Resolved(
                new IndexSettings(
                        settings.includeDrafts(),
                        settings.includeFuture(),
                        settings.includeExpired(),
                        settings.permalinks(),
                        settings.defaultZone(),
                        settings.threads(),
                        settings.followSymlinks(),
                        settings.dictionaries(),
                        settings.site(),
                        recorded),
                resolved.contentDir(),
                origins);
    }

    /**
     * Merges {@code given} over {@code site}.
     *
     * @param site       the site's configuration, or {@code null} when there is none: {@code given} alone decides
     * @param given      the options given
     * @param optionName how each option is given, for the origins ({@code "timezone"} to {@code "--timezone"})
     */
    public static Resolved resolve(HugoSite site, Given given, UnaryOperator<String> optionName) {
        if (site == null) {
            Path content = given.contentDir() != null ? given.contentDir() : Path.of(HugoSite.DEFAULT_CONTENT_DIR);
            IndexSettings settings = new IndexSettings(
                    given.drafts(),
                    given.future(),
                    given.expired(),
                    given.permalinks(),
                    given.timezone() != null ? given.timezone() : ZoneOffset.UTC,
                    given.threads(),
                    given.followSymlinks(),
                    given.dictionaries(),
                    null);
            List<String> origins = new ArrayList<>();
            origins.add("content: " + content + " ("
                    + (given.contentDir() != null ? optionName.apply("content") : "default") + ")");
            origins.add(
                    given.permalinks().isEmpty()
                            ? "permalinks: " + Permalinks.DEFAULT_PATTERN + " (default)"
                            : "permalinks: " + String.join(" ", given.permalinks()) + " ("
                                    + optionName.apply("permalinks") + ")");
            origins.add(
                    given.timezone() != null
                            ? "timezone: " + given.timezone().getId() + " (" + optionName.apply("timezone") + ")"
                            : "timezone: UTC (default)");
            for (String flag : List.of("drafts", "future", "expired")) {
                boolean included = switch (flag) {
                    case "drafts" -> given.drafts();
                    case "future" -> given.future();
                    default -> given.expired();
                };
                if (included) {
                    origins.add(flag + ": included (" + optionName.apply(flag) + ")");
                }
            }
            return new Resolved(settings, content, origins);
        }
        Map<String, String> from = site.origins();
        List<String> origins = new ArrayList<>();

        Path content;
        if (given.contentDir() != null) {
            content = given.contentDir();
            origins.add("content: " + content + " (" + optionName.apply("content") + ")");
        } else {
            content = site.dir().resolve(site.contentDir());
            origins.add("content: " + content + " (" + origin(from, "contentDir", "Hugo's default") + ")");
        }

        List<String> permalinks;
        if (!given.permalinks().isEmpty()) {
            permalinks = given.permalinks();
            origins.add("permalinks: " + String.join(" ", permalinks) + " (" + optionName.apply("permalinks") + ")");
        } else {
            permalinks = new ArrayList<>();
            new TreeMap<>(site.permalinks()).forEach((section, pattern) -> permalinks.add(section + "=" + pattern));
            origins.add("permalinks: "
                    + (site.permalinks().isEmpty()
                            ? "Hugo's default (the file's folders, then its slug or name)"
                            : origin(from, "permalinks", "")));
        }

        ZoneId zone;
        if (given.timezone() != null) {
            zone = given.timezone();
            origins.add("timezone: " + zone.getId() + " (" + optionName.apply("timezone") + ")");
        } else if (site.timeZone() != null) {
            zone = site.timeZone();
            origins.add("timezone: " + zone.getId() + " (" + origin(from, "timeZone", "") + ")");
        } else {
            zone = ZoneOffset.UTC;
            origins.add("timezone: UTC (Hugo's default)");
        }

        List<String> codes = new ArrayList<>();
        site.languages()
                .forEach(language -> codes.add(language.code()
                        + (language.code().equals(site.defaultLanguage()) ? " (default)" : "")
                        + (language.contentDir() == null ? "" : " in " + language.contentDir())));
        origins.add("languages: " + String.join(", ", codes) + " ("
                + origin(from, "languages", origin(from, "defaultContentLanguage", "Hugo's default")) + ")");
        List<String> taxonomies = new ArrayList<>(HugoSite.BUILT_IN_TAXONOMIES);
        taxonomies.addAll(site.customTaxonomies());
        origins.add("taxonomies: " + String.join(", ", taxonomies) + " (" + origin(from, "taxonomies", "Hugo's default")
                + ")");
        if (!site.basePath().equals("/")) {
            origins.add("base path: " + site.basePath() + " (" + origin(from, "baseURL", "") + ")");
        }

        boolean drafts = flag(given.drafts(), site.buildDrafts(), "drafts", "buildDrafts", from, optionName, origins);
        boolean future = flag(given.future(), site.buildFuture(), "future", "buildFuture", from, optionName, origins);
        boolean expired =
                flag(given.expired(), site.buildExpired(), "expired", "buildExpired", from, optionName, origins);

        IndexSettings settings = new IndexSettings(
                drafts,
                future,
                expired,
                permalinks,
                zone,
                given.threads(),
                given.followSymlinks(),
                given.dictionaries(),
                site);
        return new Resolved(settings, content, origins);
    }

    private static boolean flag(
            boolean given,
            Boolean configured,
            String option,
            String setting,
            Map<String, String> from,
            UnaryOperator<String> optionName,
            List<String> origins) {
        if (given) {
            origins.add(option + ": included (" + optionName.apply(option) + ")");
            return true;
        }
        if (Boolean.TRUE.equals(configured)) {
            origins.add(option + ": included (" + setting + " in " + from.get(setting) + ")");
            return true;
        }
        return false;
    }

    /** "from hugo.toml", or {@code fallback} when the site does not set it. */
    private static String origin(Map<String, String> from, String setting, String fallback) {
        String file = from.get(setting);
        return file == null ? fallback : "from " + file;
    }
}
