package dev.blogsearch.indexer.content;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo-style permalink patterns: a default pattern and optional patterns per section (the first folder of a
 * post's path), with the tokens {@code :year :month :day :section :sections :title :slug :filename
 * :slugorfilename :contentbasename}. Immutable and thread-safe.
 *
 * <p>Two sets of rules. Without a Hugo site ({@link #parse}), our documented rules: {@code :slug} is front matter
 * {@code slug}, else the file name (a bundle's folder name), so it equals {@code :slugorfilename}; a section
 * without a pattern gets the default pattern {@value #DEFAULT_PATTERN}; date tokens of a post without a date are
 * empty, and the empty path segment they leave is removed; {@code :sections} is every folder above the post.
 *
 * <p>With a Hugo site ({@link #hugo}), Hugo's own rules, checked against Hugo 0.111: {@code :slug} falls back to
 * the title; a section without a pattern gets Hugo's default URL, the file's folders and then its slug or file
 * name ({@code content/posts/My Bundle/index.md} is {@code /posts/my-bundle/}); an undated post has year
 * {@code 1}, month and day {@code 01}; {@code :sections} is the path of the post's nearest section (a folder with
 * an {@code _index.md}, or a top-level folder), given in {@link Page#sections()}; a front matter {@code url}
 * without a file extension gets a trailing {@code /}.
 *
 * <p>In both, values are urlized as Hugo does ({@link #urlize}), a front matter {@code url} wins over every
 * pattern and is kept as written, and URLs are returned unencoded (Chinese stays as written).
 */
public final class Permalinks {

    public static final String DEFAULT_PATTERN = "/posts/:slug/";

    private static final Set<String> TOKENS = Set.of(
            "year",
            "month",
            "day",
            "section",
            "sections",
            "title",
            "slug",
            "filename",
            "slugorfilename",
            "contentbasename");
    private static final Pattern TOKEN = Pattern.compile(":([a-z]+)");

    /** The pattern of sections without their own; {@code null} under Hugo's rules for Hugo's default URL. */
    private final String defaultPattern;

    private final Map<String, String> sectionPatterns;
    private final boolean hugoRules;

    /**
     * @param defaultPattern  the pattern for posts of sections without their own
     * @param sectionPatterns patterns by section name (compared in lower case)
     * @throws IllegalArgumentException for an empty pattern or an unknown token
     */
    public Permalinks(String defaultPattern, Map<String, String> sectionPatterns) {
        this(validatePattern(defaultPattern), sectionPatterns, false);
    }

    private Permalinks(String defaultPattern, Map<String, String> sectionPatterns, boolean hugoRules) {
        this.defaultPattern = defaultPattern;
        Map<String, String> patterns = new LinkedHashMap<>();
        sectionPatterns.forEach(
                (section, pattern) -> patterns.put(section.toLowerCase(Locale.ROOT), validatePattern(pattern)));
        this.sectionPatterns = Map.copyOf(patterns);
        this.hugoRules = hugoRules;
    }

    /** {@value #DEFAULT_PATTERN} for every section. */
    public static Permalinks defaults() {
        return new Permalinks(DEFAULT_PATTERN, Map.of());
    }

    /**
     * Patterns under Hugo's rules (see the class comment), as a Hugo site would have them: {@code section=pattern}
     * for a section (a site's {@code permalinks}); a bare pattern, which Hugo has no equivalent for, replaces Hugo's
     * default URL for sections without their own.
     *
     * @throws IllegalArgumentException for an empty or repeated spec, or a pattern with an unknown token
     */
    public static Permalinks hugo(List<String> specs) {
        Specs parsed = Specs.of(specs);
        return new Permalinks(
                parsed.defaultPattern == null ? null : validatePattern(parsed.defaultPattern), parsed.sections, true);
    }

    /**
     * Patterns as given on the command line: {@code section=pattern} for a section, a bare pattern for the
     * default ({@value #DEFAULT_PATTERN} when none is given).
     *
     * @throws IllegalArgumentException for an empty or repeated spec, or a pattern with an unknown token
     */
    public static Permalinks parse(List<String> specs) {
        Specs parsed = Specs.of(specs);
        return new Permalinks(parsed.defaultPattern == null ? DEFAULT_PATTERN : parsed.defaultPattern, parsed.sections);
    }

    /** Command-line specs split into the bare default pattern (or {@code null}) and the patterns by section. */
    private record Specs(String defaultPattern, Map<String, String> sections) {

        static Specs of(List<String> specs) {
            String defaultPattern = null;
            Map<String, String> sections = new LinkedHashMap<>();
            for (String spec : specs) {
                int equals = spec.indexOf('=');
                String section =
                        equals < 0 ? null : spec.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                String pattern = spec.substring(equals + 1).strip();
                if (section == null) {
                    if (defaultPattern != null) {
                        throw new IllegalArgumentException("default permalink pattern given twice: \"" + spec + "\"");
                    }
                    defaultPattern = pattern;
                } else if (section.isEmpty()) {
                    throw new IllegalArgumentException("permalink \"" + spec + "\" has no section before =");
                } else if (sections.put(section, pattern) != null) {
                    throw new IllegalArgumentException("permalink pattern for section " + section + " given twice");
                }
            }
            return new Specs(defaultPattern, sections);
        }
    }

    /** The pattern of sections without their own, or {@code null} for Hugo's default URL. */
    public String defaultPattern() {
        return defaultPattern;
    }

    public Map<String, String> sectionPatterns() {
        return sectionPatterns;
    }

    /** Whether Hugo's rules apply (see the class comment). */
    public boolean hugoRules() {
        return hugoRules;
    }

    /** Whether the URL of a post at {@code sourcePath} needs {@link Page#sections()}: its pattern has {@code :sections}. */
    public boolean needsSections(String sourcePath) {
        String pattern = patternOf(sourcePath.split("/"));
        return hugoRules && pattern != null && pattern.contains(":sections");
    }

    /**
     * What a permalink is made of.
     *
     * @param sourcePath the file relative to its content folder, {@code /}-separated and without a language in its
     *                   name ({@code posts/a.md} for {@code posts/a.en.md})
     * @param slug       front matter {@code slug}, or {@code null}
     * @param url        front matter {@code url}, or {@code null}
     * @param title      the post's title, for {@code :title}
     * @param date       the post's date, or {@code null}
     * @param sections   under Hugo's rules, the path of the post's nearest section ({@code posts/2024}), when its
     *                   pattern has {@code :sections} ({@link #needsSections}); else {@code null}, and
     *                   {@code :sections} is every folder above the post
     */
    public record Page(String sourcePath, String slug, String url, String title, OffsetDateTime date, String sections) {

        public Page {
            Objects.requireNonNull(sourcePath, "sourcePath");
        }

        public Page(String sourcePath, String slug, String url, String title, OffsetDateTime date) {
            this(sourcePath, slug, url, title, date, null);
        }
    }

    /** The URL path of {@code page}: its front matter {@code url}, else its section's pattern expanded. */
    public String urlOf(Page page) {
        if (page.url() != null && !page.url().isBlank()) {
            String url = page.url().strip();
            url = url.startsWith("/") ? url : "/" + url;
            if (hugoRules
                    && !url.endsWith("/")
                    && !url.substring(url.lastIndexOf('/')).contains(".")) {
                url += "/";
            }
            return url;
        }
        String[] parts = page.sourcePath().split("/");
        String pattern = patternOf(parts);
        if (pattern == null) {
            return hugoDefaultUrl(page, parts);
        }
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(url, Matcher.quoteReplacement(tokenValue(m.group(1), page, parts)));
        }
        m.appendTail(url);
        return url.toString().replaceAll("/{2,}", "/");
    }

    private String patternOf(String[] parts) {
        String section = parts.length > 1 ? parts[0] : "";
        return sectionPatterns.getOrDefault(section.toLowerCase(Locale.ROOT), defaultPattern);
    }

    /** Hugo's URL of a page whose section has no pattern: its folders, then its slug or file name. */
    private static String hugoDefaultUrl(Page page, String[] parts) {
        StringBuilder url = new StringBuilder("/");
        for (int i = 0; i < parts.length - (isBundle(parts) ? 2 : 1); i++) {
            url.append(urlize(parts[i])).append('/');
        }
        String slug = page.slug() == null || page.slug().isBlank() ? contentBaseName(parts) : page.slug();
        url.append(urlize(slug)).append('/');
        return url.toString().replaceAll("/{2,}", "/");
    }

    private String tokenValue(String token, Page page, String[] parts) {
        OffsetDateTime date = page.date();
        String baseName = contentBaseName(parts);
        String slug = page.slug() == null || page.slug().isBlank() ? null : page.slug();
        return switch (token) {
            case "year" ->
                date == null
                        ? (hugoRules ? "1" : "")
                        : hugoRules
                                ? Integer.toString(date.getYear())
                                : String.format(Locale.ROOT, "%04d", date.getYear());
            case "month" ->
                date == null ? (hugoRules ? "01" : "") : String.format(Locale.ROOT, "%02d", date.getMonthValue());
            case "day" ->
                date == null ? (hugoRules ? "01" : "") : String.format(Locale.ROOT, "%02d", date.getDayOfMonth());
            case "section" -> parts.length > 1 ? urlize(parts[0]) : "";
            case "sections" -> page.sections() != null ? urlizePath(page.sections()) : sections(parts);
            case "title" -> urlize(page.title() == null ? "" : page.title());
            case "slug" ->
                urlize(slug != null ? slug : hugoRules ? (page.title() == null ? "" : page.title()) : baseName);
            case "slugorfilename" -> urlize(slug != null ? slug : baseName);
            case "filename", "contentbasename" -> urlize(baseName);
            default -> throw new IllegalStateException("unvalidated token :" + token);
        };
    }

    private static String urlizePath(String path) {
        StringBuilder urlized = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                urlized.append(urlized.length() > 0 ? "/" : "").append(urlize(segment));
            }
        }
        return urlized.toString();
    }

    /** The folders above the post, a bundle's own folder excluded. */
    private static String sections(String[] parts) {
        int folders = parts.length - (isBundle(parts) ? 2 : 1);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < folders; i++) {
            path.append(i > 0 ? "/" : "").append(urlize(parts[i]));
        }
        return path.toString();
    }

    /** The file name without extension; for a bundle's {@code index.md}, the bundle's folder name. */
    static String contentBaseName(String[] parts) {
        if (isBundle(parts)) {
            return parts[parts.length - 2];
        }
        String file = parts[parts.length - 1];
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    static boolean isBundle(String[] parts) {
        String file = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        return parts.length > 1 && (file.equals("index.md") || file.equals("index.markdown"));
    }

    /**
     * A value made fit for one URL path segment, as Hugo's {@code urlize} does: lower-cased ({@link Locale#ROOT}),
     * each run of whitespace between kept characters a single {@code -}, and only letters, digits, marks and
     * {@code . _ - + ~ @} kept, so Chinese stays. Unlike Hugo, {@code /}, {@code #} and {@code %} are dropped too:
     * the URL is returned unencoded, and a value must not add path segments or a fragment.
     */
    public static String urlize(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (isUrlSafe(cp)) {
                if (pendingHyphen && cp != '-' && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                pendingHyphen = false;
                out.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingHyphen = out.length() > 0;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isUrlSafe(int cp) {
        if (cp == '.' || cp == '_' || cp == '-' || cp == '+' || cp == '~' || cp == '@') {
            return true;
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * A pattern made absolute ({@code /} in front), after checking it.
     *
     * @throws IllegalArgumentException naming the pattern, for an empty one or an unknown token
     */
    public static String validatePattern(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("empty permalink pattern");
        }
        Matcher m = TOKEN.matcher(pattern);
        while (m.find()) {
            if (!TOKENS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown permalink token :" + m.group(1) + " in \"" + pattern
                        + "\"; known tokens: :year :month :day :section :sections :title :slug :filename"
                        + " :slugorfilename :contentbasename");
            }
        }
        String stripped = pattern.strip();
        return stripped.startsWith("/") ? stripped : "/" + stripped;
    }
}
