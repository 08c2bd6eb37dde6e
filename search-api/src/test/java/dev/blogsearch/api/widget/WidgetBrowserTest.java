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
import java.util.Map;
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
    void lightSchemeOnADesktop() {
        Browser.colorScheme(browser, "light");
        Browser.desktop(browser);
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

    /** Waits until the widget shows its answer to this query: results, none, or an error. */
    private void waitForAnswer(String query) {
        wait.until(driver -> query.equals(js("return document.querySelector('.bs-root').dataset.query")));
    }

    /** What the reader sees above the results: the count, and what was searched when it differs from the query. */
    private String summary() {
        return browser.findElement(By.cssSelector(".bs-summary")).getText().replaceAll("\\s+", " ");
    }

    /** Fails listing every violation of axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
    private void assertNoAccessibilityViolations(String scheme) {
        assertThat(Axe.violations(browser))
                .as("axe-core (%s) on %s", scheme, browser.getCurrentUrl())
                .isEmpty();
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
        // The count is on screen, not only in the live region.
        WebElement count = browser.findElement(By.cssSelector(".bs-count"));
        assertThat(count.isDisplayed()).isTrue();
        assertThat(count.getText()).matches("找到 \\d+ 篇文章");
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
        WebElement first = hits().get(0).findElement(By.cssSelector("[role=option]"));
        assertThat(first.getAttribute("aria-selected")).isEqualTo("true");
        assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(first.getAttribute("id"));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_UP);
        assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(first.getAttribute("id"));
        assertThat(first.getText()).startsWith("Redis 集群");
        Browser.screenshot(browser, "keyboard-selection");

        input.sendKeys(Keys.ESCAPE);
        assertThat(input.getAttribute("aria-expanded")).isEqualTo("false");
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(api() + "/posts/redis-cluster-resharding/"));

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
        WebElement chip = wait.until(
                ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'bs-tag') and text()='etcd']")));
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
        assertThat(js("return getComputedStyle(document.querySelector('.bs-panel')).position"))
                .isEqualTo("absolute");
        browser.findElement(By.cssSelector(".bs-more")).click();
        wait.until(driver -> hits().size() > 2);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getAttribute("textContent"))
                .matches("\\d+ results");
        assertThat(summary()).matches("\\d+ results");
        Browser.screenshot(browser, "other-origin");
        // A post opens on the blog that embeds the box, not on the search service.
        hits().get(2).findElement(By.cssSelector(".bs-title")).click();
        wait.until(ExpectedConditions.urlContains(otherSite("/posts/")));
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
        WebElement section = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".bs-hit:first-child .bs-sections .bs-section")));
        assertThat(section.getText()).isEqualTo("页表与 TLB");
        assertThat(section.findElement(By.tagName("mark")).getText()).isEqualTo("TLB");
        Browser.screenshot(browser, "sections");

        // The arrows reach a section after its post; Enter opens the post at that heading.
        input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(section.getAttribute("id"));
        input.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(api() + "/posts/2023-08-12-linux-virtual-memory/#page-table"));
        String report = (String) js("return sessionStorage.getItem('click')");
        assertThat(report)
                .contains("/api/click?q=TLB&id=posts%2F2023-08-12-linux-virtual-memory", "&rank=1", "keepalive=true");
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
    /** The /api/search requests the page sent, oldest first, from its resource timing entries. */
    @SuppressWarnings("unchecked")
    private List<String> searchRequests() {
        return (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(url => url.includes('/api/search?'))");
    }

    private static String parameter(String url, String name) {
        return java.util.Arrays.stream(url.substring(url.indexOf('?') + 1).split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst()
                .orElse(null);
    }

    @Test
    void withResultsOpenAxeFindsNoAccessibilityViolationInLightOrDark() {
        WebElement input = openDemo();
        input.sendKeys("redis");
        waitForAnswer("redis");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-refine")));
        input.sendKeys(Keys.ARROW_DOWN); // a selected option is drawn differently: check it too
        wait.until(driver -> !Boolean.TRUE.equals(js("return document.querySelector('.bs-root').ariaBusy")));
        assertNoAccessibilityViolations("light");
        Browser.colorScheme(browser, "dark");
        assertNoAccessibilityViolations("dark");
    }

    @Test
    void onAPhoneTheFirstResultIsInSightAboveTheFilters() {
        // A 375 × 667 phone (an iPhone SE) with its on-screen keyboard up, as it is while the reader types.
        Browser.phone(browser, 375, 420);
        for (String scheme : List.of("light", "dark")) {
            Browser.colorScheme(browser, scheme);
            WebElement input = openDemo();
            input.sendKeys("数据库");
            waitForAnswer("数据库");
            // Five categories and four years to narrow by, and completions: on a narrow screen none of them may
            // push the results out of sight.
            assertThat(browser.findElements(By.cssSelector(".bs-refine .bs-chip")))
                    .hasSize(9);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-suggestion")));
            WebElement first = hits().get(0).findElement(By.cssSelector(".bs-title"));
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) js("""
                    const r = arguments[0].getBoundingClientRect();
                    const p = document.querySelector('.bs-panel').getBoundingClientRect();
                    return {top: r.top, bottom: r.bottom, height: innerHeight, panelBottom: p.bottom,
                            width: document.documentElement.clientWidth};""", first);
            assertThat(((Number) seen.get("width")).intValue()).isEqualTo(375);
            double bottom = ((Number) seen.get("bottom")).doubleValue();
            assertThat(bottom)
                    .as("the first result's title ends within the screen and the panel: %s", seen)
                    .isLessThanOrEqualTo(((Number) seen.get("height")).doubleValue())
                    .isLessThanOrEqualTo(((Number) seen.get("panelBottom")).doubleValue());
            Browser.screenshot(browser, "phone-" + scheme);
            assertNoAccessibilityViolations("phone, " + scheme);
        }
    }

    @Test
    void whatTheServiceSearchedForIsShownWithAWayToSearchTheWordsAsTyped() {
        WebElement input = openDemo();
        // The service's answer as the API documents it for a completed word; the text it sends stays text.
        js("""
                window.__xss = undefined;
                window.fetch = function (url) {
                  url = String(url);
                  const json = body => Promise.resolve(new Response(JSON.stringify(body),
                      {status: 200, headers: {'Content-Type': 'application/json'}}));
                  if (url.includes('/api/suggest')) return json({query: '', suggestions: []});
                  const q = new URL(url).searchParams.get('q');
                  if (url.includes('verbatim=true')) {
                    return json({query: q, total: 0, page: 1, size: 8, tookMs: 1, hits: [],
                        facets: {tags: [], categories: [], years: []}, partial: false, rewrites: [], searchedFor: null});
                  }
                  const searched = 'kubernetes<img src=x onerror=window.__xss=1>';
                  return json({query: q, total: 1, page: 1, size: 8, tookMs: 1, partial: false,
                      hits: [{id: 'posts/k', url: '/posts/k/', title: 'Kubernetes', titleHtml: '<mark>Kubernetes</mark>',
                              excerptHtml: '', date: null, tags: [], score: 1, sections: []}],
                      facets: {tags: [], categories: [], years: []},
                      rewrites: [{typed: q, searched: 'kubernetes', kind: 'completion'}], searchedFor: searched});
                };""");
        input.sendKeys("kub");
        waitForAnswer("kub");
        assertThat(summary()).isEqualTo("找到 1 篇文章 显示 kubernetes<img src=x onerror=window.__xss=1> 的结果 仍然搜索 kub");
        assertThat(js("return document.querySelectorAll('.bs-root img').length"))
                .isEqualTo(0L);
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getAttribute("textContent"))
                .contains("显示 kubernetes");
        Browser.screenshot(browser, "showing-results-for");
        assertNoAccessibilityViolations("light, showing results for");

        browser.findElement(By.cssSelector(".bs-as-typed")).click();
        WebElement none = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".bs-message")));
        assertThat(none.getText()).contains("没有找到", "kub");
        assertThat(browser.findElements(By.cssSelector(".bs-as-typed"))).isEmpty();
        assertThat(js("return window.__xss")).isNull();
    }

    @Test
    void theSearchesOfOneBurstOfTypingShareAnIdAndAPauseOrAnEmptyBoxStartsANewOne() {
        WebElement input = openDemo();
        input.sendKeys("red");
        waitForAnswer("red");
        input.sendKeys("is");
        waitForAnswer("redis");
        List<String> first = searchRequests();
        assertThat(first).hasSizeGreaterThanOrEqualTo(2);
        String burst = parameter(first.get(0), "burst");
        assertThat(burst).matches("[0-9a-z]{8}");
        assertThat(first).allSatisfy(url -> assertThat(parameter(url, "burst")).isEqualTo(burst));

        // Ten seconds later by the page's clock: the next keystroke starts another search.
        js("const now = Date.now; Date.now = () => now() + 11000;");
        input.sendKeys(" 集群");
        waitForAnswer("redis 集群");
        String afterPause = parameter(searchRequests().get(searchRequests().size() - 1), "burst");
        assertThat(afterPause).matches("[0-9a-z]{8}").isNotEqualTo(burst);

        input.sendKeys(Keys.ESCAPE, Keys.ESCAPE); // closes the list, then empties the box
        wait.until(driver -> input.getAttribute("value").isEmpty());
        input.sendKeys("etcd");
        waitForAnswer("etcd");
        String afterEmpty = parameter(searchRequests().get(searchRequests().size() - 1), "burst");
        assertThat(afterEmpty).matches("[0-9a-z]{8}").isNotIn(burst, afterPause);
        // Kept in the page's memory only.
        assertThat(js("return document.cookie + localStorage.length + sessionStorage.length"))
                .isEqualTo("00");
    }

    @Test
    void aQueryFromThePageUrlIsSearchedAsSubmittedAndTypingOnAsTypedWithTheSpaceThatEndsAWord() {
        browser.get(api() + "/?q=redis");
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bs-input")));
        waitForAnswer("redis");
        assertThat(searchRequests()).singleElement().satisfies(url -> {
            assertThat(parameter(url, "prefix")).isEqualTo("false");
            assertThat(parameter(url, "burst")).matches("[0-9a-z]{8}");
        });
        input.sendKeys(" 集");
        waitForAnswer("redis 集");
        List<String> requests = searchRequests();
        assertThat(parameter(requests.get(requests.size() - 1), "prefix")).isNull();
        // A space after the last word tells the service the word is finished: it is sent, one of it.
        input.sendKeys("群  ");
        waitForAnswer("redis 集群 ");
        requests = searchRequests();
        assertThat(parameter(requests.get(requests.size() - 1), "q")).isEqualTo("redis 集群 ");
    }

    @Test
    void typingKubernetesLetterByLetterShowsItsPostsFromTheThirdLetterAndNeverNoResults() {
        WebElement input = openDemo();
        // Every state the box goes through, as the reader could see it, recorded in the page as it changes.
        js("""
                window.__states = [];
                const root = document.querySelector('.bs-root');
                new MutationObserver(() => {
                  const message = root.querySelector('.bs-message');
                  window.__states.push({query: root.dataset.query || '', state: root.dataset.state || '',
                      hits: root.querySelectorAll('.bs-hit').length,
                      none: !!message && !message.hidden && message.classList.contains('bs-empty')});
                }).observe(root, {subtree: true, childList: true, attributes: true, characterData: true});""");
        String word = "kubernetes";
        String topOnceUnambiguous = null;
        for (int typed = 1; typed <= word.length(); typed++) {
            String query = word.substring(0, typed);
            input.sendKeys(word.substring(typed - 1, typed));
            waitForAnswer(query);
            if (typed >= 3) {
                List<WebElement> hits = hits();
                assertThat(hits).as("results for %s", query).hasSizeGreaterThanOrEqualTo(3);
                assertThat(taggedKubernetes(hits.get(0)))
                        .as("the first result for %s", query)
                        .isTrue();
                assertThat(hits.stream()
                                .filter(WidgetBrowserTest::taggedKubernetes)
                                .count())
                        .as("Kubernetes posts among the results for %s", query)
                        .isGreaterThanOrEqualTo(3);
            }
            if (typed >= "kuber".length()) { // no other word of the blog starts with kuber
                String top = firstTitle();
                if (topOnceUnambiguous == null) {
                    topOnceUnambiguous = top;
                }
                assertThat(top).as("the first result for %s", query).isEqualTo(topOnceUnambiguous);
            }
        }
        Browser.screenshot(browser, "typing-kubernetes");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> states = (List<Map<String, Object>>) js("return window.__states");
        assertThat(states).isNotEmpty().noneMatch(state -> Boolean.TRUE.equals(state.get("none")));
        // Once results are on screen, the list is never left empty while a newer search runs.
        int firstResults = java.util.stream.IntStream.range(0, states.size())
                .filter(i -> ((Number) states.get(i).get("hits")).intValue() > 0)
                .findFirst()
                .orElseThrow();
        assertThat(states.subList(firstResults, states.size()))
                .allSatisfy(state -> assertThat(((Number) state.get("hits")).intValue())
                        .as("results on screen in %s", state)
                        .isPositive());
    }

    private static boolean taggedKubernetes(WebElement hit) {
        return hit.findElements(By.cssSelector(".bs-tag")).stream()
                .anyMatch(tag -> tag.getText().equalsIgnoreCase("kubernetes"));
    }

    @Test
    void aCorrectedWordIsShownAndTheTypedOneIsSearchedOnRequest() {
        WebElement input = openDemo();
        input.sendKeys("kuberntes ");
        waitForAnswer("kuberntes "); // finished: the space is sent
        assertThat(summary()).contains("显示 kubernetes 的结果", "仍然搜索 kuberntes");
        assertThat(taggedKubernetes(hits().get(0))).isTrue();
        Browser.screenshot(browser, "corrected");
        assertNoAccessibilityViolations("light, corrected");
        Browser.colorScheme(browser, "dark");
        assertNoAccessibilityViolations("dark, corrected");

        browser.findElement(By.cssSelector(".bs-as-typed")).click();
        wait.until(
                driver -> browser.findElements(By.cssSelector(".bs-as-typed")).isEmpty());
        List<String> requests = searchRequests();
        assertThat(parameter(requests.get(requests.size() - 1), "verbatim")).isEqualTo("true");
        assertThat(summary()).doesNotContain("kubernetes");
    }
}
