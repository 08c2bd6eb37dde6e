package dev.blogsearch.indexer.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HugoPostReader} reading the content of a Hugo site: languages, ids, URLs and front matter as Hugo's. */
class SiteReadingTest {

    @TempDir
    Path site;

    private void write(String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A reader of the site, with its permalinks and time zone (which SiteSettings merges with the options). */
    private HugoPostReader reader() throws SiteConfigException {
        HugoSite hugoSite = HugoSiteConfig.read(site);
        List<String> specs = hugoSite.permalinks().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .toList();
        return new HugoPostReader(ReaderOptions.defaults()
                .withDefaultZone(hugoSite.timeZone() != null ? hugoSite.timeZone() : ZoneOffset.UTC)
                .withPermalinks(Permalinks.hugo(specs))
                .withSite(hugoSite));
    }

    private Post read(String relative) throws Exception {
        return reader().read(site.resolve("content"), site.resolve(relative));
    }

    private void bilingualSite(boolean defaultInSubdir) throws IOException {
        write("hugo.toml", """
                baseURL = "https://example.org/blog/"
                defaultContentLanguage = "zh"
                defaultContentLanguageInSubdir = %s
                [languages.zh]
                  weight = 1
                [languages.en]
                  weight = 2
                  contentDir = "content_en"
                """.formatted(defaultInSubdir));
    }

    @Test
    void aPostsLanguageIsInItsFileNameElseItsFoldersElseTheDefault() throws Exception {
        bilingualSite(false);
        write("content/posts/tea.md", "---\ntitle: 茶\n---\n");
        write("content/posts/tea.en.md", "---\ntitle: Tea\n---\n");
        write("content/posts/bundle/index.en.md", "---\ntitle: Bundle\n---\n");
        write("content_en/posts/kettle.md", "---\ntitle: Kettle\n---\n");
        write("content/posts/notes.fr.md", "---\ntitle: Not a language of the site\n---\n");

        Post zh = read("content/posts/tea.md");
        assertThat(List.of(zh.lang(), zh.id(), zh.url())).containsExactly("zh", "posts/tea", "/blog/posts/tea/");
        Post en = read("content/posts/tea.en.md");
        assertThat(List.of(en.lang(), en.id(), en.url())).containsExactly("en", "en/posts/tea", "/blog/en/posts/tea/");
        assertThat(en.translationKey()).isEqualTo(zh.translationKey()).isEqualTo("posts/tea");
        Post bundle = read("content/posts/bundle/index.en.md");
        assertThat(List.of(bundle.id(), bundle.url())).containsExactly("en/posts/bundle", "/blog/en/posts/bundle/");
        Post kettle = read("content_en/posts/kettle.md");
        assertThat(List.of(kettle.lang(), kettle.id(), kettle.url(), kettle.sourcePath()))
                .containsExactly("en", "en/posts/kettle", "/blog/en/posts/kettle/", "content_en/posts/kettle.md");
        Post french = read("content/posts/notes.fr.md");
        assertThat(List.of(french.lang(), french.id())).containsExactly("zh", "posts/notes.fr");
    }

    @Test
    void theDefaultLanguageHasItsFolderWhenTheSiteSaysSo() throws Exception {
        bilingualSite(true);
        write("content/posts/tea.md", "---\ntitle: 茶\n---\n");
        Post zh = read("content/posts/tea.md");
        assertThat(List.of(zh.id(), zh.url())).containsExactly("posts/tea", "/blog/zh/posts/tea/");
    }

    @Test
    void anOwnUrlIsBelowTheBasePathInNoLanguageFolder() throws Exception {
        bilingualSite(false);
        write("content/posts/moved.en.md", "---\ntitle: Moved\nurl: /special/moved\n---\n");
        assertThat(read("content/posts/moved.en.md").url()).isEqualTo("/blog/special/moved/");
    }

    @Test
    void translationsAreLinkedByTheirKeyWhenTheyHaveOne() throws Exception {
        bilingualSite(false);
        write("content/posts/a.md", "---\ntitle: A\ntranslationKey: shared\n---\n");
        write("content_en/posts/b.md", "---\ntitle: B\ntranslationKey: shared\n---\n");
        assertThat(read("content/posts/a.md").translationKey()).isEqualTo("shared");
        assertThat(read("content_en/posts/b.md").translationKey()).isEqualTo("shared");
    }

    @Test
    void frontMatterHugoReadsIsKept() throws Exception {
        write(
                "hugo.toml",
                "baseURL = \"https://example.org/blog/\"\n[taxonomies]\ntag = \"tags\"\nseries = \"series\"\n");
        write("content/posts/tea.md", """
                ---
                title: Water temperature for tea
                linkTitle: Tea
                aliases: [/old/tea/, tea-again, /legacy/tea.html]
                series: [Kitchen notes, Kitchen Notes]
                ---

                Green tea likes it cooler.

                <!--more-->

                The rest of the post.
                """);
        Post post = read("content/posts/tea.md");
        assertThat(post.url()).isEqualTo("/blog/posts/tea/");
        assertThat(post.linkTitle()).isEqualTo("Tea");
        assertThat(post.aliases()).containsExactly("/blog/old/tea/", "/blog/posts/tea-again/", "/blog/legacy/tea.html");
        assertThat(post.taxonomies()).isEqualTo(Map.of("series", List.of("Kitchen notes")));
        assertThat(post.summary()).isEqualTo("Green tea likes it cooler.");
    }

    @Test
    void whatDecidesPublishingIsRead() throws Exception {
        write("hugo.toml", "title = \"t\"\n");
        write("content/posts/a.md", """
                ---
                date: 2024-01-01
                publishDate: 2030-01-01
                expiryDate: 2031-01-01
                _build:
                  list: never
                ---
                """);
        write("content/posts/b.md", "---\nbuild:\n  render: link\nheadless: true\n---\n");
        write("content/posts/local.md", "---\n_build:\n  list: local\n---\n");
        write("content/posts/bundle/index.md", "---\nheadless: true\n---\n");

        Publishing a = read("content/posts/a.md").publishing();
        assertThat(a.publishDate()).isEqualTo(OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(a.expiryDate()).isEqualTo(OffsetDateTime.of(2031, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(List.of(a.listed(), a.rendered(), a.headless())).containsExactly(false, true, false);
        // Newer Hugo versions read build as well as _build; headless only makes a leaf bundle headless.
        Publishing b = read("content/posts/b.md").publishing();
        assertThat(List.of(b.listed(), b.rendered(), b.headless())).containsExactly(true, false, false);
        assertThat(read("content/posts/local.md").publishing().listed()).isFalse();
        assertThat(read("content/posts/bundle/index.md").publishing().headless())
                .isTrue();
    }

    @Test
    void aSitesDatesAreItsFrontMattersAlone() throws Exception {
        write("hugo.toml", "timeZone = \"Asia/Shanghai\"\n");
        write("content/post/2019-05-06-undated.md", "---\ntitle: x\n---\n");
        write("content/post/modified.md", "---\nlastmod: 2020-02-02 10:00\n---\n");
        assertThat(read("content/post/2019-05-06-undated.md").date()).isNull();
        assertThat(read("content/post/modified.md").date())
                .isEqualTo(OffsetDateTime.parse("2020-02-02T10:00:00+08:00"));
    }

    @Test
    void sectionsStopAtTheDeepestFolderWithAListPage() throws Exception {
        write("hugo.toml", "[permalinks]\nnotes = \"/n/:sections/:filename/\"\n");
        write("content/notes/_index.md", "---\ntitle: notes\n---\n");
        write("content/notes/deep/_index.md", "---\ntitle: deep\n---\n");
        write("content/notes/deep/topic/x.md", "---\ntitle: x\n---\n");
        write("content/notes/flat/y.md", "---\ntitle: y\n---\n");
        assertThat(read("content/notes/deep/topic/x.md").url()).isEqualTo("/n/notes/deep/x/");
        assertThat(read("content/notes/flat/y.md").url()).isEqualTo("/n/notes/y/");
    }

    @Test
    void aLeafBundlesOtherMarkdownFilesAndDisabledLanguagesAreNotListed() throws Exception {
        write(
                "hugo.toml",
                "defaultContentLanguage = \"en\"\ndisableLanguages = [\"fr\"]\n[languages.en]\n[languages.fr]\n");
        write("content/posts/bundle/index.md", "---\ntitle: page\n---\n");
        write("content/posts/bundle/notes.md", "---\ntitle: a resource of the page\n---\n");
        write("content/posts/bundle/more/deeper.md", "---\ntitle: a resource too\n---\n");
        write("content/posts/plain.md", "---\ntitle: plain\n---\n");
        write("content/posts/plain.fr.md", "---\ntitle: disabled\n---\n");
        assertThat(reader().listFiles(site.resolve("content")))
                .extracting(ContentFile::source)
                .containsExactly("posts/bundle/index.md", "posts/plain.md");
    }

    @Test
    void withoutASiteALanguageCodeInTheFileNameStillCounts() throws Exception {
        write("content/posts/tea.en.md", "---\ntitle: Tea\n---\n");
        write("content/posts/use-context.Context-well.md", "---\ntitle: Go\n---\n");
        HugoPostReader plain = new HugoPostReader(ReaderOptions.defaults());
        Post tea = plain.read(site.resolve("content"), Path.of("posts/tea.en.md"));
        assertThat(List.of(tea.lang(), tea.id(), tea.url())).containsExactly("en", "en/posts/tea", "/en/posts/tea/");
        Post go = plain.read(site.resolve("content"), Path.of("posts/use-context.Context-well.md"));
        assertThat(go.lang()).isNull();
        assertThat(go.id()).isEqualTo("posts/use-context.Context-well");
    }
}
