package dev.blogsearch.indexer.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Turns a post's Markdown body into its searchable {@link PostText}: prose, code and headings kept apart.
 *
 * <p>Hugo shortcodes and Liquid tags are removed first ({@link TemplateTags}), then commonmark-java parses the
 * Markdown. Headings carry Hugo's anchors ({@link HeadingAnchors}) and are not in the body; fenced and indented
 * code goes to {@code code} only; inline code is in both, since it is part of the sentence. Raw HTML counts for
 * its visible text ({@link HtmlText}).
 *
 * <p>Thread-safe: the commonmark {@link Parser} is built once and is itself thread-safe, and each call keeps its
 * state on the stack. The tree is walked iteratively, so deeply nested lists and quotes cannot overflow the stack.
 */
public final class MarkdownText {

    // Goldmark's attribute syntax at the end of a heading: {#custom-id}, {#id .class}, {.class key=value}.
    static final Pattern HEADING_ATTRIBUTES =
            Pattern.compile("\\s*\\{((?:\\s*(?:[#.][^\\s{}#.]+|[\\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\\s{}]+)))+)\\s*}\\s*$");
    private static final Pattern CUSTOM_ID = Pattern.compile("#([^\\s{}#.]+)");
    private static final Pattern HTML_TAG = Pattern.compile("<\\s*(/?)\\s*([A-Za-z][A-Za-z0-9-]*)");
    // An ATX heading's opening #s, and its optional closing sequence (a run of # after a space, or alone).
    private static final Pattern ATX_OPENING = Pattern.compile("^\\s*#{1,6}(?:[ \\t]+|$)");
    private static final Pattern ATX_CLOSING = Pattern.compile("(?:^|[ \\t]+)#+[ \\t]*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("\\s*(?:=+|-+)\\s*");

    // Block source spans give each heading's own Markdown, from which Hugo 0.111 makes its anchor.
    private final Parser parser =
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    /** The text of {@code markdown}, a post body without front matter. Never throws. */
    public PostText extract(String markdown) {
        String source = prepare(markdown);
        Extraction extraction = new Extraction(source.split("\n", -1));
        try {
            extraction.walk(parser.parse(source));
        } catch (RuntimeException unexpected) {
            // A parser bug on some odd input must not cost the post: index its raw lines as prose instead.
            return new PostText(String.join("\n", plainLines(source)), "", List.of());
        }
        return extraction.result();
    }

    /** The Markdown commonmark-java parses: line ends made {@code \n}, Hugo shortcodes and Liquid tags removed. */
    static String prepare(String markdown) {
        return TemplateTags.strip(markdown.replace("\r\n", "\n").replace('\r', '\n'));
    }

    private static List<String> plainLines(String source) {
        List<String> lines = new ArrayList<>();
        for (String line : source.split("\n")) {
            String normalized = TextLines.normalize(line);
            if (!normalized.isEmpty()) {
                lines.add(normalized);
            }
        }
        return lines;
    }

    /** The state of one extraction: the body, code and headings collected so far. */
    private static final class Extraction {

        /** The Markdown's lines, for the source of headings. */
        private final String[] sourceLines;

        Extraction(String[] sourceLines) {
            this.sourceLines = sourceLines;
        }

        private final List<String> body = new ArrayList<>();
        private final StringBuilder code = new StringBuilder();
        private boolean lastCodeWasBlock;
        private final List<Heading> headings = new ArrayList<>();
        private final HeadingAnchors anchors = new HeadingAnchors();
        /** The paragraph or heading whose inline text is being collected, or null. */
        private InlineText inline;
        /** The inline {@code <script>} or {@code <style>} whose content is being skipped, or null. */
        private String skippedInlineElement;

        /** Visits every node in document order without recursion: down to the first child, else to the next. */
        void walk(Node document) {
            Node node = document.getFirstChild();
            while (node != null) {
                if (enter(node) && node.getFirstChild() != null) {
                    node = node.getFirstChild();
                    continue;
                }
                while (node != null && node != document) {
                    exit(node);
                    if (node.getNext() != null) {
                        node = node.getNext();
                        break;
                    }
                    node = node.getParent();
                }
                if (node == document) {
                    node = null;
                }
            }
        }

        /** Handles a node on the way down; returns whether its children are to be visited. */
        private boolean enter(Node node) {
            if (node instanceof Paragraph || node instanceof org.commonmark.node.Heading) {
                inline = new InlineText();
                skippedInlineElement = null;
            } else if (node instanceof Text text) {
                appendInline(text.getLiteral());
            } else if (node instanceof Code codeSpan) {
                appendInline(codeSpan.getLiteral());
                appendCode(codeSpan.getLiteral(), false);
            } else if (node instanceof SoftLineBreak) {
                if (inline != null) {
                    inline.softBreak();
                }
            } else if (node instanceof HardLineBreak) {
                if (inline != null) {
                    inline.hardBreak();
                }
            } else if (node instanceof HtmlInline html) {
                inlineHtml(html.getLiteral());
            } else if (node instanceof FencedCodeBlock fenced) {
                appendCode(fenced.getLiteral(), true);
                return false;
            } else if (node instanceof IndentedCodeBlock indented) {
                appendCode(indented.getLiteral(), true);
                return false;
            } else if (node instanceof HtmlBlock html) {
                body.addAll(HtmlText.lines(html.getLiteral()));
                return false;
            } else if (node instanceof LinkReferenceDefinition || node instanceof ThematicBreak) {
                return false;
            }
            // Links and images fall through: their children are the link text and the alt text.
            return true;
        }

        private void exit(Node node) {
            if (node instanceof Paragraph && inline != null) {
                body.addAll(inline.lines());
                inline = null;
            } else if (node instanceof org.commonmark.node.Heading heading && inline != null) {
                addHeading(heading.getLevel(), inline.singleLine(), headingSource(heading));
                inline = null;
            }
        }

        private void appendInline(String text) {
            if (inline != null && skippedInlineElement == null) {
                inline.append(text);
            }
        }

        /** Inline tags are dropped, their text stays; {@code <br>} breaks the line and {@code <img>} gives alt text. */
        private void inlineHtml(String tag) {
            if (inline == null) {
                return;
            }
            Matcher m = HTML_TAG.matcher(tag);
            if (!m.lookingAt()) {
                return;
            }
            boolean closing = !m.group(1).isEmpty();
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (skippedInlineElement != null) {
                if (closing && name.equals(skippedInlineElement)) {
                    skippedInlineElement = null;
                }
            } else if (!closing && (name.equals("script") || name.equals("style")) && !tag.endsWith("/>")) {
                skippedInlineElement = name;
            } else if (name.equals("br")) {
                inline.hardBreak();
            } else if (name.equals("img")) {
                inline.append(" " + HtmlText.imageAlt(tag) + " ");
            }
        }

        /** Code blocks are set apart by a blank line; consecutive inline code spans sit one per line. */
        private void appendCode(String literal, boolean block) {
            String text = block && literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
            if (text.isBlank()) {
                return;
            }
            if (code.length() > 0) {
                code.append(block || lastCodeWasBlock ? "\n\n" : "\n");
            }
            code.append(text);
            lastCodeWasBlock = block;
        }

        private void addHeading(int level, String text, String source) {
            Matcher attributes = HEADING_ATTRIBUTES.matcher(text);
            String customId = null;
            if (attributes.find()) {
                Matcher id = CUSTOM_ID.matcher(attributes.group(1));
                customId = id.find() ? id.group(1) : null;
                text = text.substring(0, attributes.start()).strip();
            }
            String anchor;
            if (customId != null) {
                anchor = anchors.custom(customId);
            } else {
                Matcher sourceAttributes = HEADING_ATTRIBUTES.matcher(source);
                anchor = anchors.generate(
                        sourceAttributes.find() ? source.substring(0, sourceAttributes.start()) : source);
            }
            headings.add(new Heading(level, text, anchor));
        }

        /**
         * The Markdown a heading is written with, without its {@code #} markers or setext underline: what Hugo 0.111
         * makes the heading's anchor of, link targets, entities and all ({@code ## See [docs](https://x.io)} gets
         * {@code see-docshttpsxio}). Of a setext heading over several lines, Hugo takes the last line.
         */
        private String headingSource(org.commonmark.node.Heading heading) {
            List<SourceSpan> spans = heading.getSourceSpans();
            if (spans.isEmpty()) {
                return "";
            }
            String first = lineOf(spans.get(0));
            if (!ATX_OPENING.matcher(first).find()) {
                // A setext heading: its text lines, then (as the parser counts it) its underline.
                int last = spans.size() - 1;
                if (last > 0
                        && SETEXT_UNDERLINE.matcher(lineOf(spans.get(last))).matches()) {
                    last--;
                }
                return lineOf(spans.get(last));
            }
            String line = ATX_OPENING.matcher(first).replaceFirst("");
            return ATX_CLOSING.matcher(line).replaceFirst("");
        }

        private String lineOf(SourceSpan span) {
            if (span.getLineIndex() >= sourceLines.length) {
                return "";
            }
            String line = sourceLines[span.getLineIndex()];
            int start = Math.min(span.getColumnIndex(), line.length());
            return line.substring(start, Math.min(line.length(), start + span.getLength()));
        }

        PostText result() {
            return new PostText(String.join("\n", body), code.toString(), headings);
        }
    }
}
