package dev.blogsearch.api.eval;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgedPostsTest {

    private static ThemeIndexEntry published(String id) {
        return new ThemeIndexEntry(id, "title", "content", "", List.of(), List.of());
    }

    @Test
    void aJudgmentOfAPostTheBlogDoesNotPublishStopsTheEvalNamingIt() {
        List<Judgments.Query> queries = List.of(new Judgments.Query(
                "q1", "blog", "code", "gitlab-ctl", Map.of("post/upgrade", 2, "post/upgrade-draft", 2)));

        assertThatThrownBy(() -> SearchQualityEvaluation.requireJudgedPostsPublished(
                        "blog", queries, List.of(published("post/upgrade"))))
                .hasMessageContaining("q1 post/upgrade-draft")
                .hasMessageNotContaining("q1 post/upgrade,");
    }

    @Test
    void judgmentsOfPublishedPostsPass() {
        List<Judgments.Query> queries =
                List.of(new Judgments.Query("q1", "blog", "code", "gitlab-ctl", Map.of("post/upgrade", 2)));

        assertThatCode(() -> SearchQualityEvaluation.requireJudgedPostsPublished(
                        "blog", queries, List.of(published("post/upgrade"), published("post/other"))))
                .doesNotThrowAnyException();
    }
}
