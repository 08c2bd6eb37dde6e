package dev.blogsearch.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blogsearch.api.index.TempBlog;
import dev.blogsearch.api.web.ApiError;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code POST /api/admin/reindex} and {@code GET /api/admin/status}, as a deploy hook uses them. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest implements TestPropertyProvider {

    private static final String TOKEN = "admin-api-test-token-0123456789abcdef-0123456789";

    // Four copies of the sample blog, so that a full rebuild lasts long enough to be caught running.
    private final TempBlog blog = TempBlog.create(4);

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return blog.properties(Map.of("blogsearch.admin.token", TOKEN));
    }

    /** The start-up update of the (prebuilt) index runs in the background; a reindex asked meanwhile is a 409. */
    @BeforeEach
    void startUpUpdateHasEnded() throws InterruptedException {
        awaitIdle();
    }

    @Test
    void withoutTheTokenTheAnswerIs401AndWithAWrongOne403() {
        assertThat(refused(HttpRequest.POST("/api/admin/reindex", ""))
                        .getStatus()
                        .getCode())
                .isEqualTo(401);
        assertThat(refused(HttpRequest.GET("/api/admin/status")).getStatus().getCode())
                .isEqualTo(401);
        assertThat(refused(HttpRequest.POST("/api/admin/reindex", "").bearerAuth("wrong"))
                        .getStatus()
                        .getCode())
                .isEqualTo(403);
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseIs400NamingIt() {
        // Read like every other endpoint's parameters (RequestParameters): not silently taken as false.
        HttpClientResponseException e = refused(admin(HttpRequest.POST("/api/admin/reindex?wait=soon", "")));

        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(ApiError.class).orElseThrow().message())
                .isEqualTo("wait must be true or false.");
    }

    @Test
    void waitAnswersWithTheSummaryAndTheNextSearchSeesTheChange() {
        blog.write("posts/admin-api-new.md", "New post", "pangolinword is only here");

        HttpResponse<RunSummary> response = client.toBlocking()
                .exchange(admin(HttpRequest.POST("/api/admin/reindex?wait=true", "")), RunSummary.class);

        assertThat(response.status().getCode()).isEqualTo(200);
        RunSummary summary = response.body();
        assertThat(summary.full()).isFalse();
        assertThat(summary.added()).isEqualTo(1);
        assertThat(summary.updated() + summary.deleted() + summary.failed()).isZero();
        assertThat(summary.unchanged()).isEqualTo(summary.posts() - 1);
        assertThat(total("pangolinword")).isEqualTo(1);

        StatusResponse status = status();
        assertThat(status.posts()).isEqualTo(summary.posts());
        assertThat(status.lastCommit()).isNotBlank();
        assertThat(status.running()).isFalse();
        assertThat(status.lastRun().added()).isEqualTo(1);
    }

    @Test
    void aSecondReindexWhileOneRunsIsRefusedWith409AndAClearMessage() throws InterruptedException {
        HttpResponse<StatusResponse> started = client.toBlocking()
                .exchange(admin(HttpRequest.POST("/api/admin/reindex?full=true", "")), StatusResponse.class);
        assertThat(started.status().getCode()).isEqualTo(202);
        assertThat(started.body().running()).isTrue();
        assertThat(started.body().current().full()).isTrue();

        HttpClientResponseException second = refused(admin(HttpRequest.POST("/api/admin/reindex", "")));
        assertThat(second.getStatus().getCode()).isEqualTo(409);
        assertThat(second.getResponse().getBody(ApiError.class).orElseThrow().message())
                .contains("already running");

        StatusResponse status = awaitIdle();
        assertThat(status.lastRun().full()).isTrue();
        assertThat(status.lastRun().rebuildReason()).isEqualTo("a full rebuild was asked for");
        assertThat(status.lastRun().added()).isEqualTo(status.posts());
    }

    @Test
    void aReindexWhileTheCommandLineIndexerWritesIsRefusedWith409() throws Exception {
        awaitIdle();
        try (Directory directory = FSDirectory.open(blog.index());
                IndexWriter commandLine = new IndexWriter(directory, new IndexWriterConfig())) {
            for (String path : new String[] {"/api/admin/reindex?wait=true", "/api/admin/reindex"}) {
                HttpClientResponseException e = refused(admin(HttpRequest.POST(path, "")));
                assertThat(e.getStatus().getCode()).isEqualTo(409);
                assertThat(e.getResponse().getBody(ApiError.class).orElseThrow().message())
                        .contains("command-line indexer");
            }
        }
        assertThat(status().running()).isFalse();
    }

    @Test
    void aRunThatFailsAnswers503WithTheReasonAndThePreviousIndexIsStillServed() throws Exception {
        awaitIdle();
        int before = total("redis");
        Path away = blog.content().resolveSibling("content-moved-away");
        Files.move(blog.content(), away);
        try {
            HttpClientResponseException e = assertThrows(
                    HttpClientResponseException.class,
                    () -> client.toBlocking()
                            .exchange(
                                    admin(HttpRequest.POST("/api/admin/reindex?wait=true", "")),
                                    Argument.of(RunSummary.class),
                                    Argument.of(RunSummary.class)));
            assertThat(e.getStatus().getCode()).isEqualTo(503);
            RunSummary failed = e.getResponse().getBody(RunSummary.class).orElseThrow();
            assertThat(failed.error())
                    .contains("content directory", "does not exist")
                    .doesNotContain("Exception");
            assertThat(total("redis")).isEqualTo(before).isPositive();
            assertThat(status().lastRun().error()).isEqualTo(failed.error());
        } finally {
            Files.move(away, blog.content());
        }
        assertThat(client.toBlocking()
                        .exchange(admin(HttpRequest.POST("/api/admin/reindex?wait=true", "")), RunSummary.class)
                        .status()
                        .getCode())
                .isEqualTo(200);
    }

    private StatusResponse awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        StatusResponse status = status();
        while (status.running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = status();
        }
        assertThat(status.running()).isFalse();
        return status;
    }

    private StatusResponse status() {
        return client.toBlocking().retrieve(admin(HttpRequest.GET("/api/admin/status")), StatusResponse.class);
    }

    private int total(String query) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.GET("/api/search?q=" + query), Map.class);
        return ((Number) body.get("total")).intValue();
    }

    private static <T> MutableHttpRequest<T> admin(MutableHttpRequest<T> request) {
        return request.bearerAuth(TOKEN);
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        return assertThrows(
                HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(ApiError.class)));
    }
}
