package dev.blogsearch.highlight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats the matched lines of the headings field (one heading a line, one passage a line) as
 * {@link MatchedHeading}s, best match first. The line number says which heading it is, which is what links it to
 * its stored anchor.
 */
final class SectionFormatter extends PassageFormatter {

    private final MarkPassageFormatter marks = new MarkPassageFormatter();

    @Override
    public List<MatchedHeading> format(Passage[] passages, String content) {
        Passage[] best = passages.clone();
        Arrays.sort(
                best,
                Comparator.comparingDouble(Passage::getScore).reversed().thenComparingInt(Passage::getStartOffset));
        List<MatchedHeading> headings = new ArrayList<>(best.length);
        for (Passage passage : best) {
            if (passage.getNumMatches() == 0) {
                continue;
            }
            int index = lineOf(content, passage.getStartOffset());
            String text = content.substring(passage.getStartOffset(), passage.getEndOffset())
                    .strip();
            headings.add(new MatchedHeading(index, text, marks.format(new Passage[] {passage}, content)));
        }
        return headings;
    }

    private static int lineOf(String content, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
