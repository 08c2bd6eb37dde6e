package dev.blogsearch.indexer.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes template tags from raw Markdown before it is parsed, so they never become words: Hugo shortcodes
 * ({@code {{< name >}}}, {@code {{% name %}}}, their closing forms, and escaped ones whose inside is wrapped in a
 * C-style comment, which Hugo prints literally) and
 * Jekyll's Liquid tags ({@code {% link x %}}, {@code {% if %}} ...). Text between paired tags stays.
 *
 * <ul>
 *   <li>{@code {% raw %}...{% endraw %}} keeps its content verbatim (that is what Jekyll authors use it for);
 *       {@code {% comment %}...{% endcomment %}} is dropped with its content.</li>
 *   <li>Hugo's {@code highlight} shortcode and Jekyll's {@code {% highlight %}} become code fences, so their
 *       content is indexed as code.</li>
 *   <li>A shortcode's {@code alt}, {@code caption} and {@code title} parameters stay as text, as a Markdown
 *       image's alt text does.</li>
 *   <li>A tag alone on its line takes the line with it: Liquid control tags between HTML lines would otherwise
 *       leave blank lines that split one HTML block into several, and indented HTML after a blank line becomes
 *       an indented code block.</li>
 * </ul>
 *
 * <p>Liquid output tags ({@code {{ post.title }}}) are removed only from a post that uses Liquid tags: such a
 * post is rendered by Liquid, while in a Hugo post {@code {{ }}} is literal text, often Go template code.
 * A tag whose closing delimiter is not found within {@value #MAX_TAG_LENGTH} characters is kept as text.
 */
final class TemplateTags {

    static final int MAX_TAG_LENGTH = 2000;

    // Five backticks, so that ``` lines inside the highlighted code do not close the fence.
    private static final String FENCE = "`````";

    private static final Pattern SHORTCODE_NAME = Pattern.compile("\\s*(/?)\\s*([\\w./-]+)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern LIQUID_NAME = Pattern.compile("\\s*([A-Za-z_]\\w*)(\\s.*)?", Pattern.DOTALL);
    private static final Pattern TEXT_PARAM = Pattern.compile(
            "\\b(?:alt|caption|title)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIQUID_TAG = Pattern.compile("(?<!\\{)\\{%-?\\s*[A-Za-z_]\\w*(?:\\s[^%]{0,2000})?%}");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");
    private static final Pattern END_COMMENT = Pattern.compile("\\{%-?\\s*endcomment\\s*-?%}");

    private TemplateTags() {}

    /** {@code markdown} without its template tags; {@code \n} line endings expected. */
    static String strip(String markdown) {
        if (markdown.indexOf("{{") < 0 && markdown.indexOf("{%") < 0) {
            return markdown;
        }
        boolean liquid = LIQUID_TAG.matcher(markdown).find();
        StringBuilder out = new StringBuilder(markdown.length());
        int i = 0;
        while (i < markdown.length()) {
            int next = markdown.indexOf('{', i);
            if (next < 0) {
                out.append(markdown, i, markdown.length());
                break;
            }
            out.append(markdown, i, next);
            i = next;
            int consumed = -1;
            if (markdown.startsWith("{{<", i) || markdown.startsWith("{{%", i)) {
                consumed = shortcode(markdown, i, out);
            } else if (markdown.startsWith("{%", i)) {
                consumed = liquid(markdown, i, out);
            } else if (liquid && markdown.startsWith("{{", i)) {
                consumed = liquidOutput(markdown, i, out);
            }
            if (consumed < 0) {
                out.append('{');
                i++;
            } else {
                i = consumed;
            }
        }
        return out.toString();
    }

    /** Handles the shortcode at {@code start}; returns where scanning goes on, or -1 when it is not one. */
    private static int shortcode(String text, int start, StringBuilder out) {
        String close = text.charAt(start + 2) == '<' ? ">}}" : "%}}";
        int end = indexOf(text, close, start + 3);
        if (end < 0) {
            return -1;
        }
        String inner = text.substring(start + 3, end).strip();
        boolean escaped = inner.startsWith("/*") && inner.endsWith("*/");
        Matcher m = SHORTCODE_NAME.matcher(escaped ? inner.substring(2, Math.max(2, inner.length() - 2)) : inner);
        if (!m.matches()) {
            return -1;
        }
        String replacement = "";
        boolean block = false;
        if (!escaped && m.group(2).equals("highlight")) {
            block = true;
            replacement = m.group(1).isEmpty() ? FENCE + firstWord(m.group(3)) : FENCE;
        } else if (!escaped && m.group(1).isEmpty()) {
            replacement = textParams(m.group(3));
        }
        return replace(text, end + close.length(), replacement, block, out);
    }

    /** Handles the Liquid tag at {@code start}; returns where scanning goes on, or -1 when it is not one. */
    private static int liquid(String text, int start, StringBuilder out) {
        int end = indexOf(text, "%}", start + 2);
        if (end < 0) {
            return -1;
        }
        String inner = text.substring(start + 2, end);
        inner = inner.startsWith("-") ? inner.substring(1) : inner;
        inner = inner.endsWith("-") ? inner.substring(0, inner.length() - 1) : inner;
        Matcher m = LIQUID_NAME.matcher(inner);
        if (!m.matches()) {
            return -1;
        }
        int tagEnd = end + 2;
        String name = m.group(1).toLowerCase(Locale.ROOT);
        switch (name) {
            case "raw": {
                int contentStart = replace(text, tagEnd, "", false, out);
                Matcher endRaw = END_RAW.matcher(text);
                if (!endRaw.find(contentStart)) {
                    out.append(text, contentStart, text.length());
                    return text.length();
                }
                out.append(text, contentStart, endRaw.start());
                return replace(text, endRaw.end(), "", false, out);
            }
            case "comment": {
                Matcher endComment = END_COMMENT.matcher(text);
                return replace(text, endComment.find(tagEnd) ? endComment.end() : tagEnd, "", false, out);
            }
            case "highlight":
                return replace(text, tagEnd, FENCE + firstWord(m.group(2)), true, out);
            case "endhighlight":
                return replace(text, tagEnd, FENCE, true, out);
            default:
                return replace(text, tagEnd, "", false, out);
        }
    }

    /** Removes the Liquid output tag at {@code start}; returns where scanning goes on, or -1 when it is not one. */
    private static int liquidOutput(String text, int start, StringBuilder out) {
        int end = indexOf(text, "}}", start + 2);
        return end < 0 ? -1 : replace(text, end + 2, "", false, out);
    }

    /**
     * Writes {@code replacement} for the tag that ends at {@code end} (nothing of the tag was copied to {@code out})
     * and returns where scanning goes on.
     * A tag alone on its line replaces the whole line (an empty replacement removes it); a {@code block}
     * replacement (a code fence) gets a line of its own.
     */
    private static int replace(String text, int end, String replacement, boolean block, StringBuilder out) {
        int lineStart = out.lastIndexOf("\n") + 1;
        boolean aloneBefore = out.substring(lineStart).isBlank();
        int after = end;
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        boolean aloneAfter = after == text.length() || text.charAt(after) == '\n';
        if (aloneBefore && aloneAfter) {
            if (replacement.isEmpty()) {
                out.setLength(lineStart);
            } else {
                out.append(replacement);
                if (after < text.length()) {
                    out.append('\n');
                }
            }
            return Math.min(after + 1, text.length());
        }
        if (block) {
            out.append(aloneBefore ? "" : "\n").append(replacement).append(aloneAfter ? "" : "\n");
        } else {
            out.append(replacement);
        }
        return end;
    }

    /** The quoted {@code alt}, {@code caption} and {@code title} values of a shortcode's parameters. */
    private static String textParams(String params) {
        List<String> values = new ArrayList<>();
        Matcher m = TEXT_PARAM.matcher(params);
        while (m.find()) {
            String value = m.group(1) != null ? m.group(1).replace("\\\"", "\"") : m.group(2);
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return String.join(" ", values);
    }

    private static String firstWord(String text) {
        String stripped = text == null ? "" : text.strip();
        int space = 0;
        while (space < stripped.length() && !Character.isWhitespace(stripped.charAt(space))) {
            space++;
        }
        return stripped.substring(0, space).replace("\"", "");
    }

    /** {@code needle} in {@code text} from {@code from}, no further than {@link #MAX_TAG_LENGTH}; or -1. */
    private static int indexOf(String text, String needle, int from) {
        int limit = Math.min(text.length() - needle.length(), from + MAX_TAG_LENGTH);
        for (int i = from; i <= limit; i++) {
            if (text.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }
}
