package dev.blogsearch.bench;

import dev.blogsearch.indexer.content.FrontMatter;
import dev.blogsearch.indexer.content.PostReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a Hugo blog of N posts out of the real blogs of the shared corpus, so the benchmarks index and search text
 * with real word statistics at any size. Each generated post takes the title, tags and most of its paragraphs,
 * headings and code blocks from one source blog (a post keeps one author's language mix), and some blocks from any
 * blog. The same seed and sources always give the same blog, byte for byte.
 *
 * <p>Usage: {@code CorpusGenerator <corpus dir> <posts> <output content dir> [seed]}. The output directory is
 * replaced; it must lie outside the repository (the corpus text must never be committed).
 */
public final class CorpusGenerator {

    public static final long DEFAULT_SEED = 20_261_127L;
    /** Longer blocks are skipped: one 100 KB table would dominate whichever posts drew it. */
    static final int MAX_BLOCK_CHARS = 3_000;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** The recombinable pieces of one source blog. */
    record SourceBlog(
            String name,
            List<String> titles,
            List<List<String>> tagSets,
            List<String> paragraphs,
            List<String> headings,
            List<String> codeBlocks) {

        boolean usable() {
            return !titles.isEmpty() && !paragraphs.isEmpty();
        }
    }

    private final List<SourceBlog> blogs;
    private final long seed;

    CorpusGenerator(List<SourceBlog> blogs, long seed) {
        this.blogs = List.copyOf(blogs);
        this.seed = seed;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: CorpusGenerator <corpus dir> <posts> <output content dir> [seed]");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        int posts = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        long started = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(readCorpus(corpus), seed);
        long bytes = generator.write(posts, out);
        System.out.printf(
                Locale.ROOT,
                "Generated %d posts (%.1f MB of Markdown) in %s in %.1f s%n",
                posts,
                bytes / 1e6,
                out,
                (System.nanoTime() - started) / 1e9);
    }

    /** Every blog folder under the corpus directory, in name order. */
    static List<SourceBlog> readCorpus(Path corpus) throws IOException {
        List<SourceBlog> blogs = new ArrayList<>();
        try (Stream<Path> folders = Files.list(corpus)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                SourceBlog blog = readBlog(folder);
                if (blog.usable()) {
                    blogs.add(blog);
                }
            }
        }
        if (blogs.isEmpty()) {
            throw new IOException("no blog with posts under " + corpus);
        }
        return blogs;
    }

    static SourceBlog readBlog(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(file -> file.toString().endsWith(".md") && Files.isRegularFile(file))
                    .filter(file -> !file.getFileName().toString().startsWith("_index"))
                    .sorted()
                    .toList();
        }
        SourceBlog blog = new SourceBlog(
                folder.getFileName().toString(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>());
        for (Path file : files) {
            FrontMatter post;
            try {
                post = FrontMatter.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (PostReadException | UncheckedIOException | java.nio.charset.MalformedInputException e) {
                continue;
            }
            String title = post.string("title");
            if (title != null && !title.isBlank()) {
                blog.titles().add(oneLine(title));
            }
            Set<String> tags = new LinkedHashSet<>();
            for (String key : List.of("tags", "categories")) {
                try {
                    post.stringList(key).stream()
                            .map(CorpusGenerator::oneLine)
                            .filter(tag -> !tag.isBlank())
                            .forEach(tags::add);
                } catch (RuntimeException notAList) {
                    // a front matter value of another shape: the post just gives no tags
                }
            }
            if (!tags.isEmpty()) {
                blog.tagSets().add(List.copyOf(tags));
            }
            splitBlocks(post.body(), blog);
        }
        return blog;
    }

    /** Fenced code blocks whole; other blocks end at a blank line; a line starting with # is a heading. */
    static void splitBlocks(String body, SourceBlog blog) {
        String[] lines = body.replace("\r\n", "\n").split("\n", -1);
        StringBuilder block = new StringBuilder();
        String fence = null;
        for (String line : lines) {
            String stripped = line.strip();
            if (fence != null) {
                block.append(line).append('\n');
                if (stripped.startsWith(fence)) {
                    add(blog.codeBlocks(), block);
                    fence = null;
                }
                continue;
            }
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                add(blog.paragraphs(), block);
                fence = stripped.substring(0, 3);
                block.append(line).append('\n');
            } else if (stripped.startsWith("#")) {
                add(blog.paragraphs(), block);
                String heading = stripped.replaceFirst("^#+\\s*", "").strip();
                if (!heading.isEmpty() && heading.length() < 120) {
                    blog.headings().add(heading);
                }
            } else if (stripped.isEmpty()) {
                add(blog.paragraphs(), block);
            } else {
                block.append(line).append('\n');
            }
        }
        add(blog.paragraphs(), block);
    }

    private static void add(List<String> pool, StringBuilder block) {
        String text = block.toString().strip();
        block.setLength(0);
        if (text.length() >= 8 && text.length() <= MAX_BLOCK_CHARS && !text.equals("<!--more-->")) {
            pool.add(text);
        }
    }

    /** Writes {@code posts} posts under {@code out/posts/}, replacing {@code out}; returns the bytes written. */
    long write(int posts, Path out) throws IOException {
        deleteTree(out);
        Random random = new Random(seed);
        long bytes = 0;
        for (int i = 0; i < posts; i++) {
            // A thousand posts a folder, as a big blog would be organised.
            Path file = out.resolve("posts")
                    .resolve(String.format(Locale.ROOT, "%03d", i / 1000))
                    .resolve(String.format(Locale.ROOT, "p%06d.md", i));
            Files.createDirectories(file.getParent());
            byte[] post = post(random, i).getBytes(StandardCharsets.UTF_8);
            Files.write(file, post);
            bytes += post.length;
        }
        return bytes;
    }

    /** One post: front matter, then 4 to 23 blocks, a heading every few blocks. */
    String post(Random random, int number) {
        SourceBlog own = pickBlog(random);
        String title = pick(random, own.titles());
        if (random.nextInt(4) == 0) {
            title = title + "：" + pick(random, pickBlog(random).titles());
        }
        List<String> tags = own.tagSets().isEmpty() ? List.of() : pick(random, own.tagSets());
        LocalDateTime date = LocalDateTime.of(2012, 1, 1, 0, 0).plusMinutes(random.nextInt(14 * 365 * 24 * 60));
        StringBuilder post = new StringBuilder(8192);
        post.append("---\n");
        post.append("title: ").append(quoted(title)).append('\n');
        post.append("date: ")
                .append(DATE.format(date.atOffset(ZoneOffset.ofHours(8))))
                .append('\n');
        post.append("tags: [");
        for (int i = 0; i < tags.size(); i++) {
            post.append(i == 0 ? "" : ", ").append(quoted(tags.get(i)));
        }
        post.append("]\n");
        post.append("slug: ")
                .append(String.format(Locale.ROOT, "p%06d", number))
                .append('\n');
        post.append("---\n\n");
        int blocks = 4 + random.nextInt(20);
        for (int i = 0; i < blocks; i++) {
            SourceBlog from = random.nextInt(5) == 0 ? pickBlog(random) : own;
            if (i > 0 && i % 4 == 0 && !from.headings().isEmpty()) {
                post.append("## ").append(pick(random, from.headings())).append("\n\n");
            }
            boolean code = !from.codeBlocks().isEmpty() && random.nextInt(6) == 0;
            post.append(pick(random, code ? from.codeBlocks() : from.paragraphs()))
                    .append("\n\n");
        }
        return post.toString();
    }

    /** A blog chosen in proportion to its number of paragraphs. */
    private SourceBlog pickBlog(Random random) {
        int total = blogs.stream().mapToInt(blog -> blog.paragraphs().size()).sum();
        int target = random.nextInt(total);
        for (SourceBlog blog : blogs) {
            target -= blog.paragraphs().size();
            if (target < 0) {
                return blog;
            }
        }
        return blogs.get(blogs.size() - 1);
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** A YAML double-quoted scalar (JSON string syntax is valid YAML). */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
