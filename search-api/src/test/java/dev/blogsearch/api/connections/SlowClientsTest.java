package dev.blogsearch.api.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.api.web.SampleBlogServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that hold a connection without ever finishing a request (slowloris): a header line every half second
 * once kept a connection open for good. With a 2 s request read timeout, the server closes each such connection
 * itself (the test reads until the end of the stream, with a bound far above the timeout), and still answers a
 * client that sends its request whole.
 */
@MicronautTest
@Property(name = "blogsearch.connections.request-read-timeout", value = "2s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsTest implements SampleBlogServer {

    @Inject
    EmbeddedServer server;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRequestSentOneHeaderLineAtATimeIsCutOff() throws Exception {
        try (Socket socket = HttpSockets.connect(server.getURL(), "127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/tags HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread dribble = new Thread(() -> {
                try {
                    for (int i = 0; ; i++) {
                        Thread.sleep(500);
                        out.write(("X-Slow-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed the connection, or the test ended
                }
            });
            dribble.setDaemon(true);
            dribble.start();

            assertThat(HttpSockets.closedByServer(socket))
                    .as("closed by the server")
                    .isTrue();
            dribble.interrupt();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void halfARequestLineAndThenSilenceIsCutOff() throws Exception {
        try (Socket socket = HttpSockets.connect(server.getURL(), "127.0.0.1")) {
            socket.getOutputStream().write("GET /api/ta".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            assertThat(HttpSockets.closedByServer(socket))
                    .as("closed by the server")
                    .isTrue();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aWholeRequestIsAnsweredAndTheConnectionClosedOnceIdle() throws Exception {
        try (Socket socket = HttpSockets.connect(server.getURL(), "127.0.0.1")) {
            assertThat(HttpSockets.get(socket, "/api/tags")).isEqualTo(200);
            assertThat(HttpSockets.get(socket, "/api/search?q=redis")).isEqualTo(200);

            assertThat(HttpSockets.closedByServer(socket))
                    .as("closed by the server")
                    .isTrue();
        }
    }
}
