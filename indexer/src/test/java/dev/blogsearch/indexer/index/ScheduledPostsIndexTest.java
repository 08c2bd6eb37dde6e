package dev.blogsearch.indexer.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.content.PublishRules.Verdict;
import dev.blogsearch.schema.PostFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only what Hugo publishes is indexed, and the clock alone changes that: a scheduled post appears, an expiring one
 * goes, on the first incremental run after their moment, though no file changed.
 */
class ScheduledPostsIndexTest {

    private static final Instant BEFORE = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant DUE = Instant.parse("2030-02-01T00:00:00Z");
    private static final Instant AFTER = Instant.parse("2030-03-01T00:00:00Z");

    @TempDir
    Path temp;

    private Path content() {
        return temp.resolve("content");
    }

    private Path index() {
        return temp.resolve("index");
    }

    /** A post whose file was last modified long ago, so an unchanged file is not even hashed again. */
    private void write(String relative, String frontMatter) throws IOException {
        Path file = content().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\n" + frontMatter + "\n---\n正文\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
    }

    private static BlogIndexer at(Instant now) {
        return at(now, IndexSettings.defaults());
    }

    private static BlogIndexer at(Instant now, IndexSettings settings) {
        return new BlogIndexer(settings.withThreads(2), Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<String> sources() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Directory directory = FSDirectory.open(index());
                DirectoryReader reader = DirectoryReader.open(directory)) {
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                sources.add(reader.storedFields().document(doc).get(PostFields.SOURCE));
            }
        }
        sources.sort(String::compareTo);
        return sources;
    }

    private Instant recordedNextChange() throws IOException {
        try (Directory directory = FSDirectory.open(index())) {
            return IndexMetadata.read(directory).orElseThrow().nextChange();
        }
    }

    @Test
    void eachKindOfUnpublishedPostIsSkippedAndCounted() throws IOException {
        write("posts/published.md", "date: 2020-01-01");
        write("posts/draft.md", "draft: true");
        write("posts/scheduled.md", "date: 2030-02-01T00:00:00Z");
        write("posts/expired.md", "expiryDate: 2020-01-01");
        write("posts/headless/index.md", "headless: true");
        write("posts/unlisted.md", "_build:\n  list: never");
        write("posts/unrendered.md", "_build:\n  render: never");

        IndexRunSummary summary = at(BEFORE).rebuild(content(), index());

        assertThat(sources()).containsExactly("posts/published.md");
        assertThat(summary.skipped())
                .isEqualTo(Map.of(
                        Verdict.DRAFT, 1,
                        Verdict.SCHEDULED, 1,
                        Verdict.EXPIRED, 1,
                        Verdict.HEADLESS, 1,
                        Verdict.NOT_LISTED, 1,
                        Verdict.NOT_RENDERED, 1));
        assertThat(summary.skippedTotal()).isEqualTo(6);
        assertThat(summary.nextChange()).isEqualTo(DUE);
    }

    @Test
    void aScheduledPostIsAddedByTheFirstRunAfterItsDate() throws IOException {
        write("posts/published.md", "date: 2020-01-01");
        write("posts/scheduled.md", "publishDate: 2030-02-01T00:00:00Z");
        at(BEFORE).update(content(), index());
        assertThat(sources()).containsExactly("posts/published.md");
        assertThat(recordedNextChange()).isEqualTo(DUE);

        IndexRunSummary after = at(AFTER).update(content(), index());

        assertThat(after.kind()).isEqualTo(RunKind.INCREMENTAL);
        assertThat(after.added()).isEqualTo(1);
        assertThat(sources()).containsExactly("posts/published.md", "posts/scheduled.md");
        assertThat(recordedNextChange()).isNull();
    }

    @Test
    void anExpiringPostIsRemovedByTheFirstRunAfterItsExpiryThoughItsFileDidNotChange() throws IOException {
        write("posts/published.md", "date: 2020-01-01");
        write("posts/offer.md", "date: 2020-01-01\nexpiryDate: 2030-02-01T00:00:00Z");
        at(BEFORE).update(content(), index());
        assertThat(sources()).containsExactly("posts/offer.md", "posts/published.md");
        assertThat(recordedNextChange()).isEqualTo(DUE);
        // A run before the expiry keeps it, and still knows when it expires.
        IndexRunSummary before = at(BEFORE.plusSeconds(60)).update(content(), index());
        assertThat(before.unchanged()).isEqualTo(2);
        assertThat(before.nextChange()).isEqualTo(DUE);

        IndexRunSummary after = at(AFTER).update(content(), index());

        assertThat(after.kind()).isEqualTo(RunKind.INCREMENTAL);
        assertThat(after.skipped()).isEqualTo(Map.of(Verdict.EXPIRED, 1));
        assertThat(sources()).containsExactly("posts/published.md");
        assertThat(recordedNextChange()).isNull();
    }

    @Test
    void aNewScheduledPostIsCommittedForItsMomentThoughTheIndexedPostsAreTheSame() throws IOException {
        write("posts/published.md", "date: 2020-01-01");
        at(BEFORE).update(content(), index());
        write("posts/scheduled.md", "date: 2030-02-01T00:00:00Z");

        IndexRunSummary summary = at(BEFORE).update(content(), index());

        assertThat(summary.committed()).isTrue();
        assertThat(recordedNextChange()).isEqualTo(DUE);
    }

    @Test
    void futureAndExpiredPostsAreIndexedWhenAskedForAndTheIndexIsRebuiltForIt() throws IOException {
        write("posts/scheduled.md", "date: 2030-02-01T00:00:00Z");
        write("posts/expired.md", "expiryDate: 2020-01-01");
        at(BEFORE).update(content(), index());
        assertThat(sources()).isEmpty();

        IndexSettings both = new IndexSettings(false, true, true, List.of(), ZoneOffset.UTC, 2, false, List.of(), null);
        IndexRunSummary summary = at(BEFORE, both).update(content(), index());

        assertThat(summary.kind()).isEqualTo(RunKind.SETTINGS_CHANGED);
        assertThat(sources()).containsExactly("posts/expired.md", "posts/scheduled.md");
        assertThat(summary.nextChange()).isNull();
    }
}
