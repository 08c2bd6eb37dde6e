package dev.blogsearch.indexer.content;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A post's Markdown body as HTML, for a page that shows the post: every heading has the id its search results link
 * to (the anchors {@link MarkdownText} indexes, so a section link lands on its heading), and nothing of the post
 * runs in the reader's browser: raw HTML in the Markdown is shown as text and {@code javascript:} links are
 * dropped. Thread-safe.
 */
public final class PostHtml {

    private final Parser parser = Parser.builder().build();
    private final MarkdownText text = new MarkdownText();

    /** The HTML of the body of a post file's bytes (as {@link HugoPostReader#readBytes} read them). */
    public String renderFile(byte[] bytes) throws PostReadException {
        return render(FrontMatter.parse(Utf8Text.decode(bytes)).body());
    }

    /** The HTML of a Markdown body (front matter removed), as the indexer reads it. */
    public String render(String markdown) {
        String source = MarkdownText.prepare(markdown);
        Node document = parser.parse(source);
        List<org.commonmark.node.Heading> nodes = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Heading heading) {
                nodes.add(heading);
            }
        });
        List<Heading> headings = text.extract(markdown).headings();
        Map<Node, String> anchors = new IdentityHashMap<>();
        if (headings.size() == nodes.size()) {
            for (int i = 0; i < nodes.size(); i++) {
                anchors.put(nodes.get(i), headings.get(i).anchor());
                dropAttributes(nodes.get(i));
            }
        }
        return HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    String anchor = anchors.get(node);
                    if (anchor != null) {
                        attributes.put("id", anchor);
                    }
                })
                .build()
                .render(document);
    }

    /** Removes a trailing {@code {#custom-id}} from the heading's text: it is its id, not its words. */
    private static void dropAttributes(org.commonmark.node.Heading heading) {
        if (heading.getLastChild() instanceof Text last) {
            Matcher attributes = MarkdownText.HEADING_ATTRIBUTES.matcher(last.getLiteral());
            if (attributes.find()) {
                last.setLiteral(last.getLiteral().substring(0, attributes.start()));
            }
        }
    }
}
