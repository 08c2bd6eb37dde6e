package dev.blogsearch.api.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.blogsearch.api.index.Reindexer;
import dev.blogsearch.indexer.testing.RealHugo;
import dev.blogsearch.indexer.testing.SampleBlog;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search box as a Hugo theme component ({@code hugo/blog-search/}): Debian's {@code hugo} builds the indexer's
 * fixture site with the component added by its config line and a search page using its shortcode; the service
 * serves the same site; in Chromium a reader opens the built search page, types a query and follows the first
 * result to a page Hugo published.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HugoComponentBrowserTest implements TestPropertyProvider {

    /** The fixture of RealHugoTest: two languages, custom permalinks, baseURL https://blog.example.org/notes/. */
    private static final Path FIXTURE = Path.of("../indexer/src/test/resources/hugo-site");
    /** The path of the fixture's baseURL, under which its pages are served. */
    private static final String BASE_PATH = "/notes/";
    /** The component, as an owner copies it into the site's themes/. */
    private static final Path THEMES = Path.of("../hugo");

    private static final String SEARCH_PAGE = """
            ---
            title: 搜索
            build:
              list: never
            ---
            {{< blog-search >}}
            """;

    @Inject
    EmbeddedServer server;

    @Inject
    Reindexer reindexer;

    private Path temp;
    private Path publicDir;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private HttpServer blog;

    /** The fixture with a search page, as the service indexes it and Hugo builds it. */
    private static Path siteWithSearchPage(Path target) throws IOException {
        SampleBlog.copy(FIXTURE, target);
        Files.writeString(target.resolve("content/search.md"), SEARCH_PAGE, StandardCharsets.UTF_8);
        return target;
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            temp = Files.createTempDirectory("blogsearch-hugo-component");
            Path site = siteWithSearchPage(temp.resolve("indexed"));
            return Map.of(
                    "blogsearch.site-dir", site.toString(),
                    "blogsearch.index-dir", temp.resolve("index").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void buildTheSiteWithTheComponentAndServeIt() throws IOException, InterruptedException {
        // The service builds the site's index in the background at start, answering 503 until it is open.
        reindexer.awaitIdle();
        Path site = siteWithSearchPage(temp.resolve("built"));
        Path config = site.resolve("hugo.toml");
        // The owner's line (theme) and the service's address; themesDir only because the component is not copied.
        Files.writeString(
                config,
                "theme = [\"blog-search\"]\nthemesDir = \""
                        + THEMES.toAbsolutePath().normalize() + "\"\n"
                        + Files.readString(config, StandardCharsets.UTF_8)
                        + "\n[params.blogSearch]\n  api = \"http://localhost:" + server.getPort() + "\"\n",
                StandardCharsets.UTF_8);
        publicDir = temp.resolve("public");
        RealHugo.build(site, publicDir, temp.resolve("hugo-cache"));

        blog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        blog.createContext(BASE_PATH, this::servePublic);
        blog.start();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** The file of {@code public/} a URL path names ({@code /notes/a/b/} is {@code a/b/index.html}), or null. */
    private Path published(String urlPath) {
        Path file = publicDir.resolve(urlPath.substring(BASE_PATH.length())).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return file.startsWith(publicDir) && Files.isRegularFile(file) ? file : null;
    }

    /** Hugo's public/ as a static host serves it. */
    private void servePublic(HttpExchange exchange) throws IOException {
        Path file = published(exchange.getRequestURI().getPath());
        if (file == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            byte[] body = Files.readAllBytes(file);
            String type = file.toString().endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream";
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (blog != null) {
            blog.stop(0);
        }
    }

    @Test
    void aReaderSearchesTheBuiltSiteAndOpensTheFirstResult() {
        String origin = "http://127.0.0.1:" + blog.getAddress().getPort();
        browser.get(origin + BASE_PATH + "search/");
        WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bs-input")));
        assertThat(browser.findElement(By.cssSelector("[data-blog-search]")).getAttribute("data-filter-lang"))
                .as("the page's language, from the site")
                .isEqualTo("zh");

        box.sendKeys("水温");
        WebElement first =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-hit .bs-post")));
        String title = first.findElement(By.cssSelector(".bs-title")).getText();
        assertThat(title).isEqualTo("泡茶的水温");
        Browser.screenshot(browser, "hugo-component-search");
        first.click();

        wait.until(driver -> !URI.create(driver.getCurrentUrl()).getPath().startsWith(BASE_PATH + "search/"));
        String opened = URI.create(browser.getCurrentUrl()).getPath();
        assertThat(published(opened))
                .as("%s is a page of Hugo's public/", opened)
                .isNotNull();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    }
}
