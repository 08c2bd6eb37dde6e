package dev.blogsearch.api.connections;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * One address may hold at most {@code max-per-address} connections: 20,000 from one client once exhausted the
 * process's file descriptors. Here 5 connections from 127.0.0.2 are served, the 6th is closed as it opens (with a
 * log line that names the address and the setting), a reader at another address is served meanwhile, and the
 * address gets its connection back once one of its own closes.
 */
@MicronautTest
@Property(name = "blogsearch.connections.max-per-address", value = "5")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionCapTest implements SampleBlogServer {

    private static final String GREEDY = "127.0.0.2";

    @Inject
    EmbeddedServer server;

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
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(ConnectionsPerAddress.class);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theConnectionPastTheCapIsRefusedAndOtherAddressesAreServed() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Socket socket = HttpSockets.connect(server.getURL(), GREEDY);
                held.add(socket);
                assertThat(HttpSockets.get(socket, "/api/tags")).isEqualTo(200);
            }

            try (Socket extra = HttpSockets.connect(server.getURL(), GREEDY)) {
                assertThat(HttpSockets.get(extra, "/api/tags"))
                        .as("answer on the 6th connection")
                        .isEqualTo(-1);
            }
            try (Socket reader = HttpSockets.connect(server.getURL(), "127.0.0.1")) {
                assertThat(HttpSockets.get(reader, "/api/search?q=redis")).isEqualTo(200);
            }
            assertThat(log.list)
                    .anySatisfy(event -> assertThat(event.getFormattedMessage())
                            .contains(GREEDY)
                            .contains("max-per-address"));

            held.remove(0).close();
            int status = -1;
            for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
                // The server counts the closed connection out once it has seen it close.
                try (Socket again = HttpSockets.connect(server.getURL(), GREEDY)) {
                    status = HttpSockets.get(again, "/api/tags");
                }
                if (status != 200) {
                    Thread.sleep(50);
                }
            }
            assertThat(status).isEqualTo(200);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
