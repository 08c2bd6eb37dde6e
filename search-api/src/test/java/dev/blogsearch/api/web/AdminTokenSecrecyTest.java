package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** The admin token never comes back in a response, nor goes to the log, whatever a caller sends. */
@MicronautTest
@Property(name = "blogsearch.admin.token", value = AdminTokenSecrecyTest.TOKEN)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminTokenSecrecyTest implements SampleBlogServer {

    static final String TOKEN = "tok-7f3a9c1e5b-SECRET-0123456789abcdef-0123456789";

    @Inject
    EmbeddedServer server;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void captureLog() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
    }

    @AfterAll
    void stopCapture() {
        ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(Logger.ROOT_LOGGER_NAME)
                .detachAppender(log);
    }

    @Test
    void theTokenIsNeverEchoedNorLogged() {
        String wrong = TOKEN.substring(0, TOKEN.length() - 1) + "X";
        List<RawHttp.Response> responses = new ArrayList<>();
        for (String path : List.of("/api/admin/reindex", "/api/admin/", "/api/admin/%zz", "/api/search?q=" + TOKEN)) {
            responses.add(RawHttp.get(server.getURL(), path));
            responses.add(RawHttp.get(server.getURL(), path, "Authorization: Bearer " + TOKEN));
            responses.add(RawHttp.get(server.getURL(), path, "Authorization: Bearer " + wrong));
            responses.add(RawHttp.get(server.getURL(), path, "Authorization: Basic " + TOKEN));
        }
        assertThat(responses).extracting(RawHttp.Response::status).contains(401, 403);
        for (RawHttp.Response response : responses) {
            if (!response.body().contains("\"query\"")) { // a search echoes its own query, which held the text
                assertThat(response.body()).doesNotContain(TOKEN).doesNotContain(wrong);
            }
            assertThat(response.headers().values()).noneMatch(value -> value.contains(TOKEN) || value.contains(wrong));
        }
        // The capture must see the filter's own line about the wrong token, or "nothing logged the token" would
        // also hold with nothing captured at all.
        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(message -> message.startsWith("Wrong admin token from "));
        assertThat(log.list).noneMatch(event -> mentions(event, TOKEN) || mentions(event, wrong));
    }

    /** Whether the event's message, or the message of any exception in it, holds {@code text}. */
    private static boolean mentions(ILoggingEvent event, String text) {
        if (event.getFormattedMessage().contains(text)) {
            return true;
        }
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            if (thrown.getMessage() != null && thrown.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
