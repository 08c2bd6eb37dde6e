package dev.blogsearch.indexer.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a Hugo site's configuration says about where its pages are and which are published, as
 * {@link HugoSiteConfig} read it. Only the settings that change what is indexed or where a post lives are kept.
 * Immutable.
 *
 * @param dir                     the site's root folder, absolute
 * @param baseUrl                 {@code baseURL} as written, or empty; only its path matters here ({@link #basePath})
 * @param contentDir              {@code contentDir}, relative to {@code dir} ({@code content} by default)
 * @param permalinks              {@code permalinks}: pattern by section, lower-case keys; empty when not configured
 * @param timeZone                {@code timeZone}, or {@code null} when not configured (Hugo then reads dates
 *                                without an offset as UTC)
 * @param defaultLanguage         {@code defaultContentLanguage}, lower case ({@code en} by default, as in Hugo)
 * @param defaultLanguageInSubdir {@code defaultContentLanguageInSubdir}: the default language's pages live under
 *                                {@code /<lang>/} too
 * @param languages               the enabled languages by weight, then code; always holds the default one
 * @param disabledLanguages       codes of languages the site configures but disables ({@code disableLanguages},
 *                                or {@code disabled = true}): Hugo publishes none of their pages
 * @param taxonomies              plural by singular ({@code series = "series"}); Hugo's {@code tag = "tags"} and
 *                                {@code category = "categories"} when the site does not configure any
 * @param buildDrafts             {@code buildDrafts}, or {@code null} when not set
 * @param buildFuture             {@code buildFuture}, or {@code null} when not set
 * @param buildExpired            {@code buildExpired}, or {@code null} when not set
 * @param origins                 the file each setting above came from, by setting name as Hugo spells it
 *                                ({@code "permalinks" -> "config/_default/permalinks.toml"}); a setting that is
 *                                not configured has none
 */
public record HugoSite(
        Path dir,
        String baseUrl,
        String contentDir,
        Map<String, String> permalinks,
        ZoneId timeZone,
        String defaultLanguage,
        boolean defaultLanguageInSubdir,
        List<Language> languages,
        List<String> disabledLanguages,
        Map<String, String> taxonomies,
        Boolean buildDrafts,
        Boolean buildFuture,
        Boolean buildExpired,
        Map<String, String> origins) {

    /** Hugo's default content folder. */
    public static final String DEFAULT_CONTENT_DIR = "content";
    /** Hugo's default language when a site configures none. */
    public static final String DEFAULT_LANGUAGE = "en";
    /** The taxonomies Hugo gives a site whose configuration has no {@code taxonomies}. */
    public static final Map<String, String> DEFAULT_TAXONOMIES = Map.of("tag", "tags", "category", "categories");
    /** The taxonomies every index keeps in fields of their own, configured or not. */
    public static final List<String> BUILT_IN_TAXONOMIES = List.of("tags", "categories");

    /**
     * One language of a multilingual site.
     *
     * @param code         the key under {@code languages} ({@code en}, {@code zh-cn}), lower case: what file names
     *                     ({@code index.en.md}) and URLs ({@code /en/}) use
     * @param languageCode {@code languageCode} ({@code zh-CN}), or empty
     * @param weight       {@code weight}, the order of languages (0 when not set)
     * @param contentDir   the language's own {@code contentDir} relative to the site, or {@code null} when its
     *                     pages live in the site's content folder (marked by their file names)
     */
    public record Language(String code, String languageCode, int weight, String contentDir) {

        public Language {
            Objects.requireNonNull(code, "code");
            languageCode = languageCode == null ? "" : languageCode;
        }
    }

    public HugoSite {
        Objects.requireNonNull(dir, "dir");
        baseUrl = baseUrl == null ? "" : baseUrl;
        contentDir = contentDir == null || contentDir.isBlank() ? DEFAULT_CONTENT_DIR : contentDir;
        permalinks = Map.copyOf(permalinks);
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        languages = List.copyOf(languages);
        disabledLanguages = List.copyOf(disabledLanguages);
        taxonomies = Map.copyOf(taxonomies);
        origins = Map.copyOf(origins);
    }

    /**
     * A site with Hugo's defaults for everything: one language ({@code en}), no permalinks configured, tags and
     * categories; what Hugo assumes of a site whose configuration is empty.
     */
    public static HugoSite defaults(Path dir) {
        return new HugoSite(
                dir.toAbsolutePath().normalize(),
                "",
                DEFAULT_CONTENT_DIR,
                Map.of(),
                null,
                DEFAULT_LANGUAGE,
                false,
                List.of(new Language(DEFAULT_LANGUAGE, "", 0, null)),
                List.of(),
                DEFAULT_TAXONOMIES,
                null,
                null,
                null,
                Map.of());
    }

    /**
     * The path part of {@code baseURL}, which prefixes every URL Hugo gives a page: {@code /} for
     * {@code https://example.com/}, {@code /blog/} for {@code https://example.com/blog}. Always starts and ends
     * with {@code /}.
     */
    public String basePath() {
        String path;
        try {
            path = baseUrl.isBlank() ? "" : new URI(baseUrl.strip()).getPath();
        } catch (URISyntaxException e) {
            path = "";
        }
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        return (path.startsWith("/") ? "" : "/") + path + (path.endsWith("/") ? "" : "/");
    }

    /** The language with this code (any case), or {@code null} when the site has none by that code. */
    public Language language(String code) {
        for (Language language : languages) {
            if (language.code().equalsIgnoreCase(code)) {
                return language;
            }
        }
        return null;
    }

    /** Whether the site has more than one language. */
    public boolean multilingual() {
        return languages.size() > 1;
    }

    /**
     * The taxonomies besides tags and categories (which every index keeps), by plural name ({@code series}), in
     * alphabetical order: each gets fields of its own.
     */
    public List<String> customTaxonomies() {
        List<String> plurals = new ArrayList<>(new TreeMap<>(invert(taxonomies)).keySet());
        plurals.removeAll(BUILT_IN_TAXONOMIES);
        return List.copyOf(plurals);
    }

    private static Map<String, String> invert(Map<String, String> map) {
        Map<String, String> inverted = new LinkedHashMap<>();
        map.forEach((key, value) -> inverted.put(value, key));
        return inverted;
    }

    /**
     * The settings of the site besides those an {@code IndexSettings} holds merged with the command line
     * (permalinks, time zone, drafts, future, expired) that change what an index holds or where its posts live, as
     * text: a change of any of them must rebuild the index. The site's folder and the settings' origins are not
     * part of it.
     */
    public String fingerprintText() {
        return "basePath=" + basePath() + ";contentDir=" + contentDir + ";defaultLanguage=" + defaultLanguage
                + ";inSubdir=" + defaultLanguageInSubdir + ";languages=" + languages + ";disabled="
                + disabledLanguages + ";taxonomies="
                + new TreeMap<>(taxonomies);
    }
}
