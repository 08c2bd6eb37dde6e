package dev.blogsearch.indexer.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.indexer.content.PublishRules.Verdict;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishRulesTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final OffsetDateTime PAST = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime FUTURE = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static Post post(OffsetDateTime date, boolean draft, Publishing publishing) {
        PostText text = new PostText("", "", List.of());
        return new Post(
                "p",
                "p.md",
                "/p/",
                "P",
                date,
                List.of(),
                List.of(),
                draft,
                "",
                text,
                null,
                null,
                "",
                List.of(),
                Map.of(),
                publishing);
    }

    private static Post dated(OffsetDateTime date) {
        return post(date, false, Publishing.ALWAYS);
    }

    @Test
    void hugosPlainBuildPublishesOnlyWhatIsDueAndListed() {
        PublishRules rules = PublishRules.HUGO_DEFAULT;
        assertThat(rules.judge(dated(PAST), NOW)).isEqualTo(Verdict.PUBLISHED);
        assertThat(rules.judge(dated(null), NOW)).isEqualTo(Verdict.PUBLISHED);
        assertThat(rules.judge(post(PAST, true, Publishing.ALWAYS), NOW)).isEqualTo(Verdict.DRAFT);
        assertThat(rules.judge(dated(FUTURE), NOW)).isEqualTo(Verdict.SCHEDULED);
        // publishDate decides over date, in both directions.
        assertThat(rules.judge(post(PAST, false, new Publishing(FUTURE, null, true, true, false)), NOW))
                .isEqualTo(Verdict.SCHEDULED);
        assertThat(rules.judge(post(FUTURE, false, new Publishing(PAST, null, true, true, false)), NOW))
                .isEqualTo(Verdict.PUBLISHED);
        assertThat(rules.judge(post(PAST, false, new Publishing(null, PAST, true, true, false)), NOW))
                .isEqualTo(Verdict.EXPIRED);
        assertThat(rules.judge(post(PAST, false, new Publishing(null, null, true, true, true)), NOW))
                .isEqualTo(Verdict.HEADLESS);
        assertThat(rules.judge(post(PAST, false, new Publishing(null, null, true, false, false)), NOW))
                .isEqualTo(Verdict.NOT_RENDERED);
        assertThat(rules.judge(post(PAST, false, new Publishing(null, null, false, true, false)), NOW))
                .isEqualTo(Verdict.NOT_LISTED);
    }

    @Test
    void flagsIncludeWhatHugosFlagsInclude() {
        assertThat(new PublishRules(true, false, false).judge(post(PAST, true, Publishing.ALWAYS), NOW))
                .isEqualTo(Verdict.PUBLISHED);
        assertThat(new PublishRules(false, true, false).judge(dated(FUTURE), NOW))
                .isEqualTo(Verdict.PUBLISHED);
        assertThat(new PublishRules(false, false, true)
                        .judge(post(PAST, false, new Publishing(null, PAST, true, true, false)), NOW))
                .isEqualTo(Verdict.PUBLISHED);
    }

    @Test
    void theNextChangeIsAScheduledPostsDateOrAPublishedPostsExpiry() {
        PublishRules rules = PublishRules.HUGO_DEFAULT;
        assertThat(rules.nextChange(dated(FUTURE), NOW)).isEqualTo(FUTURE.toInstant());
        assertThat(rules.nextChange(post(PAST, false, new Publishing(null, FUTURE, true, true, false)), NOW))
                .isEqualTo(FUTURE.toInstant());
        assertThat(rules.nextChange(dated(PAST), NOW)).isNull();
        // Nothing the clock changes: a draft, an expired post, a headless bundle that expires later.
        assertThat(rules.nextChange(post(FUTURE, true, Publishing.ALWAYS), NOW)).isNull();
        assertThat(rules.nextChange(post(PAST, false, new Publishing(null, PAST, true, true, false)), NOW))
                .isNull();
        assertThat(rules.nextChange(post(PAST, false, new Publishing(null, FUTURE, true, true, true)), NOW))
                .isNull();
        assertThat(new PublishRules(false, true, false).nextChange(dated(FUTURE), NOW))
                .isNull();
    }
}
