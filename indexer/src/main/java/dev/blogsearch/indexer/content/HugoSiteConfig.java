package dev.blogsearch.indexer.content;

import dev.blogsearch.schema.LanguageCodes;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a Hugo site's configuration into a {@link HugoSite}, in every form Hugo accepts and merged as Hugo 0.111
 * merges them (each later source wins, maps are merged key by key):
 *
 * <ol>
 *   <li>the first of {@code hugo.toml}, {@code hugo.yaml}, {@code hugo.yml}, {@code hugo.json},
 *       {@code config.toml}, ... at the site's root (Hugo reads only one of them);
 *   <li>the files of {@code config/_default/}: {@code hugo.*} and {@code config.*} hold top-level keys, every other
 *       file one key ({@code permalinks.toml} is {@code permalinks}), and {@code params.en.toml} is that key for one
 *       language ({@code languages.en.params});
 *   <li>the same for {@code config/<environment>/}, {@code production} for a plain {@code hugo} build.
 * </ol>
 *
 * <p>Keys are compared without case, as Hugo does. TOML, YAML and JSON are parsed by the same parsers as front
 * matter ({@link FrontMatter}).
 */
public final class HugoSiteConfig {

    /** The environment of a plain {@code hugo} build, whose {@code config/production/} applies. */
    public static final String DEFAULT_ENVIRONMENT = "production";

    private static final List<String> ROOT_NAMES = List.of("hugo", "config");
    private static final List<String> EXTENSIONS = List.of("toml", "yaml", "yml", "json");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final Path dir;
    /** The merged configuration; keys lower case at every level, maps mutable. */
    private final Map<String, Object> tree = new LinkedHashMap<>();
    /** The file that set each leaf, by dotted lower-case key path. */
    private final Map<String, String> leafOrigins = new HashMap<>();

    private HugoSiteConfig(Path dir) {
        this.dir = dir;
    }

    /** The configuration of the site in {@code siteDir} for a plain {@code hugo} build (production). */
    public static HugoSite read(Path siteDir) throws SiteConfigException {
        return read(siteDir, DEFAULT_ENVIRONMENT);
    }

    /**
     * The configuration of the site in {@code siteDir} for {@code hugo --environment <environment>}.
     *
     * @throws SiteConfigException when the folder has no configuration, a file cannot be parsed, or a setting has
     *                             the wrong type or value; the message names the file and the key
     */
    public static HugoSite read(Path siteDir, String environment) throws SiteConfigException {
        if (!ENVIRONMENT_NAME.matcher(environment).matches()) {
            throw new SiteConfigException("invalid environment name \"" + environment
                    + "\": letters, digits, - and _ only (Hugo's default is " + DEFAULT_ENVIRONMENT + ")");
        }
        if (!Files.isDirectory(siteDir)) {
            throw new SiteConfigException("the site folder " + siteDir + " does not exist or is not a folder");
        }
        HugoSiteConfig config = new HugoSiteConfig(siteDir.toAbsolutePath().normalize());
        boolean found = config.loadRootFile();
        found |= config.loadConfigDir("_default");
        found |= config.loadConfigDir(environment);
        if (!found) {
            throw new SiteConfigException("no Hugo configuration in " + siteDir + ": expected hugo.toml (or .yaml,"
                    + " .yml, .json), config.toml, or a config/_default/ folder");
        }
        return config.site();
    }

    private boolean loadRootFile() throws SiteConfigException {
        for (String name : ROOT_NAMES) {
            for (String extension : EXTENSIONS) {
                Path file = dir.resolve(name + "." + extension);
                if (Files.isRegularFile(file)) {
                    merge(tree, parse(file), "", relative(file));
                    return true;
                }
            }
        }
        return false;
    }

    private boolean loadConfigDir(String environment) throws SiteConfigException {
        Path configDir = dir.resolve("config").resolve(environment);
        if (!Files.isDirectory(configDir)) {
            return false;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(configDir)) {
            files = new ArrayList<>(listing.filter(Files::isRegularFile)
                    .filter(file -> EXTENSIONS.contains(extension(file)))
                    .toList());
        } catch (IOException e) {
            throw new SiteConfigException(relative(configDir) + ": cannot be listed: " + e.getMessage(), e);
        }
        // Top-level files first, so that a params.toml beside them adds to their params rather than being replaced.
        files.sort(Comparator.comparing((Path file) -> !ROOT_NAMES.contains(baseName(file)))
                .thenComparing(file -> file.getFileName().toString()));
        for (Path file : files) {
            Map<String, Object> values = parse(file);
            String[] name = baseName(file).toLowerCase(Locale.ROOT).split("\\.");
            Map<String, Object> wrapped;
            if (ROOT_NAMES.contains(name[0]) && name.length == 1) {
                wrapped = values;
            } else if (name.length == 1) {
                wrapped = Map.of(name[0], values);
            } else if (name.length == 2) {
                wrapped = Map.of("languages", Map.of(name[1], Map.of(name[0], values)));
            } else {
                continue; // Not a name Hugo reads (a.b.c.toml).
            }
            merge(tree, wrapped, "", relative(file));
        }
        return !files.isEmpty();
    }

    private Map<String, Object> parse(Path file) throws SiteConfigException {
        String text;
        try {
            // A strict decoder: a stray Latin-1 byte in a config file is reported, not read as a replacement character.
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SiteConfigException(relative(file) + ": not valid UTF-8; save it as UTF-8", e);
        } catch (IOException e) {
            throw new SiteConfigException(relative(file) + ": cannot be read: " + e.getMessage(), e);
        }
        FrontMatter.Format format = switch (extension(file)) {
            case "toml" -> FrontMatter.Format.TOML;
            case "json" -> FrontMatter.Format.JSON;
            default -> FrontMatter.Format.YAML;
        };
        try {
            return FrontMatter.parseDocument(format, text, "configuration");
        } catch (PostReadException e) {
            throw new SiteConfigException(relative(file) + ": " + e.getMessage(), e);
        }
    }

    /** Merges {@code source} into {@code target}: maps key by key, any other value replaces. */
    @SuppressWarnings("unchecked")
    private void merge(Map<String, Object> target, Map<?, ?> source, String path, String file) {
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            String key = String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT);
            String keyPath = path.isEmpty() ? key : path + "." + key;
            Object existing = target.get(key);
            if (existing instanceof Map<?, ?> existingMap && entry.getValue() instanceof Map<?, ?> sourceMap) {
                merge((Map<String, Object>) existingMap, sourceMap, keyPath, file);
            } else {
                leafOrigins.keySet().removeIf(leaf -> leaf.equals(keyPath) || leaf.startsWith(keyPath + "."));
                target.put(key, copy(entry.getValue(), keyPath, file));
            }
        }
    }

    /** A copy with lower-case keys and mutable maps, recording where each leaf came from. */
    private Object copy(Object value, String path, String file) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copied = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey()).toLowerCase(Locale.ROOT);
                copied.put(key, copy(entry.getValue(), path + "." + key, file));
            }
            if (copied.isEmpty()) {
                leafOrigins.put(path, file);
            }
            return copied;
        }
        leafOrigins.put(path, file);
        return value;
    }

    private HugoSite site() throws SiteConfigException {
        String defaultLanguage = LanguageCodes.of(text("defaultcontentlanguage", "defaultContentLanguage"));
        if (defaultLanguage == null || defaultLanguage.isBlank()) {
            defaultLanguage = HugoSite.DEFAULT_LANGUAGE;
        }
        String timeZoneName = text("timezone", "timeZone");
        ZoneId timeZone = null;
        if (timeZoneName != null && !timeZoneName.isBlank()) {
            try {
                timeZone = ZoneId.of(timeZoneName.strip());
            } catch (DateTimeException e) {
                throw error(
                        "timezone",
                        "timeZone",
                        "unknown time zone \"" + timeZoneName + "\" (expected a name like" + " Asia/Shanghai or UTC)");
            }
        }
        Set<String> disabled = disabledLanguages();
        Map<String, String> origins = new LinkedHashMap<>();
        for (String setting : List.of(
                "baseURL",
                "contentDir",
                "permalinks",
                "timeZone",
                "defaultContentLanguage",
                "defaultContentLanguageInSubdir",
                "languages",
                "taxonomies",
                "buildDrafts",
                "buildFuture",
                "buildExpired")) {
            String origin = origin(setting.toLowerCase(Locale.ROOT));
            if (origin != null) {
                origins.put(setting, origin);
            }
        }
        return new HugoSite(
                dir,
                text("baseurl", "baseURL"),
                text("contentdir", "contentDir"),
                permalinks(),
                timeZone,
                defaultLanguage,
                bool("defaultcontentlanguageinsubdir", "defaultContentLanguageInSubdir", false),
                languages(defaultLanguage, disabled),
                List.copyOf(disabled),
                taxonomies(),
                optionalBool("builddrafts", "buildDrafts"),
                optionalBool("buildfuture", "buildFuture"),
                optionalBool("buildexpired", "buildExpired"),
                origins);
    }

    private Map<String, String> permalinks() throws SiteConfigException {
        Map<String, Object> configured = map("permalinks", "permalinks");
        Map<String, String> patterns = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : configured.entrySet()) {
            String key = entry.getKey();
            if (entry.getValue() instanceof Map<?, ?>) {
                if (key.equals("page")) {
                    // Hugo 0.112's form, permalinks.page.<section>; its section/taxonomy/term list pages are not posts.
                    for (Map.Entry<String, Object> page :
                            map("permalinks.page", "permalinks.page").entrySet()) {
                        patterns.put(page.getKey(), pattern("permalinks.page." + page.getKey(), page.getValue()));
                    }
                } else if (!List.of("section", "taxonomy", "term").contains(key)) {
                    throw error(
                            "permalinks." + key,
                            "permalinks." + key,
                            "expected a pattern like /:year/:slug/," + " found a table");
                }
            } else {
                patterns.putIfAbsent(key, pattern("permalinks." + key, entry.getValue()));
            }
        }
        return patterns;
    }

    private String pattern(String path, Object value) throws SiteConfigException {
        if (!(value instanceof String pattern)) {
            throw error(path, path, "expected a pattern like /:year/:slug/, found " + describe(value));
        }
        try {
            Permalinks.validatePattern(pattern);
        } catch (IllegalArgumentException e) {
            throw error(path, path, e.getMessage());
        }
        return pattern.strip();
    }

    /** {@code disableLanguages}, and the languages marked {@code disabled = true}. */
    private Set<String> disabledLanguages() throws SiteConfigException {
        Set<String> disabled = new LinkedHashSet<>();
        Object disabledValue = tree.get("disablelanguages");
        if (disabledValue instanceof List<?> codes) {
            codes.forEach(code -> disabled.add(LanguageCodes.of(String.valueOf(code))));
        } else if (disabledValue != null) {
            throw error("disablelanguages", "disableLanguages", "expected a list of language codes");
        }
        for (Map.Entry<String, Object> entry : map("languages", "languages").entrySet()) {
            String path = "languages." + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> && bool(path + ".disabled", path + ".disabled", false)) {
                disabled.add(entry.getKey());
            }
        }
        return disabled;
    }

    private List<HugoSite.Language> languages(String defaultLanguage, Set<String> disabled) throws SiteConfigException {
        Map<String, Object> configured = map("languages", "languages");
        List<HugoSite.Language> languages = new ArrayList<>();
        for (Map.Entry<String, Object> entry : configured.entrySet()) {
            String code = entry.getKey();
            String path = "languages." + code;
            if (!(entry.getValue() instanceof Map<?, ?>)) {
                throw error(
                        path, path, "expected a table of the language's settings, found " + describe(entry.getValue()));
            }
            if (disabled.contains(code)) {
                continue;
            }
            Object weight = value(path + ".weight");
            if (weight != null && !(weight instanceof Number)) {
                throw error(path + ".weight", path + ".weight", "expected a whole number, found " + describe(weight));
            }
            String contentDir = text(path + ".contentdir", path + ".contentDir");
            languages.add(new HugoSite.Language(
                    code,
                    text(path + ".languagecode", path + ".languageCode"),
                    weight == null ? 0 : ((Number) weight).intValue(),
                    contentDir == null || contentDir.isBlank() ? null : contentDir.strip()));
        }
        if (languages.isEmpty()) {
            return List.of(new HugoSite.Language(defaultLanguage, "", 0, null));
        }
        if (languages.stream().noneMatch(language -> language.code().equals(defaultLanguage))) {
            throw error(
                    "defaultcontentlanguage",
                    "defaultContentLanguage",
                    "\"" + defaultLanguage + "\" is not one of the site's languages ("
                            + String.join(
                                    ", ",
                                    languages.stream()
                                            .map(HugoSite.Language::code)
                                            .toList())
                            + ")");
        }
        languages.sort(Comparator.comparingInt(HugoSite.Language::weight).thenComparing(HugoSite.Language::code));
        return languages;
    }

    private Map<String, String> taxonomies() throws SiteConfigException {
        if (!tree.containsKey("taxonomies")) {
            return HugoSite.DEFAULT_TAXONOMIES;
        }
        Map<String, String> taxonomies = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map("taxonomies", "taxonomies").entrySet()) {
            String path = "taxonomies." + entry.getKey();
            if (!(entry.getValue() instanceof String plural) || plural.isBlank()) {
                throw error(path, path, "expected the taxonomy's plural name, found " + describe(entry.getValue()));
            }
            taxonomies.put(entry.getKey(), plural.strip().toLowerCase(Locale.ROOT));
        }
        return taxonomies;
    }

    /** The value at a dotted lower-case key path, or {@code null}. */
    private Object value(String path) {
        Object node = tree;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    private String text(String path, String display) throws SiteConfigException {
        Object value = value(path);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw error(path, display, "expected a text value, found " + describe(value));
    }

    private boolean bool(String path, String display, boolean fallback) throws SiteConfigException {
        Boolean value = optionalBool(path, display);
        return value == null ? fallback : value;
    }

    private Boolean optionalBool(String path, String display) throws SiteConfigException {
        Object value = value(path);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw error(path, display, "expected true or false, found " + describe(value));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String path, String display) throws SiteConfigException {
        Object value = value(path);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw error(path, display, "expected a table of settings, found " + describe(value));
    }

    private SiteConfigException error(String path, String display, String problem) {
        String origin = origin(path);
        return new SiteConfigException((origin == null ? "" : origin + ": ") + display + ": " + problem);
    }

    /** The files that set a key or anything below it, by name; {@code null} when none. */
    private String origin(String path) {
        Set<String> files = new LinkedHashSet<>();
        leafOrigins.entrySet().stream()
                .filter(leaf -> leaf.getKey().equals(path) || leaf.getKey().startsWith(path + "."))
                .map(Map.Entry::getValue)
                .sorted()
                .forEach(files::add);
        return files.isEmpty() ? null : String.join(" and ", files);
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a table";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        return String.valueOf(value);
    }

    private String relative(Path file) {
        return dir.relativize(file).toString().replace(File.separatorChar, '/');
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
