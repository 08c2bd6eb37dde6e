package dev.blogsearch.indexer.content;

import dev.blogsearch.schema.LanguageCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a blog's content files live and which language each is in, by Hugo's rules: the content folder, plus the
 * folder of each language that has its own {@code contentDir}; a file's language is the one in its name
 * ({@code index.en.md}), else its folder's, else the site's default. Immutable and thread-safe.
 *
 * <p>Without a site configuration there is one folder, and any ISO 639-1 code in a file name counts as a
 * language ({@code post.zh-cn.md}); other files have no known language.
 */
final class ContentLayout {

    // A language code as Hugo's language keys and file names write them: zh, en, zh-cn, pt-br, zh-hans.
    private static final Pattern LANGUAGE_LIKE = Pattern.compile("[a-z]{2}(?:-[a-z0-9]{2,8})*");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    /**
     * A folder of content files.
     *
     * @param dir          absolute and normalised
     * @param language     the language of its files unless their names say otherwise, or {@code null} for the
     *                     site's default (or none, without a site)
     * @param sourcePrefix what the source paths of its files start with: empty when the blog has one folder, else
     *                     the folder's path relative to the site ({@code content/en/})
     */
    record Root(Path dir, String language, String sourcePrefix) {}

    /**
     * A content file's place.
     *
     * @param root     the folder it is in
     * @param path     its path relative to that folder without the language in the name ({@code posts/a.md} for
     *                 {@code posts/a.en.md}), {@code /}-separated
     * @param language its language, or {@code null} when unknown
     */
    record Located(Root root, String path, String language) {}

    private final HugoSite site;
    private final List<Root> roots;

    private ContentLayout(HugoSite site, List<Root> roots) {
        this.site = site;
        this.roots = List.copyOf(roots);
    }

    /**
     * The layout of the content in {@code contentDir} (the site's own content folder, or the folder given instead
     * of it) and, with a site, in its languages' folders.
     */
    static ContentLayout of(Path contentDir, HugoSite site) {
        Path main = contentDir.toAbsolutePath().normalize();
        if (site == null) {
            return new ContentLayout(null, List.of(new Root(main, null, "")));
        }
        List<Root> roots = new ArrayList<>();
        boolean mainUsed = false;
        for (HugoSite.Language language : site.languages()) {
            if (language.contentDir() == null) {
                mainUsed = true;
            } else {
                roots.add(new Root(site.dir().resolve(language.contentDir()).normalize(), language.code(), ""));
            }
        }
        if (mainUsed) {
            roots.add(0, new Root(main, null, ""));
        }
        if (roots.size() > 1) {
            List<Root> prefixed = new ArrayList<>();
            for (Root root : roots) {
                prefixed.add(new Root(
                        root.dir(), root.language(), slashPath(site.dir().relativize(root.dir())) + "/"));
            }
            roots = prefixed;
        }
        return new ContentLayout(site, roots);
    }

    List<Root> roots() {
        return roots;
    }

    /** The folder holding {@code absolute}: the deepest of the roots it is below; {@code null} when none. */
    Root rootOf(Path absolute) {
        Root found = null;
        for (Root root : roots) {
            if (absolute.startsWith(root.dir())
                    && (found == null || root.dir().getNameCount() > found.dir().getNameCount())) {
                found = root;
            }
        }
        return found;
    }

    /** The folder a source path belongs to: the one with the longest matching prefix. */
    Root rootOf(String source) {
        Root found = null;
        for (Root root : roots) {
            if (source.startsWith(root.sourcePrefix())
                    && (found == null
                            || root.sourcePrefix().length()
                                    > found.sourcePrefix().length())) {
                found = root;
            }
        }
        return found;
    }

    /** Where a source path ({@link #rootOf(String)}) is, and its language. */
    Located locate(String source) {
        Root root = rootOf(source);
        String relative = source.substring(root.sourcePrefix().length());
        int slash = relative.lastIndexOf('/');
        String folder = relative.substring(0, slash + 1);
        String name = relative.substring(slash + 1);
        int extension = name.lastIndexOf('.');
        String stem = extension > 0 ? name.substring(0, extension) : name;
        int dot = stem.lastIndexOf('.');
        if (dot > 0) {
            String candidate = LanguageCodes.of(stem.substring(dot + 1));
            if (isLanguage(candidate)) {
                return new Located(root, folder + stem.substring(0, dot) + name.substring(stem.length()), candidate);
            }
        }
        return new Located(root, relative, root.language() != null ? root.language() : defaultLanguage());
    }

    /** Whether the language is one whose pages the site does not publish ({@code disableLanguages}). */
    boolean disabled(String language) {
        return site != null && language != null && site.disabledLanguages().contains(language);
    }

    /**
     * What a post's id starts with: nothing in the default language (so single-language blogs keep their ids),
     * else its language and a {@code /}.
     */
    String idPrefix(String language) {
        return language == null || language.equals(defaultLanguage()) ? "" : language + "/";
    }

    /**
     * The folder of a language's URLs below the base path: none for the default language unless
     * {@code defaultContentLanguageInSubdir}, else the language and a {@code /}.
     */
    String urlPrefix(String language) {
        if (language == null) {
            return "";
        }
        boolean inSubdir = !language.equals(defaultLanguage()) || (site != null && site.defaultLanguageInSubdir());
        return inSubdir ? language + "/" : "";
    }

    /** The path every URL starts with: the base URL's path ({@code /} without a site). */
    String basePath() {
        return site == null ? "/" : site.basePath();
    }

    private String defaultLanguage() {
        return site == null ? null : site.defaultLanguage();
    }

    private boolean isLanguage(String candidate) {
        if (site != null) {
            return site.language(candidate) != null || site.disabledLanguages().contains(candidate);
        }
        return LANGUAGE_LIKE.matcher(candidate).matches() && ISO_LANGUAGES.contains(candidate.substring(0, 2));
    }

    static String slashPath(Path relative) {
        List<String> names = new ArrayList<>();
        relative.forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }
}
