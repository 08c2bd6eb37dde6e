package dev.blogsearch.indexer.content;

import java.util.List;

/**
 * The searchable text of a post, kept apart by kind so each can be weighted and highlighted on its own.
 *
 * @param body     prose: paragraphs, list items, table cells, block quotes, link text, image alt text, the text
 *                 inside raw HTML (tags dropped, entities decoded) and inline code as it reads in the sentence;
 *                 one block per line, so excerpts can break at line ends. No headings, no fenced code.
 * @param code     fenced and indented code blocks and inline code spans, each block on its own lines
 * @param headings the post's headings in document order
 */
public record PostText(String body, String code, List<Heading> headings) {

    public PostText {
        headings = List.copyOf(headings);
    }

    /**
     * The headings' text, one per line, as indexed in the headings field. A heading's own line breaks (a setext
     * heading may span lines) become spaces, so line n is always heading n.
     */
    public String headingsText() {
        StringBuilder joined = new StringBuilder();
        for (Heading heading : headings) {
            if (joined.length() > 0) {
                joined.append('\n');
            }
            joined.append(heading.text().replace('\r', ' ').replace('\n', ' '));
        }
        return joined.toString();
    }
}
