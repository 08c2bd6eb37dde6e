package dev.blogsearch.indexer.content;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown posts of a Hugo content directory (Jekyll's {@code _posts} and {@code _drafts} work too)
 * into {@link Post}s. Immutable and thread-safe: posts can be read in parallel with one reader.
 */
public final class HugoPostReader {

    // Hugo's and Jekyll's date prefix of a file name: 2019-05-06-awesome-bpf.md
    private static final Pattern DATE_PREFIX = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-");

    // Hugo's front matter date keys, in the order Hugo's default dates config tries them for .Date.
    private static final List<String> DATE_KEYS = List.of("date", "publishdate", "pubdate", "published");

    private final ReaderOptions options;
    private final HugoDates dates;
    private final MarkdownText markdown = new MarkdownText();

    public HugoPostReader(ReaderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.dates = new HugoDates(options.defaultZone());
    }

    /**
     * Every {@code *.md} and {@code *.markdown} file below {@code contentDir}, sorted by relative path. Skipped:
     * Hugo's list pages ({@code _index.md}) and hidden files and folders (names starting with {@code .}). Unless
     * {@link ReaderOptions#followSymlinks()}, folders behind symbolic links are not entered. A post name that is not
     * a regular file (a symbolic link not followed, a device, a named pipe, a socket) is listed too, so that
     * {@link #inspect} reports it rather than it vanishing without a word.
     *
     * @return absolute paths, ready for {@link #read}; each names its file by the bytes the file system gave, so a
     *     name that is not UTF-8 still names its file (and is reported by {@link #inspect})
     */
    public List<Path> listPosts(Path contentDir) throws IOException {
        List<Path> relativePaths = new ArrayList<>();
        Path root = contentDir.toRealPath();
        Set<FileVisitOption> walkOptions = options.followSymlinks()
                ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                : EnumSet.noneOf(FileVisitOption.class);
        Files.walkFileTree(root, walkOptions, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
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
        relativePaths.sort(Comparator.comparing(HugoPostReader::slashPath));
        Path absoluteDir = contentDir.toAbsolutePath().normalize();
        List<Path> posts = new ArrayList<>(relativePaths.size());
        for (Path relative : relativePaths) {
            posts.add(absoluteDir.resolve(relative));
        }
        return posts;
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
     * Reads one post.
     *
     * @param contentDir the content directory, the root of ids and section names
     * @param file       a file below {@code contentDir}, absolute or relative to it
     * @throws PostReadException when the file is not a regular file ({@link #inspect}), cannot be read, is too large,
     *                           is not UTF-8 text, or its front matter or date is invalid; the message names no
     *                           absolute path
     */
    public Post read(Path contentDir, Path file) throws PostReadException {
        Path absolute = absolute(contentDir, file);
        return parse(contentDir, absolute, readBytes(absolute, sourcePath(contentDir, absolute)));
    }

    /**
     * Reads one post from bytes already read from its file (by {@link #readBytes}).
     *
     * @param contentDir the content directory, the root of ids and section names
     * @param file       the file the bytes come from, below {@code contentDir}, absolute or relative to it
     * @throws PostReadException when the bytes are not UTF-8 text or the front matter or date is invalid
     */
    public Post parse(Path contentDir, Path file, byte[] bytes) throws PostReadException {
        String sourcePath = sourcePath(contentDir, absolute(contentDir, file));
        FrontMatter frontMatter = FrontMatter.parse(Utf8Text.decode(bytes));
        PostText text = markdown.extract(frontMatter.body());
        String[] parts = sourcePath.split("/");
        String baseName = Permalinks.contentBaseName(parts);

        String title = firstNonBlank(
                frontMatter.string("title"),
                text.headings().isEmpty() ? null : text.headings().get(0).text(),
                baseName);
        OffsetDateTime date = date(frontMatter, baseName);
        String url = options.permalinks()
                .urlOf(new Permalinks.Page(
                        sourcePath, frontMatter.string("slug"), frontMatter.string("url"), title, date));
        boolean draft = frontMatter.bool("draft")
                || Arrays.asList(parts).subList(0, parts.length - 1).contains("_drafts");
        String summary = firstNonBlank(frontMatter.string("description"), frontMatter.string("summary"), "");
        return new Post(
                id(sourcePath),
                sourcePath,
                url,
                title,
                date,
                frontMatter.stringList("tags"),
                frontMatter.stringList("categories"),
                draft,
                summary,
                text);
    }

    private static Path absolute(Path contentDir, Path file) {
        Path root = contentDir.toAbsolutePath().normalize();
        Path absolute = root.resolve(file).normalize(); // an absolute file stays as it is
        if (!absolute.startsWith(root)) {
            throw new IllegalArgumentException("the post is not below the content directory");
        }
        return absolute;
    }

    private static String sourcePath(Path contentDir, Path absolute) {
        return slashPath(contentDir.toAbsolutePath().normalize().relativize(absolute));
    }

    /** Front matter {@code date} (or Hugo's other date keys), else the file name's date prefix, else none. */
    private OffsetDateTime date(FrontMatter frontMatter, String baseName) throws PostReadException {
        for (String key : DATE_KEYS) {
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

    /** The path without extension; a bundle ({@code posts/foo/index.md}) is its folder ({@code posts/foo}). */
    /**
     * The id of the post in a file ({@link Post#id()}), from its {@code /}-separated path relative to the content
     * directory alone, so two files that would get the same id are found without reading either.
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
        List<String> names = new ArrayList<>();
        relative.forEach(name -> names.add(name.toString()));
        return String.join("/", names);
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
