package dev.blogsearch.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * A brute-force loop against the admin token (a 3-character token once fell in under a second): after a few wrong
 * tokens its address gets 429 whatever it sends, the right token included, while other addresses are served; the
 * attempts are logged with the address, a line now and then rather than one per attempt.
 */
@MicronautTest
@Property(name = "blogsearch.admin.token", value = AdminBruteForceTest.TOKEN)
@Property(name = "blogsearch.rate-limit.client-address-header", value = "X-Forwarded-For")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBruteForceTest implements SampleBlogServer {

    static final String TOKEN = "d1c4a3f0b2e5d6c7a8b9f0e1d2c3b4a5";
    private static final String ATTACKER = "203.0.113.50";

    @Inject
    @Client("/")
    HttpClient client;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void captureLog() {
        log.start();
        logger().addAppender(log);
    }

    @AfterAll
    void stopCapture() {
        logger().detachAppender(log);
    }

    private static Logger logger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(AdminTokenFilter.class);
    }

    private int status(String token, String address) {
        HttpRequest<?> request =
                HttpRequest.GET("/api/admin/status").bearerAuth(token).header("X-Forwarded-For", address);
        try {
            return client.toBlocking().exchange(request, String.class).status().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void aGuessingLoopGets429AndTheRightTokenFromElsewhereStillWorks() {
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            statuses.merge(status(String.format("%032x", i), ATTACKER), 1, Integer::sum);
        }

        assertThat(statuses).containsEntry(403, 5).containsEntry(429, 25).hasSize(2);
        assertThat(status(TOKEN, ATTACKER)).isEqualTo(429);
        assertThat(status(TOKEN, "203.0.113.51")).isEqualTo(200);

        HttpResponse<?> refused = assertRefused(String.format("%032x", 99), ATTACKER);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 20);
        assertThat(refused.getBody(String.class).orElse("")).contains("Too many wrong admin tokens");

        assertThat(log.list)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.getFormattedMessage())
                        .contains(ATTACKER)
                        .doesNotContain(TOKEN));
        assertThat(log.list.size()).as("log lines for 32 refusals").isLessThanOrEqualTo(3);
    }

    private HttpResponse<?> assertRefused(String token, String address) {
        try {
            client.toBlocking()
                    .exchange(HttpRequest.GET("/api/admin/status")
                            .bearerAuth(token)
                            .header("X-Forwarded-For", address));
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(429);
            return e.getResponse();
        }
        throw new AssertionError("not refused");
    }
}
