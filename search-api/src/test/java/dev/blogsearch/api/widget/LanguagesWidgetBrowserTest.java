package dev.blogsearch.api.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.blogsearch.api.index.Reindexer;
import dev.blogsearch.api.web.BilingualSite;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
 * The widget on the pages of a bilingual blog, in a real (headless) Chromium: it searches the page's language
 * ({@code <html lang>}) and offers to search every language; {@code data-filter-lang="none"} turns that off. One
 * browser serves the whole class.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagesWidgetBrowserTest implements BilingualSite {

    @Inject
    EmbeddedServer server;

    @Inject
    Reindexer reindexer;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private HttpServer blog;

    @BeforeAll
    void startBrowserAndTheBlog() throws IOException, InterruptedException {
        // The service builds the site's index in the background at start, answering 503 until it is open.
        reindexer.awaitIdle();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        String api = "http://localhost:" + server.getPort();
        blog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String page = """
                <!doctype html><html lang="%s"><head><meta charset="utf-8"><title>Tea</title></head>
                <body><div data-blog-search %s></div><script src="%s/widget.js" defer></script></body></html>""";
        page(blog, "/en/", page.formatted("en-US", "", api));
        page(blog, "/zh/", page.formatted("zh-CN", "", api));
        page(blog, "/everything/", page.formatted("en", "data-filter-lang=\"none\"", api));
        blog.start();
    }

    private static void page(HttpServer site, String path, String html) {
        site.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
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

    /** Opens a page of the blog and types {@code query} into its box. */
    private void search(String path, String query) {
        browser.get("http://127.0.0.1:" + blog.getAddress().getPort() + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bs-input")))
                .sendKeys(query);
        wait.until(driver ->
                query.equals(browser.executeScript("return document.querySelector('.bs-root').dataset.query")));
    }

    /** The titles shown, sorted, read in one step: the list may be re-rendered between two WebDriver calls. */
    @SuppressWarnings("unchecked")
    private List<String> titles() {
        List<String> titles = (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('.bs-hit .bs-title')].map(t => t.textContent).sort()");
        return titles;
    }

    private void waitForTitles(String... titles) {
        wait.until(driver -> titles().equals(List.of(titles)));
    }

    @Test
    void anEnglishPageSearchesEnglishPostsUntilTheReaderAsksForEveryLanguage() {
        search("/en/", "tea");
        waitForTitles("Brewing tea", "Kettle");
        WebElement toggle = browser.findElement(By.cssSelector(".bs-lang"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getText()).isEqualTo("Search all languages");
        Browser.screenshot(browser, "languages-english-page");

        toggle.click();
        waitForTitles("Brewing tea", "Kettle", "泡茶");
        assertThat(browser.findElement(By.cssSelector(".bs-lang")).getText()).isEqualTo("Only posts in English");

        browser.findElement(By.cssSelector(".bs-lang")).click();
        waitForTitles("Brewing tea", "Kettle");
    }

    @Test
    void aChinesePageSearchesChinesePosts() {
        search("/zh/", "tea");
        waitForTitles("泡茶");
        assertThat(browser.findElement(By.cssSelector(".bs-lang")).getText()).isEqualTo("搜索所有语言");
    }

    @Test
    void theFilterCanBeTurnedOff() {
        search("/everything/", "tea");
        waitForTitles("Brewing tea", "Kettle", "泡茶");
        assertThat(browser.findElements(By.cssSelector(".bs-lang"))).isEmpty();
    }
}
