package dev.blogsearch.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreakIteratorTest {

    private static List<String> sentences(String text) {
        BreakIterator breaks = new SentenceBreakIterator();
        breaks.setText(text);
        List<String> result = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            result.add(text.substring(start, end));
        }
        return result;
    }

    @Test
    void breaksAfterChineseAndEnglishSentenceEndsAndSemicolons() {
        assertThat(sentences("先停止写入。然后执行 compact！Done. Next; 最后；好"))
                .containsExactly("先停止写入。", "然后执行 compact！", "Done.", " Next;", " 最后；", "好");
    }

    @Test
    void breaksAtLineEndsSoCodeIsOneLineASentence() {
        assertThat(sentences("port: 6379\nbind: 0.0.0.0\n")).containsExactly("port: 6379\n", "bind: 0.0.0.0\n");
    }

    @Test
    void dotsInsideNamesAndNumbersDoNotEndSentences() {
        assertThat(sentences("Use node.js 3.14 and pg_hba.conf now."))
                .containsExactly("Use node.js 3.14 and pg_hba.conf now.");
    }

    @Test
    void closingQuotesStayWithTheirSentence() {
        assertThat(sentences("他说：“先备份。”然后重启。")).containsExactly("他说：“先备份。”", "然后重启。");
    }

    @Test
    void overlongSentencesAreCutAtACommaOrSpaceNeverInsideAWord() {
        String longSentence = "word ".repeat(60) + "end";
        List<String> parts = sentences(longSentence);
        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(SentenceBreakIterator.MAX_SENTENCE);
            assertThat(part).doesNotStartWith("ord").doesNotStartWith("rd");
        });
        assertThat(String.join("", parts)).isEqualTo(longSentence);
    }

    @Test
    void longChineseWithoutPunctuationIsCutBetweenCharactersButNotInsideEnglish() {
        String text = "中".repeat(95) + "kubernetes" + "文".repeat(95);
        List<String> parts = sentences(text);
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts)
                .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(SentenceBreakIterator.MAX_SENTENCE));
        assertThat(parts).anyMatch(part -> part.contains("kubernetes"));
    }

    @Test
    void followingAndPrecedingFindTheSentenceAroundAnOffset() {
        BreakIterator breaks = new SentenceBreakIterator();
        breaks.setText("一。二。三。");
        assertThat(breaks.following(2)).isEqualTo(4);
        assertThat(breaks.preceding(3)).isEqualTo(2);
        assertThat(breaks.following(6)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
    }

    @Test
    void jumpingStraightToAnOffsetFindsTheBoundariesThatWalkingFromTheStartFinds() {
        // Boundaries are found lazily: a fresh iterator asked about a late offset must scan up to it correctly.
        String text = "先停止写入。然后执行 compact！Done. Next; 最后；好\n" + "中".repeat(150) + "\nls -la /tmp。";
        BreakIterator walked = new SentenceBreakIterator();
        walked.setText(text);
        List<Integer> boundaries = new ArrayList<>();
        for (int b = walked.first(); b != BreakIterator.DONE; b = walked.next()) {
            boundaries.add(b);
        }
        for (int i = 0; i <= text.length(); i++) {
            int offset = i;
            BreakIterator fresh = new SentenceBreakIterator();
            fresh.setText(text);
            int following = fresh.following(offset);
            int expectedFollowing =
                    boundaries.stream().filter(b -> b > offset).findFirst().orElse(BreakIterator.DONE);
            assertThat(following).as("following(%d)", offset).isEqualTo(expectedFollowing);
            fresh = new SentenceBreakIterator();
            fresh.setText(text);
            int expectedPreceding = boundaries.stream()
                    .filter(b -> b < offset)
                    .reduce((a, b) -> b)
                    .orElse(BreakIterator.DONE);
            assertThat(fresh.preceding(offset)).as("preceding(%d)", offset).isEqualTo(expectedPreceding);
        }
        BreakIterator last = new SentenceBreakIterator();
        last.setText(text);
        assertThat(last.last()).isEqualTo(text.length());
    }
}
