package eval.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a post is embedded as: its title, then its prose in passages of about {@link #PASSAGE_CHARS} characters (a
 * heading starts a new one), the first {@link #MAX_PASSAGES}. Naive on purpose: the Markdown is stripped of code
 * blocks, images, link targets and HTML, nothing more; the model reads at most 512 tokens, so longer passages would
 * be cut anyway.
 */
final class Passages {

    static final int PASSAGE_CHARS = 300;
    static final int MAX_PASSAGES = 10;

    private static final Pattern FENCED_CODE = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1[^\\n]*$");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern HTML = Pattern.compile("<[^>]{1,200}>");
    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{[<%].*?[%>]\\}\\}");

    private Passages() {}

    static List<String> of(String title, String markdown) {
        List<String> passages = new ArrayList<>();
        if (!title.isBlank()) {
            passages.add(title.strip());
        }
        String text = FENCED_CODE.matcher(markdown).replaceAll("\n");
        text = IMAGE.matcher(text).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1");
        text = HTML.matcher(text).replaceAll("");
        text = SHORTCODE.matcher(text).replaceAll("");
        StringBuilder passage = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String clean = paragraph.replaceAll("[#>*`|_-]{1,}\\s", " ").replaceAll("\\s+", " ").strip();
            if (clean.isEmpty()) {
                continue;
            }
            boolean heading = paragraph.strip().startsWith("#");
            if (passage.length() > 0 && (heading || passage.length() + clean.length() > PASSAGE_CHARS)) {
                passages.add(passage.toString());
                passage.setLength(0);
            }
            if (passages.size() > MAX_PASSAGES) {
                break;
            }
            passage.append(passage.length() > 0 ? " " : "")
                    .append(clean, 0, Math.min(clean.length(), PASSAGE_CHARS));
        }
        if (passage.length() > 0 && passages.size() <= MAX_PASSAGES) {
            passages.add(passage.toString());
        }
        return passages;
    }
}
