package dev.blogsearch.api.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search widget as a reader uses it, in a real (headless) Chromium against the running service over the
 * sample blog: the demo page at {@code /}, and a page on another origin that embeds the widget with its two lines.
 * One browser serves the whole class. Screenshots land in {@code search-api/target/browser-screenshots/}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserTest implements SampleBlogServer {

    @Inject
    EmbeddedServer server;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private HttpServer otherSite;
    private int deadPort;

    @BeforeAll
    void startBrowserAndAnotherSite() throws IOException {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // closed at once: nothing listens there
        }
        String api = "http://localhost:" + server.getPort();
        otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page(otherSite, "/blog.html", """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another blog</title></head>
                <body><h1>Another blog</h1>
                <div data-blog-search data-size="2"></div>
                <script src="%s/widget.js" defer></script>
                </body></html>""".formatted(api));
        page(otherSite, "/down.html", """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Down</title></head>
                <body><div data-blog-search data-api="http://127.0.0.1:%d"></div>
                <script src="%s/widget.js" defer></script></body></html>""".formatted(deadPort, api));
        // A post page as Hugo renders it: the partial passes {{ .File.Path }} of a page bundle.
        page(otherSite, "/containerd.html", """
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>containerd</title></head>
                <body><article><h1>从 Docker 迁移到 containerd</h1></article>
                <div data-blog-search-related="posts/containerd-migration/index.md"></div>
                <div id="unknown" data-blog-search-related="posts/no-such-post"></div>
                <script src="%s/widget.js" defer></script></body></html>""".formatted(api));
        otherSite.start();
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
        if (otherSite != null) {
            otherSite.stop(0);
        }
    }

    @BeforeEach
    void lightScheme() {
        Browser.colorScheme(browser, "light");
    }

    private String api() {
        return "http://localhost:" + server.getPort();
    }

    private String otherSite(String path) {
        return "http://127.0.0.1:" + otherSite.getAddress().getPort() + path;
    }

    private WebElement openDemo() {
        browser.get(api() + "/");
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bs-input")));
    }

    private List<WebElement> hits() {
        return browser.findElements(By.cssSelector(".bs-hit"));
    }

    private void waitForHits() {
        wait.until(driver -> !hits().isEmpty());
    }

    /** The first result's title, read in one step: the list may be re-rendered between two WebDriver calls. */
    private String firstTitle() {
        Object title = js("const t = document.querySelector('.bs-hit .bs-title'); return t ? t.textContent : '';");
        return (String) title;
    }

    private Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    @Test
    void aChineseQueryShowsHighlightedResultsInLightAndDark() {
        WebElement input = openDemo();
        input.sendKeys("虚拟内存");
        waitForHits();
        WebElement top = hits().get(0);
        assertThat(top.findElement(By.cssSelector(".bs-title")).getText()).contains("虚拟内存");
        assertThat(top.findElement(By.cssSelector(".bs-title mark")).getText()).isEqualTo("虚拟内存");
        assertThat(top.findElements(By.cssSelector(".bs-excerpt mark"))).isNotEmpty();
        assertThat(top.findElement(By.cssSelector(".bs-date")).getText()).isEqualTo("2023-08-12");
        assertThat(top.findElements(By.cssSelector(".bs-chip")))
                .extracting(WebElement::getText)
                .contains("Linux");
        assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getAttribute("textContent"))
                .matches("找到 \\d+ 篇文章");
        Browser.screenshot(browser, "chinese-query-light");

        Browser.colorScheme(browser, "dark");
        String background = (String) js("return getComputedStyle(document.querySelector('.bs-panel')).backgroundColor");
        assertThat(background).isEqualTo("rgb(22, 27, 34)");
        Browser.screenshot(browser, "chinese-query-dark");
    }

    @Test
    void theKeyboardAloneFindsAndOpensAPost() {
        openDemo();
        new Actions(browser).sendKeys("/").perform();
        WebElement input = browser.switchTo().activeElement();
        assertThat(input.getAttribute("class")).contains("bs-input");
        assertThat(input.getAttribute("value")).isEmpty(); // the slash focuses, it is not typed

        input.sendKeys("redis 集群");
        waitForHits();
        input.sendKeys(Keys.ARROW_DOWN);
        WebElement first = hits().get(0);
        assertThat(first.getAttribute("aria-selected")).isEqualTo("true");
        assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(first.getAttribute("id"));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_UP);
        assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(first.getAttribute("id"));
        String href = first.findElement(By.cssSelector(".bs-title")).getAttribute("href");
        assertThat(href).endsWith("/posts/redis-cluster-resharding/");
        Browser.screenshot(browser, "keyboard-selection");

        input.sendKeys(Keys.ESCAPE);
        assertThat(input.getAttribute("aria-expanded")).isEqualTo("false");
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(href));

        openDemo();
        new Actions(browser)
                .keyDown(Keys.CONTROL)
                .sendKeys("k")
                .keyUp(Keys.CONTROL)
                .perform();
        assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("bs-input");
    }

    @Test
    void aTagChipFiltersByItsTagUntilRemoved() {
        WebElement input = openDemo();
        input.sendKeys("集群");
        waitForHits();
        int unfiltered = hits().size();
        WebElement chip = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(@class,'bs-chip') and text()='etcd']")));
        chip.click();
        WebElement active =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-chip-active")));
        assertThat(active.getText()).contains("etcd");
        wait.until(driver -> hits().size() < unfiltered);
        for (WebElement hit : hits()) {
            assertThat(hit.findElements(By.cssSelector(".bs-meta .bs-chip")))
                    .extracting(tag -> tag.getText().toLowerCase(java.util.Locale.ROOT))
                    .contains("etcd");
        }
        Browser.screenshot(browser, "tag-filter");

        active.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".bs-chip-active")));
        wait.until(driver -> hits().size() == unfiltered);
    }

    @Test
    void aQueryWithNoMatchesSaysSo() {
        WebElement input = openDemo();
        input.sendKeys("qqzzxxkkjj");
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-message")));
        assertThat(message.getText()).contains("没有找到", "qqzzxxkkjj");
        assertThat(hits()).isEmpty();
        Browser.screenshot(browser, "no-results");
    }

    @Test
    void markupInTheQueryShowsAsText() {
        WebElement input = openDemo();
        String attack = "<img src=x onerror=window.__xss=1> <script>window.__xss=2</script>";
        input.sendKeys(attack);
        wait.until(driver -> "empty"
                        .equals(driver.findElement(By.cssSelector(".bs-root")).getAttribute("data-state"))
                || "results"
                        .equals(driver.findElement(By.cssSelector(".bs-root")).getAttribute("data-state")));
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
        assertThat(js("return document.querySelectorAll('.bs-root img, .bs-root script, .bs-root [onerror]').length"))
                .isEqualTo(0L);
        assertThat(input.getAttribute("value")).isEqualTo(attack);
        // Whether posts matched some of the words or none did, everything shown came through as text.
        WebElement message = browser.findElement(By.cssSelector(".bs-message"));
        if (hits().isEmpty()) {
            assertThat(message.getText()).contains("<img src=x onerror=window.__xss=1>");
        }
        boolean alert;
        try {
            browser.switchTo().alert();
            alert = true;
        } catch (NoAlertPresentException e) {
            alert = false;
        }
        assertThat(alert).isFalse();
        Browser.screenshot(browser, "markup-query");
    }

    @Test
    void anotherSiteEmbedsTheWidgetThroughCorsAndLoadsMoreResults() {
        browser.get(otherSite("/blog.html"));
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bs-input")));
        assertThat(input.getAttribute("placeholder")).isEqualTo("Search posts…"); // <html lang="en">
        input.sendKeys("redis");
        waitForHits();
        assertThat(hits()).hasSize(2); // data-size="2"
        assertThat(hits().get(0).findElement(By.cssSelector(".bs-title")).getAttribute("href"))
                .startsWith(otherSite("/posts/"));
        assertThat(js("return getComputedStyle(document.querySelector('.bs-panel')).position"))
                .isEqualTo("absolute");
        browser.findElement(By.cssSelector(".bs-more")).click();
        wait.until(driver -> hits().size() > 2);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getAttribute("textContent"))
                .matches("\\d+ results");
        Browser.screenshot(browser, "other-origin");
    }

    @Test
    void noSearchRunsWhileAnInputMethodIsComposing() throws InterruptedException {
        WebElement input = openDemo();
        // Count the widget's searches by wrapping fetch, which the widget looks up on each call.
        js("""
                window.__searches = [];
                const realFetch = window.fetch;
                window.fetch = function (url, init) {
                  if (String(url).includes('/api/search')) window.__searches.push(String(url));
                  return realFetch.call(this, url, init);
                };""");
        js(
                "arguments[0].focus(); arguments[0].dispatchEvent(new CompositionEvent('compositionstart', {data: ''}))",
                input);
        for (String partial : List.of("x", "xu", "xun", "xuni", "虚拟")) {
            js("""
                    arguments[0].value = arguments[1];
                    arguments[0].dispatchEvent(new InputEvent('input', {data: arguments[1], isComposing: true}));""", input, partial);
            Thread.sleep(200); // longer than the debounce
        }
        assertThat(js("return window.__searches.length")).isEqualTo(0L);
        js("""
                arguments[0].value = '虚拟内存';
                arguments[0].dispatchEvent(new CompositionEvent('compositionend', {data: '虚拟内存'}));""", input);
        waitForHits();
        assertThat(js("return window.__searches.length")).isEqualTo(1L);
        assertThat((String) js("return window.__searches[0]")).contains("q=%E8%99%9A%E6%8B%9F%E5%86%85%E5%AD%98");
    }

    @Test
    void anUnreachableServiceIsReported() {
        browser.get(otherSite("/down.html"));
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bs-input")));
        input.sendKeys("redis");
        WebElement message =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-message.bs-error")));
        assertThat(message.getText()).startsWith("Cannot reach the search service");
        // The stylesheet comes from where the script came from, so the box is styled even with its API down.
        assertThat(js("return getComputedStyle(document.querySelector('.bs-panel')).position"))
                .isEqualTo("absolute");
        Browser.screenshot(browser, "service-unreachable");
    }

    @Test
    void suggestionsCompleteWhatIsTypedAndSearchWhenPicked() {
        WebElement input = openDemo();
        input.sendKeys("k8s 升");
        WebElement suggestion = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(@class,'bs-suggestion') and .='k8s 升级']")));
        assertThat(suggestion.findElement(By.tagName("mark")).getText()).isEqualTo("k8s 升");
        Browser.screenshot(browser, "suggestions");
        suggestion.click();
        wait.until(driver -> "k8s 升级".equals(input.getAttribute("value")));
        wait.until(driver -> firstTitle().contains("k8s 升级"));
    }

    @Test
    void anOlderAnswerArrivingLateNeverReplacesTheNewerOne() {
        WebElement input = openDemo();
        // The search for "redis" is answered a second late, after the one for "redis 集群", and not cancelled.
        js("""
                window.__lateDone = false;
                const realFetch = window.fetch;
                window.fetch = function (url, init) {
                  if (/api\\/search\\?q=redis&/.test(String(url))) {
                    return new Promise(wait => setTimeout(wait, 1000))
                      .then(() => realFetch(url, {mode: 'cors'}))
                      .finally(() => { setTimeout(() => { window.__lateDone = true; }, 50); });
                  }
                  return realFetch.call(this, url, init);
                };""");
        input.sendKeys("redis");
        wait.until(driver -> js("return document.querySelector('.bs-root').hasAttribute('aria-busy')")
                .equals(true));
        input.sendKeys(" 集群");
        waitForHits();
        String newest = firstTitle();
        String count = browser.findElement(By.cssSelector("[role=status]")).getAttribute("textContent");
        wait.until(driver -> js("return window.__lateDone").equals(true));
        assertThat(firstTitle()).isEqualTo(newest);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getAttribute("textContent"))
                .isEqualTo(count);
        assertThat(newest).contains("集群");
    }

    @Test
    void tooManyRequestsAsksTheReaderToWait() {
        WebElement input = openDemo();
        js("""
                window.fetch = function (url) {
                  return Promise.resolve(new Response('{"status":429}', {status: 429}));
                };""");
        input.sendKeys("redis");
        WebElement message =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-message.bs-error")));
        assertThat(message.getText()).contains("搜索太频繁");
    }

    @Test
    void matchingSectionsLinkUnderTheHitAndOpeningAResultReportsTheClick() {
        WebElement input = openDemo();
        // Record click reports where they survive the navigation to the post (same origin, same tab).
        js("""
                const realFetch = window.fetch;
                window.fetch = function (url, init) {
                  if (String(url).includes('/api/click')) {
                    sessionStorage.setItem('click', String(url) + ' keepalive=' + (init && init.keepalive));
                  }
                  return realFetch.call(this, url, init);
                };""");
        input.sendKeys("TLB");
        WebElement section = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-hit .bs-sections .bs-section")));
        assertThat(section.getText()).isEqualTo("页表与 TLB");
        assertThat(section.findElement(By.tagName("mark")).getText()).isEqualTo("TLB");
        assertThat(section.getAttribute("href")).endsWith("/posts/2023-08-12-linux-virtual-memory/#page-table");
        Browser.screenshot(browser, "sections");

        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/posts/"));
        String report = (String) js("return sessionStorage.getItem('click')");
        assertThat(report).contains("/api/click?q=TLB&id=posts%2F", "&rank=1", "keepalive=true");
    }

    @Test
    void aPostPageListsRelatedPostsAndNothingForAnUnknownPost() {
        browser.get(otherSite("/containerd.html"));
        List<WebElement> links = wait.until(driver -> {
            List<WebElement> found = driver.findElements(By.cssSelector(".bs-related-link"));
            return found.isEmpty() ? null : found;
        });
        assertThat(browser.findElement(By.cssSelector(".bs-related-title")).getText())
                .isEqualTo("相关文章");
        assertThat(links).hasSizeBetween(1, 5);
        assertThat(links)
                .allSatisfy(link -> assertThat(link.getAttribute("href"))
                        .startsWith(otherSite("/posts/"))
                        .doesNotContain("containerd-migration"));
        assertThat(links.stream().map(WebElement::getText)).doesNotContain("").doesNotContainNull();
        assertThat(js("return document.getElementById('unknown').hidden")).isEqualTo(true);
        Browser.screenshot(browser, "related-posts");
    }

    @Test
    void yearAndCategoryFacetsNarrowTheResultsUntilRemoved() {
        WebElement input = openDemo();
        input.sendKeys("redis");
        waitForHits();
        String total = (String) js("return document.querySelector('[role=status]').textContent");
        // Facet rows offer only values that narrow: every year chip counts fewer posts than the results.
        WebElement year = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'bs-refine')][span[text()='年份']]/button[1]")));
        String picked = year.getText().replaceAll("\\d+$", "").strip();
        assertThat(picked).matches("\\d{4}");
        year.click();
        WebElement active =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-chip-active")));
        assertThat(active.getText()).contains("年份: " + picked);
        wait.until(driver -> !total.equals(js("return document.querySelector('[role=status]').textContent")));
        assertThat(hits())
                .isNotEmpty()
                .allSatisfy(hit -> assertThat(
                                hit.findElement(By.cssSelector(".bs-date")).getText())
                        .startsWith(picked));
        assertThat(browser.findElements(By.xpath("//div[contains(@class,'bs-refine')][span[text()='年份']]")))
                .as("no year row once a year is chosen")
                .isEmpty();
        Browser.screenshot(browser, "year-filter");

        active.click();
        wait.until(driver -> total.equals(js("return document.querySelector('[role=status]').textContent")));
        assertThat(browser.findElements(By.cssSelector(".bs-chip-active"))).isEmpty();
    }
}
