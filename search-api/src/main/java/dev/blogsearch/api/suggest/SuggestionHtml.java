package dev.blogsearch.api.suggest;

/** Escapes a completion for HTML and marks the part the reader typed, so a widget can insert it as HTML. */
final class SuggestionHtml {

    private SuggestionHtml() {}

    /**
     * The escaped {@code text} with its first characters, as many as {@code typed} has apart from whitespace, in
     * {@code <mark>}. Completions match what was typed on keys without whitespace ({@link Completions#key}), so
     * the count skips spaces on both sides. A completion one edit away from what was typed ({@code kubr},
     * {@code Kubernetes}) has no part that was typed, and nothing is marked.
     */
    static String markTyped(String text, String typed) {
        String typedKey = Completions.key(typed);
        String textKey = Completions.key(text);
        if (!textKey.startsWith(typedKey)
                || Completions.key(text).length() != text.replaceAll("\\s", "").length()) {
            return escape(text);
        }
        int remaining = typedKey.length();
        int end = 0;
        while (end < text.length() && remaining > 0) {
            if (!Character.isWhitespace(text.charAt(end))) {
                remaining--;
            }
            end++;
        }
        return "<mark>" + escape(text.substring(0, end)) + "</mark>" + escape(text.substring(end));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
