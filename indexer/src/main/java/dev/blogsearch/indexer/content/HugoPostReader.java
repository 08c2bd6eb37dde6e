package dev.blogsearch.indexer.content;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown posts of a Hugo content directory (Jekyll's {@code _posts} and {@code _drafts} work too)
 * into {@link Post}s. Immutable and thread-safe: posts can be read in parallel with one reader.
 *
 * <p>With a {@link ReaderOptions#site() site}, posts are read as Hugo reads that site: its languages (from file
 * names and the languages' content folders), its base path and its taxonomies apply, a post's date is only what its
 * front matter says (Hugo's date keys, {@code lastmod} last), and URLs follow Hugo's rules ({@link Permalinks}).
 * Without one, a content folder is read on its own: our documented permalink rules, and a date from the file name
 * ({@code 2019-05-06-awesome-bpf.md}) when the front matter has none.
 */
public final class HugoPostReader {

    // Hugo's and Jekyll's date prefix of a file name: 2019-05-06-awesome-bpf.md
    private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-");

    // Hugo's front matter date keys, in the order Hugo's default dates config tries them for .Date.
    private static final List<String> DATE_KEYS = List.of("date", "publishdate", "pubdate", "published");
    // Hugo's last resorts for .Date, after the keys above: the page's last modification.
    private static final List<String> HUGO_LASTMOD_KEYS = List.of("lastmod", "modified");
    // Hugo's keys for .PublishDate and .ExpiryDate.
    private static final List<String> PUBLISH_DATE_KEYS = List.of("publishdate", "pubdate", "published");
    private static final List<String> EXPIRY_DATE_KEYS = List.of("expirydate", "unpublishdate");

    // A leaf bundle's page file: index.md, or one per language (index.en.md).
    private static final Pattern BUNDLE_INDEX =
            Pattern.compile("index(\\.[^.]+)?\\.(md|markdown)", Pattern.CASE_INSENSITIVE);

    // Hugo's summary divider: what comes before it is the page's summary.
    private static final String SUMMARY_DIVIDER = "<!--more-->";

    private final ReaderOptions options;
    private final HugoDates dates;
    private final MarkdownText markdown = new MarkdownText();

    public HugoPostReader(ReaderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.dates = new HugoDates(options.defaultZone());
    }

    /** The options this reader reads with. */
    public ReaderOptions options() {
        return options;
    }

    /**
     * Every {@code *.md} and {@code *.markdown} file below {@code contentDir}, sorted by relative path. Skipped:
     * Hugo's list pages ({@code _index.md}), hidden files and folders (names starting with {@code .}), and the
     * other Markdown files of a leaf bundle (a folder with an {@code index.md}), which Hugo makes resources of the
     * bundle's page, not pages. Unless {@link ReaderOptions#followSymlinks()}, folders behind symbolic links are not
     * entered. A post name that is not a regular file (a symbolic link not followed, a device, a named pipe, a
     * socket) is listed too, so that {@link #inspect} reports it rather than it vanishing without a word.
     *
     * @return absolute paths, ready for {@link #read}; each names its file by the bytes the file system gave, so a
     *     name that is not UTF-8 still names its file (and is reported by {@link #inspect})
     */
    public List<Path> listPosts(Path contentDir) throws IOException {
        List<Path> posts = new ArrayList<>();
        for (ContentFile file : listFiles(contentDir)) {
            posts.add(file.file());
        }
        return posts;
    }

    /**
     * The files {@link #listPosts} lists, with their source paths; with a site whose languages have content folders
     * of their own, the files of those folders too. Files in a language the site disables are left out.
     *
     * @throws IOException when a content folder cannot be listed or does not exist
     */
    public List<ContentFile> listFiles(Path contentDir) throws IOException {
        checkContentDirs(contentDir);
        ContentLayout layout = ContentLayout.of(contentDir, options.site());
        List<ContentFile> files = new ArrayList<>();
        for (ContentLayout.Root root : layout.roots()) {
            for (Path relative : listRoot(layout, root)) {
                String source = root.sourcePrefix() + slashPath(relative);
                if (!layout.disabled(layout.locate(source).language())) {
                    // The relative path, not its text, names the file: a name that is not UTF-8 still finds it.
                    files.add(new ContentFile(root.dir().resolve(relative), source));
                }
            }
        }
        files.sort(Comparator.comparing(ContentFile::source));
        return files;
    }

    /**
     * The folders the content is read from: {@code contentDir}, unless every language of the site has a folder of
     * its own, and those folders. Absolute.
     */
    public List<Path> contentDirs(Path contentDir) {
        List<Path> dirs = new ArrayList<>();
        ContentLayout.of(contentDir, options.site()).roots().forEach(root -> dirs.add(root.dir()));
        return dirs;
    }

    /**
     * Checks that the {@link #contentDirs content folders} exist.
     *
     * @throws IOException naming the folder that is missing
     */
    public void checkContentDirs(Path contentDir) throws IOException {
        for (ContentLayout.Root root :
                ContentLayout.of(contentDir, options.site()).roots()) {
            if (!Files.isDirectory(root.dir())) {
                throw new IOException("content directory " + root.dir() + " does not exist or is not a directory"
                        + (root.language() == null ? "" : " (the contentDir of language " + root.language() + ")"));
            }
        }
    }

    private List<Path> listRoot(ContentLayout layout, ContentLayout.Root contentRoot) throws IOException {
        List<Path> relativePaths = new ArrayList<>();
        Path root = contentRoot.dir().toRealPath();
        // The other content folders nested in this one hold their own language's files.
        Set<Path> otherRoots = new HashSet<>();
        for (ContentLayout.Root other : layout.roots()) {
            if (other != contentRoot && Files.isDirectory(other.dir())) {
                otherRoots.add(other.dir().toRealPath());
            }
        }
        Set<FileVisitOption> walkOptions = options.followSymlinks()
                ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                : EnumSet.noneOf(FileVisitOption.class);
        Files.walkFileTree(root, walkOptions, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                if (isHidden(dir) || otherRoots.contains(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                List<Path> bundleIndexes = bundleIndexes(dir);
                if (bundleIndexes.isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                // A leaf bundle: its page is the index file; every other file below it is a resource of the page.
                for (Path index : bundleIndexes) {
                    relativePaths.add(root.relativize(index));
                }
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isDirectory() && !isHidden(file) && isPost(file)) {
                    relativePaths.add(root.relativize(file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE; // a followed link back up the tree: its posts are listed once
                }
                throw e;
            }
        });
        return relativePaths;
    }

    /** The page files of the leaf bundle {@code dir} ({@code index.md}, {@code index.en.md}); empty when it is none. */
    private static List<Path> bundleIndexes(Path dir) throws IOException {
        List<Path> indexes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (BUNDLE_INDEX.matcher(entry.getFileName().toString()).matches()
                        && !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    indexes.add(entry);
                }
            }
        }
        return indexes;
    }

    /**
     * The id of the post in a file ({@link Post#id()}), from its source path and the site's languages alone, so
     * two files that would get the same id are found without reading either.
     */
    public String idOf(Path contentDir, String source) {
        ContentLayout layout = ContentLayout.of(contentDir, options.site());
        ContentLayout.Located at = layout.locate(source);
        return layout.idPrefix(at.language()) + id(at.path());
    }

    /**
     * Checks what a post file is before any of it is read ({@link PostFiles}): a regular file, or with
     * {@link ReaderOptions#followSymlinks()} a link to one.
     *
     * @return the attributes of the file {@link #readBytes} would read (a followed link's target)
     * @throws PostReadException naming what the file is instead: a device, a named pipe, a link not followed...
     */
    public BasicFileAttributes inspect(Path file) throws PostReadException {
        return PostFiles.check(file, options.followSymlinks());
    }

    /**
     * The bytes of a post file, checked as {@link #inspect} does just before it is opened, and never more than
     * {@link ReaderOptions#maxFileBytes()} of them.
     *
     * @param file       an absolute path below {@code contentDir}
     * @param sourcePath the file relative to the content directory, for messages
     */
    public byte[] readBytes(Path file, String sourcePath) throws PostReadException {
        return PostFiles.read(file, options.followSymlinks(), options.maxFileBytes(), sourcePath);
    }

    /**
     * The file of a post's source path ({@link Post#sourcePath()}, as the index keeps it): below the content folder,
     * or below its language's content folder on a site with several.
     */
    public Path fileOf(Path contentDir, String source) {
        ContentLayout.Root root = ContentLayout.of(contentDir, options.site()).rootOf(source);
        return root.dir()
                .resolve(source.substring(root.sourcePrefix().length()))
                .normalize();
    }

    /**
     * Reads one post.
     *
     * @param contentDir the content directory, the root of ids and section names
     * @param file       a file below {@code contentDir} (or a language's content folder), absolute or relative to it
     * @throws PostReadException when the file is not a regular file ({@link #inspect}), cannot be read, is too large,
     *                           is not UTF-8 text, or its front matter or date is invalid; the message names no
     *                           absolute path
     */
    public Post read(Path contentDir, Path file) throws PostReadException {
        ContentLayout layout = ContentLayout.of(contentDir, options.site());
        Path absolute = absolute(contentDir, file);
        String sourcePath = sourcePath(layout, absolute);
        return parse(layout, sourcePath, readBytes(absolute, sourcePath));
    }

    /**
     * Reads one post from bytes already read from its file (by {@link #readBytes}).
     *
     * @param contentDir the content directory, the root of ids and section names
     * @param file       the file the bytes come from, below {@code contentDir}, absolute or relative to it
     * @throws PostReadException when the bytes are not UTF-8 text or the front matter or date is invalid
     */
    public Post parse(Path contentDir, Path file, byte[] bytes) throws PostReadException {
        ContentLayout layout = ContentLayout.of(contentDir, options.site());
        return parse(layout, sourcePath(layout, absolute(contentDir, file)), bytes);
    }

    /** Reads one post that {@link #listFiles} listed from bytes already read from it (by {@link #readBytes}). */
    public Post parse(Path contentDir, ContentFile file, byte[] bytes) throws PostReadException {
        return parse(ContentLayout.of(contentDir, options.site()), file.source(), bytes);
    }

    /** {@code file} made absolute against {@code contentDir}; it must be below it or a language's content folder. */
    private Path absolute(Path contentDir, Path file) {
        Path absolute = contentDir.toAbsolutePath().normalize().resolve(file).normalize();
        if (ContentLayout.of(contentDir, options.site()).rootOf(absolute) == null) {
            throw new IllegalArgumentException("the post is not below the content directory");
        }
        return absolute;
    }

    private static String sourcePath(ContentLayout layout, Path absolute) {
        ContentLayout.Root root = layout.rootOf(absolute);
        return root.sourcePrefix() + slashPath(root.dir().relativize(absolute));
    }

    private Post parse(ContentLayout layout, String sourcePath, byte[] bytes) throws PostReadException {
        FrontMatter frontMatter = FrontMatter.parse(Utf8Text.decode(bytes));
        PostText text = markdown.extract(frontMatter.body());
        ContentLayout.Located at = layout.locate(sourcePath);
        String[] parts = at.path().split("/");
        String baseName = Permalinks.contentBaseName(parts);
        boolean hugoSite = options.site() != null;

        String title = firstNonBlank(
                frontMatter.string("title"),
                text.headings().isEmpty() ? null : text.headings().get(0).text(),
                baseName);
        OffsetDateTime date = date(frontMatter, baseName, hugoSite);
        Permalinks permalinks = options.permalinks();
        String ownUrl = frontMatter.string("url");
        String path = permalinks.urlOf(new Permalinks.Page(
                at.path(),
                frontMatter.string("slug"),
                ownUrl,
                // Hugo's :title and :slug read the front matter title alone.
                hugoSite ? Objects.requireNonNullElse(frontMatter.string("title"), "") : title,
                date,
                permalinks.needsSections(at.path()) ? sectionPath(at.root().dir(), parts) : null));
        // A front matter url is the page's whole path below the base: Hugo adds no language folder to it.
        boolean hasOwnUrl = ownUrl != null && !ownUrl.isBlank();
        String url = layout.basePath() + (hasOwnUrl ? "" : layout.urlPrefix(at.language())) + path.substring(1);
        List<String> folders = Arrays.asList(sourcePath.split("/"));
        boolean draft = frontMatter.bool("draft")
                || folders.subList(0, folders.size() - 1).contains("_drafts");
        String summary = firstNonBlank(
                frontMatter.string("description"), frontMatter.string("summary"), dividedSummary(frontMatter.body()));
        String pathId = id(at.path());
        return new Post(
                layout.idPrefix(at.language()) + pathId,
                sourcePath,
                url,
                title,
                date,
                frontMatter.stringList("tags"),
                frontMatter.stringList("categories"),
                draft,
                summary,
                text,
                at.language(),
                firstNonBlank(frontMatter.string("translationkey"), pathId),
                firstNonBlank(frontMatter.string("linktitle"), ""),
                aliases(frontMatter.stringList("aliases"), url, layout.basePath()),
                taxonomies(frontMatter),
                publishing(frontMatter, parts));
    }

    /** The text before Hugo's {@code <!--more-->} divider, or {@code null} when the body has none. */
    private String dividedSummary(String body) {
        int divider = body.indexOf(SUMMARY_DIVIDER);
        return divider < 0 ? null : markdown.extract(body.substring(0, divider)).body();
    }

    /**
     * The path of the post's section as Hugo's {@code :sections} gives it: its folders down to the deepest one that
     * is a section, a top-level folder or one with an {@code _index} file.
     */
    private static String sectionPath(Path rootDir, String[] parts) {
        int folders = parts.length - (Permalinks.isBundle(parts) ? 2 : 1);
        if (folders <= 0) {
            return "";
        }
        int deepest = 0;
        Path dir = rootDir.resolve(parts[0]);
        for (int i = 1; i < folders; i++) {
            dir = dir.resolve(parts[i]);
            if (hasListPage(dir)) {
                deepest = i;
            }
        }
        return String.join("/", Arrays.asList(parts).subList(0, deepest + 1));
    }

    private static boolean hasListPage(Path dir) {
        try (DirectoryStream<Path> lists = Files.newDirectoryStream(dir, "_index.*")) {
            return lists.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Front matter aliases as the URLs Hugo writes a redirect at: one starting with {@code /} is below the base
     * path (and in no language's folder); any other is beside the post's own URL. One without a file extension is
     * a folder.
     */
    private static List<String> aliases(List<String> written, String url, String basePath) {
        List<String> aliases = new ArrayList<>();
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String beside = trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
        for (String alias : written) {
            String resolved = alias.startsWith("/") ? basePath + alias.substring(1) : beside + alias;
            if (!resolved.endsWith("/")
                    && !resolved.substring(resolved.lastIndexOf('/')).contains(".")) {
                resolved += "/";
            }
            aliases.add(resolved.replaceAll("/{2,}", "/"));
        }
        return aliases;
    }

    /** The terms of each of the site's taxonomies besides tags and categories, as written. */
    private Map<String, List<String>> taxonomies(FrontMatter frontMatter) {
        if (options.site() == null) {
            return Map.of();
        }
        Map<String, List<String>> terms = new LinkedHashMap<>();
        for (String plural : options.site().customTaxonomies()) {
            List<String> values = frontMatter.stringList(plural);
            if (!values.isEmpty()) {
                terms.put(plural, values);
            }
        }
        return terms;
    }

    private Publishing publishing(FrontMatter frontMatter, String[] parts) throws PostReadException {
        // Hugo 0.111 reads _build; later versions read build too.
        Object build = frontMatter.get("_build") != null ? frontMatter.get("_build") : frontMatter.get("build");
        String list = "always";
        String render = "always";
        if (build instanceof Map<?, ?> options) {
            for (Map.Entry<?, ?> option : options.entrySet()) {
                String key = String.valueOf(option.getKey()).toLowerCase(Locale.ROOT);
                String value = String.valueOf(option.getValue()).strip().toLowerCase(Locale.ROOT);
                if (key.equals("list")) {
                    list = value;
                } else if (key.equals("render")) {
                    render = value;
                }
            }
        }
        return new Publishing(
                firstDate(frontMatter, PUBLISH_DATE_KEYS),
                firstDate(frontMatter, EXPIRY_DATE_KEYS),
                list.equals("always") || list.equals("true"),
                !render.equals("never") && !render.equals("link") && !render.equals("false"),
                // Only a leaf bundle can be headless.
                frontMatter.bool("headless") && Permalinks.isBundle(parts));
    }

    /**
     * Front matter {@code date} (or Hugo's other date keys; for a Hugo site {@code lastmod} last), else, without a
     * site, the file name's date prefix, else none.
     */
    private OffsetDateTime date(FrontMatter frontMatter, String baseName, boolean hugoSite) throws PostReadException {
        OffsetDateTime date = firstDate(frontMatter, DATE_KEYS);
        if (date == null && hugoSite) {
            date = firstDate(frontMatter, HUGO_LASTMOD_KEYS);
        }
        if (date != null || hugoSite) {
            return date;
        }
        Matcher prefix = DATE_PREFIX.matcher(baseName);
        if (prefix.find()) {
            try {
                return LocalDate.of(
                                Integer.parseInt(prefix.group(1)),
                                Integer.parseInt(prefix.group(2)),
                                Integer.parseInt(prefix.group(3)))
                        .atStartOfDay(options.defaultZone())
                        .toOffsetDateTime();
            } catch (DateTimeException notADate) {
                // A name like 2019-13-99-notes.md only looks dated; the post then has no date.
            }
        }
        return null;
    }

    /** The first of {@code keys} that holds a date; {@code null} when none does. */
    private OffsetDateTime firstDate(FrontMatter frontMatter, List<String> keys) throws PostReadException {
        for (String key : keys) {
            Object value = frontMatter.get(key);
            OffsetDateTime date;
            try {
                date = dates.parse(value);
            } catch (PostReadException e) {
                throw new PostReadException("front matter " + key + ": " + e.getMessage(), e);
            }
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /**
     * The id of the post in a file of a single-language blog read without its site ({@link Post#id()}): the
     * {@code /}-separated path relative to the content directory without extension; a bundle
     * ({@code posts/foo/index.md}) is its folder ({@code posts/foo}).
     */
    public static String id(String sourcePath) {
        int slash = sourcePath.lastIndexOf('/');
        int dot = sourcePath.lastIndexOf('.');
        String path = dot > slash + 1 ? sourcePath.substring(0, dot) : sourcePath;
        return slash > 0 && path.substring(slash + 1).equalsIgnoreCase("index") ? path.substring(0, slash) : path;
    }

    private static boolean isPost(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".md") || name.endsWith(".markdown"))
                && !name.equals("_index.md")
                && !name.equals("_index.markdown");
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static String slashPath(Path relative) {
        return ContentLayout.slashPath(relative);
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return "";
    }
}
