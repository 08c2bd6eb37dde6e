package dev.blogsearch.indexer.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The text a reader sees in a block of raw HTML, as lines: tags dropped, entities decoded, image alt text kept,
 * the content of {@code <script>}, {@code <style>} and similar elements dropped, and a line break at
 * {@code <br>} and around each block element. Table cells are separated by spaces, one row per line.
 */
final class HtmlText {

    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "iframe", "object");

    private static final Set<String> BLOCKS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "center",
            "dd",
            "details",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "thead",
            "tfoot",
            "tr",
            "ul");

    private HtmlText() {}

    /** The non-empty, whitespace-normalized lines of {@code html}'s text. */
    static List<String> lines(String html) {
        TextCollector collector = new TextCollector();
        // jsoup's traversal is iterative, so deeply nested HTML cannot overflow the stack.
        NodeTraversor.filter(collector, Jsoup.parseBodyFragment(html).body());
        List<String> lines = new ArrayList<>();
        for (String line : collector.text.toString().split("\n")) {
            String normalized = TextLines.normalize(line);
            if (!normalized.isEmpty()) {
                lines.add(normalized);
            }
        }
        return lines;
    }

    /** The {@code alt} text of an {@code <img>} tag written inline in a paragraph, or empty. */
    static String imageAlt(String tag) {
        Element image = Jsoup.parseBodyFragment(tag).body().selectFirst("img");
        return image == null ? "" : image.attr("alt");
    }

    private static final class TextCollector implements NodeFilter {

        final StringBuilder text = new StringBuilder();
        private int preDepth;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                // Outside <pre> a newline in HTML source is only whitespace.
                String whole = textNode.getWholeText();
                text.append(preDepth > 0 ? whole : whole.replace('\n', ' '));
            } else if (node instanceof Element element) {
                String name = element.normalName();
                if (SKIPPED.contains(name)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (name.equals("pre")) {
                    preDepth++;
                }
                if (name.equals("br") || BLOCKS.contains(name)) {
                    text.append('\n');
                } else if (name.equals("td") || name.equals("th")) {
                    text.append(' ');
                } else if (name.equals("img")) {
                    text.append(' ').append(element.attr("alt")).append(' ');
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                text.append('\n');
                if (element.normalName().equals("pre")) {
                    preDepth--;
                }
            }
            return FilterResult.CONTINUE;
        }
    }
}
