package dev.blogsearch.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.blogsearch.api.config.BlogSearchConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A service pointed at a folder with no posts says so in its log, naming the setting to check: it would otherwise
 * start, answer every search with nothing, and never say why.
 */
class NoPostsWarningTest {

    @TempDir
    Path temp;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void stopCapture() {
        logger().detachAppender(log);
    }

    private static Logger logger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Reindexer.class);
    }

    private List<String> warningsOfARunOn(Path content) throws Exception {
        new Reindexer(BlogSearchConfig.of(content, temp.resolve("index"))).run(false);
        return log.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void aFolderWithoutPostsIsAWarningNamingTheFolderAndTheSetting() throws Exception {
        Path content = Files.createDirectories(temp.resolve("site"));
        Files.writeString(content.resolve("_index.md"), "---\ntitle: Home\n---\n", StandardCharsets.UTF_8);

        assertThat(warningsOfARunOn(content))
                .singleElement()
                .asString()
                .startsWith("No posts to search in " + content.toAbsolutePath() + ": it holds no Markdown posts")
                .contains("BLOGSEARCH_CONTENT_DIR");
    }

    @Test
    void onlyDraftsSaysHowToIncludeThem() throws Exception {
        Path content = Files.createDirectories(temp.resolve("content/posts")).getParent();
        Files.writeString(
                content.resolve("posts/a.md"), "---\ntitle: A\ndraft: true\n---\n正文\n", StandardCharsets.UTF_8);

        assertThat(warningsOfARunOn(content))
                .singleElement()
                .asString()
                .isEqualTo("No posts to search in " + content.toAbsolutePath()
                        + ": all 1 are drafts (set BLOGSEARCH_INCLUDE_DRAFTS=true to include them)");
    }

    @Test
    void aFolderWithPostsIsNoWarning() throws Exception {
        Path content = Files.createDirectories(temp.resolve("content/posts")).getParent();
        Files.writeString(content.resolve("posts/a.md"), "---\ntitle: A\n---\n正文\n", StandardCharsets.UTF_8);

        assertThat(warningsOfARunOn(content)).isEmpty();
    }
}
