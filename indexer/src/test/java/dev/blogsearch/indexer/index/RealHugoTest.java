package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.blogsearch.indexer.content.HugoSite;
import dev.blogsearch.indexer.content.HugoSiteConfig;
import dev.blogsearch.indexer.content.Permalinks;
import dev.blogsearch.indexer.content.SiteConfigException;
import dev.blogsearch.indexer.testing.RealHugo;
import dev.blogsearch.indexer.testing.SharedCorpus;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index holds exactly what Hugo publishes, where Hugo publishes it: Debian's {@code hugo} (0.111) builds a site,
 * the indexer indexes the same site ({@code --site}), and the two are compared. Checked: the posts indexed are the
 * regular pages Hugo published (none missing, none extra), each at Hugo's URL, in Hugo's language, linked to Hugo's
 * translations and terms; every URL and alias the index holds is a file in {@code public/}; every heading anchor
 * the index holds is an {@code id} in that page's HTML.
 *
 * <p>Sites: the fixture {@code hugo-site/} (every publishing rule, two languages) and each blog of the shared
 * corpus that its SOURCE.txt says Hugo builds, its posts copied under the section it names, with the fixture's
 * minimal layouts and the configuration values SOURCE.txt records. A Jekyll blog is skipped.
 */
class RealHugoTest {

    private static final Path FIXTURE = Path.of("src/test/resources/hugo-site");
    private static final Pattern CONTENT_SECTION = Pattern.compile("content path:\\s+content/([^/\\s]+)/");
    private static final Pattern CONFIG_VALUE = Pattern.compile("(\\w+)\\s*=\\s*([\\w.:/-]+)");

    @TempDir
    static Path temp;

    @Test
    void theFixtureSiteIsIndexedExactlyAsHugoPublishesIt() throws Exception {
        Comparison fixture = compare("fixture", FIXTURE);
        // What the fixture's rules leave, counted by hand: 8 Chinese pages and 3 English ones.
        assertThat(fixture.posts).hasSize(11);
        fixture.assertAgrees();
    }

    static Stream<String> hugoBlogs() throws IOException {
        List<String> blogs = new ArrayList<>();
        try (Stream<Path> folders = Files.list(SharedCorpus.dir())) {
            for (Path folder : folders.sorted().toList()) {
                Path source = folder.resolve("SOURCE.txt");
                if (!Files.isRegularFile(source)) {
                    continue;
                }
                String generator = line(Files.readString(source, StandardCharsets.UTF_8), "generator:");
                if (generator.startsWith("Hugo")) {
                    blogs.add(folder.getFileName().toString());
                } else {
                    System.out.println("RealHugoTest: skipping " + folder.getFileName() + ", built by " + generator);
                }
            }
        }
        return blogs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hugoBlogs")
    void everyCorpusBlogBuiltByHugoIsIndexedExactlyAsHugoPublishesIt(String blog) throws Exception {
        Path site = corpusSite(blog);
        Comparison comparison = compare(blog, site);
        assertThat(comparison.posts).isNotEmpty();
        comparison.assertAgrees();
    }

    /** A Hugo site of a corpus blog: its posts in the section SOURCE.txt names, its recorded config values. */
    private static Path corpusSite(String blog) throws IOException {
        Path corpus = SharedCorpus.blog(blog);
        String source = Files.readString(corpus.resolve("SOURCE.txt"), StandardCharsets.UTF_8);
        Matcher section = CONTENT_SECTION.matcher(source);
        if (!section.find()) {
            fail(blog + "/SOURCE.txt names no content/<section>/ path");
        }
        Path site = temp.resolve("sites").resolve(blog);
        copyTree(FIXTURE.resolve("layouts"), site.resolve("layouts"));
        copyTree(corpus.resolve(section.group(1)), site.resolve("content").resolve(section.group(1)));
        StringBuilder config = new StringBuilder("title = \"" + blog + "\"\n");
        Matcher value = CONFIG_VALUE.matcher(line(source, "generator:"));
        while (value.find()) {
            String text = value.group(2);
            boolean bool = text.equals("true") || text.equals("false");
            config.append(value.group(1))
                    .append(" = ")
                    .append(bool ? text : "\"" + text + "\"")
                    .append('\n');
        }
        Files.writeString(site.resolve("hugo.toml"), config, StandardCharsets.UTF_8);
        return site;
    }

    /** Builds {@code site} with Hugo and indexes it, each on a copy of its own. */
    private static Comparison compare(String name, Path site) throws IOException, SiteConfigException {
        Path copy = temp.resolve("copies").resolve(name);
        copyTree(site, copy);
        Path publicDir = temp.resolve("public").resolve(name);
        RealHugo.build(copy, publicDir, temp.resolve("hugo-cache"));

        HugoSite hugoSite = HugoSiteConfig.read(copy);
        SiteSettings.Resolved resolved = SiteSettings.resolve(
                hugoSite,
                new SiteSettings.Given(null, List.of(), null, false, false, false, 2, false, List.of()),
                setting -> setting);
        Path index = temp.resolve("index").resolve(name);
        IndexRunSummary summary = new BlogIndexer(resolved.settings()).rebuild(resolved.contentDir(), index);
        assertThat(summary.failures())
                .as(name + ": posts our reader could not read")
                .isEmpty();
        return new Comparison(name, hugoSite, publicDir, HugoPage.published(hugoSite, publicDir), indexed(index));
    }

    /** A regular page as Hugo listed it in the fixture's home page layout. */
    private record HugoPage(String lang, String url, String file, Set<String> translations, Set<String> terms) {

        /** The regular pages of every language that Hugo wrote a file for. */
        static Map<String, HugoPage> published(HugoSite site, Path publicDir) throws IOException {
            Path home = publicDir.resolve("index.html");
            if (site.defaultLanguageInSubdir()) {
                home = publicDir.resolve(site.defaultLanguage()).resolve("index.html");
            }
            Map<String, HugoPage> pages = new LinkedHashMap<>();
            for (Element item : Jsoup.parse(home.toFile(), "UTF-8").select("#pages li")) {
                String url = decode(item.attr("data-url"));
                if (!url.isEmpty() && Files.isRegularFile(fileOf(site, publicDir, url))) {
                    pages.put(
                            url,
                            new HugoPage(
                                    item.attr("data-lang"),
                                    url,
                                    item.attr("data-file"),
                                    decodedSet(item.attr("data-translations")),
                                    decodedSet(item.attr("data-terms"))));
                }
            }
            return pages;
        }
    }

    /** What the index holds of a post. */
    private record IndexedPost(
            String id,
            String url,
            String lang,
            String translationKey,
            List<String> anchors,
            List<String> aliases,
            Map<String, List<String>> terms) {}

    private static Map<String, IndexedPost> indexed(Path index) throws IOException {
        Map<String, IndexedPost> posts = new LinkedHashMap<>();
        try (Directory directory = FSDirectory.open(index);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                Document document = stored.document(doc);
                Map<String, List<String>> terms = new HashMap<>();
                terms.put("tags", List.of(document.getValues(PostFields.TAGS)));
                terms.put("categories", List.of(document.getValues(PostFields.CATEGORIES)));
                for (IndexableField field : document.getFields()) {
                    if (field.name().startsWith(PostFields.taxonomyField(""))) {
                        String plural = field.name()
                                .substring(PostFields.taxonomyField("").length());
                        terms.put(plural, List.of(document.getValues(field.name())));
                    }
                }
                IndexedPost post = new IndexedPost(
                        document.get(PostFields.ID),
                        document.get(PostFields.URL),
                        document.get(PostFields.LANG),
                        document.get(PostFields.TRANSLATION_KEY),
                        List.of(document.getValues(PostFields.HEADING_ANCHORS)),
                        List.of(document.getValues(PostFields.ALIASES)),
                        terms);
                posts.put(post.url(), post);
            }
        }
        return posts;
    }

    /** Hugo's pages and the index's posts of one site, and the checks between them. */
    private static final class Comparison {
        final String name;
        final HugoSite site;
        final Path publicDir;
        final Map<String, HugoPage> pages;
        final Map<String, IndexedPost> posts;

        Comparison(
                String name,
                HugoSite site,
                Path publicDir,
                Map<String, HugoPage> pages,
                Map<String, IndexedPost> posts) {
            this.name = name;
            this.site = site;
            this.publicDir = publicDir;
            this.pages = pages;
            this.posts = posts;
        }

        void assertAgrees() throws IOException {
            Set<String> missing = new TreeSet<>(pages.keySet());
            missing.removeAll(posts.keySet());
            Set<String> extra = new TreeSet<>(posts.keySet());
            extra.removeAll(pages.keySet());
            List<String> deadUrls = new ArrayList<>();
            List<String> deadAnchors = new ArrayList<>();
            List<String> otherDisagreements = new ArrayList<>();
            int anchors = 0;
            int aliases = 0;
            for (IndexedPost post : posts.values()) {
                Path page = fileOf(site, publicDir, post.url());
                if (!Files.isRegularFile(page)) {
                    deadUrls.add(post.url() + " (" + post.id() + ")");
                    continue;
                }
                Set<String> ids = new HashSet<>(
                        Jsoup.parse(page.toFile(), "UTF-8").select("[id]").eachAttr("id"));
                for (String anchor : post.anchors()) {
                    anchors++;
                    if (!ids.contains(anchor)) {
                        deadAnchors.add(post.url() + "#" + anchor);
                    }
                }
                for (String alias : post.aliases()) {
                    aliases++;
                    if (!Files.isRegularFile(fileOf(site, publicDir, alias))) {
                        deadUrls.add(alias + " (alias of " + post.id() + ")");
                    }
                }
                HugoPage hugo = pages.get(post.url());
                if (hugo == null) {
                    continue;
                }
                if (!hugo.lang().equals(post.lang())) {
                    otherDisagreements.add(post.url() + ": language " + post.lang() + ", Hugo " + hugo.lang());
                }
                Set<String> translations = translationsOf(post);
                if (!translations.equals(hugo.translations())) {
                    otherDisagreements.add(
                            post.url() + ": translations " + translations + ", Hugo " + hugo.translations());
                }
                Set<String> terms = termUrlsOf(post);
                if (!terms.equals(hugo.terms())) {
                    otherDisagreements.add(post.url() + ": terms " + terms + ", Hugo " + hugo.terms());
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "RealHugoTest %s: Hugo published %d regular pages, the index holds %d posts; missing %d, extra %d,"
                            + " dead URLs %d (of %d URLs and %d aliases), dead anchors %d (of %d), other disagreements"
                            + " %d%n",
                    name,
                    pages.size(),
                    posts.size(),
                    missing.size(),
                    extra.size(),
                    deadUrls.size(),
                    posts.size(),
                    aliases,
                    deadAnchors.size(),
                    anchors,
                    otherDisagreements.size());
            SoftAssertions.assertSoftly(softly -> {
                softly.assertThat(missing)
                        .as(name + ": pages Hugo published that the index lacks")
                        .isEmpty();
                softly.assertThat(extra)
                        .as(name + ": posts indexed that Hugo did not publish there")
                        .isEmpty();
                softly.assertThat(deadUrls)
                        .as(name + ": URLs the index holds that are no page of public/")
                        .isEmpty();
                softly.assertThat(deadAnchors)
                        .as(name + ": heading anchors that are no id of their page")
                        .isEmpty();
                softly.assertThat(otherDisagreements)
                        .as(name + ": languages, translations and terms")
                        .isEmpty();
            });
        }

        /** The URLs of the other posts that share the post's translation key, as Hugo's .Translations. */
        private Set<String> translationsOf(IndexedPost post) {
            Set<String> urls = new TreeSet<>();
            for (IndexedPost other : posts.values()) {
                if (other != post
                        && other.translationKey().equals(post.translationKey())
                        && !other.lang().equals(post.lang())) {
                    urls.add(other.url());
                }
            }
            return urls;
        }

        /** Where Hugo lists the post's terms: /<lang>/<taxonomy>/<term>/, for the site's taxonomies. */
        private Set<String> termUrlsOf(IndexedPost post) {
            Set<String> urls = new TreeSet<>();
            boolean inSubdir = !post.lang().equals(site.defaultLanguage()) || site.defaultLanguageInSubdir();
            String prefix = site.basePath() + (inSubdir ? post.lang() + "/" : "");
            for (String plural : site.taxonomies().values()) {
                for (String term : post.terms().getOrDefault(plural, List.of())) {
                    // Hugo keeps a / of a term in its URL (CI/CD is /tags/ci/cd/).
                    List<String> segments = new ArrayList<>();
                    for (String segment : term.split("/", -1)) {
                        segments.add(Permalinks.urlize(segment));
                    }
                    urls.add(prefix + plural + "/" + String.join("/", segments) + "/");
                }
            }
            return urls;
        }
    }

    /** The file of {@code public/} that serves a URL below the site's base path. */
    private static Path fileOf(HugoSite site, Path publicDir, String url) {
        String path =
                url.startsWith(site.basePath()) ? url.substring(site.basePath().length()) : url.substring(1);
        Path file = publicDir.resolve(path);
        return path.isEmpty() || path.endsWith("/") ? file.resolve("index.html") : file;
    }

    private static String decode(String url) {
        try {
            return url.isBlank() ? "" : new URI(url.strip()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Hugo wrote an invalid URL: " + url, e);
        }
    }

    private static Set<String> decodedSet(String urls) {
        Set<String> decoded = new TreeSet<>();
        for (String url : urls.strip().split("\\s+")) {
            if (!url.isEmpty()) {
                decoded.add(decode(url));
            }
        }
        return decoded;
    }

    private static String line(String text, String label) {
        for (String line : text.split("\n")) {
            if (line.startsWith(label)) {
                return line.substring(label.length()).strip();
            }
        }
        return "";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
