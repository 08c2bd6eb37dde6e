package dev.blogsearch.highlight;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as safe HTML: every character of the post is escaped, and the only markup is our
 * {@code <mark>} around matched words. Overlapping matches (an identifier and its parts, a phrase and its words)
 * are merged into one mark. Passages that are not adjacent are joined with an ellipsis.
 */
final class MarkPassageFormatter extends PassageFormatter {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    private static final String ELLIPSIS = " … ";

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder html = new StringBuilder();
        int previousEnd = -1;
        for (Passage passage : passages) {
            if (previousEnd >= 0 && passage.getStartOffset() != previousEnd) {
                while (html.length() > 0 && html.charAt(html.length() - 1) == ' ') {
                    html.setLength(html.length() - 1);
                }
                html.append(ELLIPSIS);
            }
            int position = passage.getStartOffset();
            int[] starts = passage.getMatchStarts();
            int[] ends = passage.getMatchEnds();
            int i = 0;
            while (i < passage.getNumMatches()) {
                int start = Math.max(starts[i], position);
                int end = ends[i];
                // Merge every following match that starts before this one ends.
                while (i + 1 < passage.getNumMatches() && starts[i + 1] <= end) {
                    end = Math.max(end, ends[++i]);
                }
                i++;
                end = Math.min(end, passage.getEndOffset());
                if (end <= start) {
                    continue;
                }
                escape(content, position, start, html);
                html.append(OPEN);
                escape(content, start, end, html);
                html.append(CLOSE);
                position = end;
            }
            escape(content, position, passage.getEndOffset(), html);
            previousEnd = passage.getEndOffset();
        }
        return html.toString().strip();
    }

    static void escape(String content, int start, int end, StringBuilder html) {
        for (int i = start; i < end; i++) {
            char c = content.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '\n', '\r', '\t' -> html.append(' ');
                default -> html.append(c);
            }
        }
    }
}
