package dev.blogsearch.indexer.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HugoSiteConfigTest {

    @TempDir
    Path site;

    private void write(String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String error() {
        return assertThatThrownBy(() -> HugoSiteConfig.read(site))
                .isInstanceOf(SiteConfigException.class)
                .actual()
                .getMessage();
    }

    @Test
    void readsWhatDecidesWherePostsLiveFromOneFile() throws Exception {
        write("hugo.toml", """
                baseURL = "https://example.org/blog"
                contentDir = "posts-src"
                timeZone = "Asia/Shanghai"
                defaultContentLanguage = "zh-CN"
                defaultContentLanguageInSubdir = true
                buildFuture = true
                [permalinks]
                  Posts = "/:year/:slug/"
                [taxonomies]
                  tag = "tags"
                  series = "series"
                [languages.en]
                  weight = 2
                  contentDir = "content/en"
                [languages.zh-CN]
                  weight = 1
                  languageCode = "zh-Hans"
                """);

        HugoSite config = HugoSiteConfig.read(site);

        assertThat(config.basePath()).isEqualTo("/blog/");
        assertThat(config.contentDir()).isEqualTo("posts-src");
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(config.permalinks()).isEqualTo(Map.of("posts", "/:year/:slug/"));
        assertThat(config.defaultLanguage()).isEqualTo("zh-cn");
        assertThat(config.defaultLanguageInSubdir()).isTrue();
        assertThat(config.languages())
                .containsExactly(
                        new HugoSite.Language("zh-cn", "zh-Hans", 1, null),
                        new HugoSite.Language("en", "", 2, "content/en"));
        assertThat(config.customTaxonomies()).containsExactly("series");
        assertThat(config.buildFuture()).isTrue();
        assertThat(config.buildDrafts()).isNull();
        assertThat(config.origins())
                .containsEntry("permalinks", "hugo.toml")
                .containsEntry("timeZone", "hugo.toml")
                .doesNotContainKey("buildDrafts");
    }

    @ParameterizedTest
    @CsvSource({
        "hugo.yaml, 'baseURL: https://example.org/a/\ntimeZone: Europe/Paris\n'",
        "hugo.yml, 'baseURL: https://example.org/a/\ntimeZone: Europe/Paris\n'",
        "hugo.json, '{\"baseURL\": \"https://example.org/a/\", \"timeZone\": \"Europe/Paris\"}'",
        "config.toml, 'baseURL = \"https://example.org/a/\"\ntimeZone = \"Europe/Paris\"\n'",
        "config.yaml, 'baseURL: https://example.org/a/\ntimeZone: Europe/Paris\n'",
        "config.json, '{\"baseURL\": \"https://example.org/a/\", \"timeZone\": \"Europe/Paris\"}'",
    })
    void readsEveryFormatHugoAccepts(String file, String text) throws Exception {
        write(file, text);
        HugoSite config = HugoSiteConfig.read(site);
        assertThat(config.basePath()).isEqualTo("/a/");
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(config.origins()).containsEntry("timeZone", file);
    }

    @Test
    void hugoTomlWinsOverConfigTomlWhichIsThenNotRead() throws Exception {
        write("hugo.toml", "baseURL = \"https://example.org/hugo/\"\n");
        write("config.toml", "baseURL = \"https://example.org/config/\"\ntimeZone = \"Asia/Tokyo\"\n");
        HugoSite config = HugoSiteConfig.read(site);
        assertThat(config.basePath()).isEqualTo("/hugo/");
        assertThat(config.timeZone()).isNull();
    }

    @Test
    void theConfigFolderOverridesTheRootFileAndTheEnvironmentOverridesDefault() throws Exception {
        write("hugo.toml", "baseURL = \"https://example.org/root/\"\n[permalinks]\nposts = \"/p/:slug/\"\n");
        write("config/_default/hugo.toml", "baseURL = \"https://example.org/default/\"\n");
        write("config/_default/permalinks.yaml", "notes: /n/:slug/\n");
        write("config/_default/languages.toml", "[zh]\nweight = 1\n[en]\nweight = 2\n");
        write("config/_default/params.en.toml", "subtitle = \"per language\"\n");
        write("config/production/hugo.toml", "baseURL = \"https://example.org/production/\"\n");
        write("config/staging/languages.toml", "[fr]\nweight = 3\n");

        HugoSite production = HugoSiteConfig.read(site);
        assertThat(production.basePath()).isEqualTo("/production/");
        // Maps merge key by key: the root file's posts and the folder's notes.
        assertThat(production.permalinks()).isEqualTo(Map.of("posts", "/p/:slug/", "notes", "/n/:slug/"));
        assertThat(production.languages()).extracting(HugoSite.Language::code).containsExactly("zh", "en");
        assertThat(production.origins())
                .containsEntry("baseURL", "config/production/hugo.toml")
                .containsEntry("permalinks", "config/_default/permalinks.yaml and hugo.toml");

        HugoSite staging = HugoSiteConfig.read(site, "staging");
        assertThat(staging.basePath()).isEqualTo("/default/");
        assertThat(staging.languages()).extracting(HugoSite.Language::code).containsExactly("zh", "en", "fr");
    }

    @Test
    void theNewerPermalinksPageFormIsRead() throws Exception {
        write("hugo.yaml", """
                permalinks:
                  page:
                    posts: /:year/:slug/
                  section:
                    posts: /articles/
                """);
        assertThat(HugoSiteConfig.read(site).permalinks()).isEqualTo(Map.of("posts", "/:year/:slug/"));
    }

    @Test
    void aSiteWithoutTaxonomiesHasHugosTagsAndCategories() throws Exception {
        write("hugo.toml", "title = \"t\"\n");
        HugoSite config = HugoSiteConfig.read(site);
        assertThat(config.taxonomies()).isEqualTo(Map.of("tag", "tags", "category", "categories"));
        assertThat(config.customTaxonomies()).isEmpty();
        assertThat(config.languages()).containsExactly(new HugoSite.Language("en", "", 0, null));
        assertThat(config.basePath()).isEqualTo("/");
    }

    @Test
    void disabledLanguagesAreNotAmongTheLanguages() throws Exception {
        write("hugo.toml", """
                defaultContentLanguage = "en"
                disableLanguages = ["fr"]
                [languages.en]
                [languages.fr]
                [languages.de]
                  disabled = true
                """);
        HugoSite config = HugoSiteConfig.read(site);
        assertThat(config.languages()).extracting(HugoSite.Language::code).containsExactly("en");
        assertThat(config.disabledLanguages()).containsExactlyInAnyOrder("fr", "de");
    }

    @Test
    void aMalformedFileIsNamedWithItsLine() throws Exception {
        write("config/_default/languages.toml", "[en]\nweight = = 2\n");
        assertThat(error()).startsWith("config/_default/languages.toml: invalid TOML configuration at line 2");
    }

    @Test
    void aSettingOfTheWrongTypeIsNamedWithItsFileAndKey() throws Exception {
        write("hugo.toml", "[languages.en]\nweight = \"two\"\n");
        assertThat(error()).isEqualTo("hugo.toml: languages.en.weight: expected a whole number, found \"two\"");
    }

    @Test
    void anUnknownTimeZoneIsNamed() throws Exception {
        write("hugo.yaml", "timeZone: Asia/Shang\n");
        assertThat(error())
                .isEqualTo("hugo.yaml: timeZone: unknown time zone \"Asia/Shang\" (expected a name like"
                        + " Asia/Shanghai or UTC)");
    }

    @Test
    void anUnknownPermalinkTokenIsNamedWithItsSection() throws Exception {
        write("config/_default/permalinks.toml", "posts = \"/:yaer/:slug/\"\n");
        assertThat(error())
                .startsWith("config/_default/permalinks.toml: permalinks.posts: unknown permalink token :yaer");
    }

    @Test
    void aDefaultLanguageThatIsNoneOfTheLanguagesIsAnError() throws Exception {
        write("hugo.toml", "defaultContentLanguage = \"zh\"\n[languages.en]\n[languages.fr]\n");
        assertThat(error())
                .isEqualTo(
                        "hugo.toml: defaultContentLanguage: \"zh\" is not one of the site's languages" + " (en, fr)");
    }

    @Test
    void aFolderWithoutConfigurationIsAnError() {
        assertThat(error()).contains("no Hugo configuration in").contains("hugo.toml");
    }

    @Test
    void anEnvironmentNameCannotLeaveTheConfigFolder() throws Exception {
        write("hugo.toml", "title = \"t\"\n");
        assertThatThrownBy(() -> HugoSiteConfig.read(site, "../elsewhere"))
                .isInstanceOf(SiteConfigException.class)
                .hasMessageContaining("invalid environment name");
    }
}
