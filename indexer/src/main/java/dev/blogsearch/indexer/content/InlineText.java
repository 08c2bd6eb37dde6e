package dev.blogsearch.indexer.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of one paragraph or heading, collected inline by inline, with the author's line breaks remembered so
 * that wrapped lines can be joined (see {@link TextLines#joinWrapped}) and pipe tables recognized.
 */
final class InlineText {

    // A GFM table's delimiter row: | --- | :---: | ---: |
    private static final Pattern DELIMITER_ROW = Pattern.compile("\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?");

    private final List<StringBuilder> segments = new ArrayList<>();
    private final List<Boolean> hardBreakBefore = new ArrayList<>();

    InlineText() {
        segments.add(new StringBuilder());
        hardBreakBefore.add(false);
    }

    void append(String text) {
        segments.get(segments.size() - 1).append(text);
    }

    /** A line break in the source that does not break the rendered line. */
    void softBreak() {
        segments.add(new StringBuilder());
        hardBreakBefore.add(false);
    }

    /** A line break the reader sees: two trailing spaces, a backslash, or {@code <br>}. */
    void hardBreak() {
        segments.add(new StringBuilder());
        hardBreakBefore.add(true);
    }

    /** All the text on one line, as a heading's text. */
    String singleLine() {
        StringBuilder line = new StringBuilder();
        for (StringBuilder segment : segments) {
            TextLines.appendWrapped(line, TextLines.normalize(segment.toString()));
        }
        return line.toString();
    }

    /**
     * The paragraph's lines: wrapped lines joined, a new line after each hard break. Without the GFM tables
     * extension a pipe table is a paragraph, so a header row followed by a delimiter row starts a table: the
     * delimiter row is dropped and each row becomes a line of its cells separated by spaces.
     */
    List<String> lines() {
        List<String> texts = new ArrayList<>(segments.size());
        for (StringBuilder segment : segments) {
            texts.add(TextLines.normalize(segment.toString()));
        }
        int tableStart = tableStart(texts);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < (tableStart < 0 ? texts.size() : tableStart); i++) {
            if (hardBreakBefore.get(i)) {
                addIfNotEmpty(lines, line.toString());
                line.setLength(0);
            }
            TextLines.appendWrapped(line, texts.get(i));
        }
        addIfNotEmpty(lines, line.toString());
        if (tableStart >= 0) {
            for (int i = tableStart; i < texts.size(); i++) {
                if (i != tableStart + 1) {
                    addIfNotEmpty(lines, tableRow(texts.get(i)));
                }
            }
        }
        return lines;
    }

    private static int tableStart(List<String> texts) {
        for (int i = 0; i + 1 < texts.size(); i++) {
            String delimiter = texts.get(i + 1);
            if (texts.get(i).indexOf('|') >= 0
                    && delimiter.indexOf('|') >= 0
                    && DELIMITER_ROW.matcher(delimiter).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static String tableRow(String row) {
        StringBuilder cells = new StringBuilder();
        for (String cell : row.split("\\|")) {
            String text = cell.strip();
            if (!text.isEmpty()) {
                cells.append(cells.length() > 0 ? " " : "").append(text);
            }
        }
        return cells.toString();
    }

    private static void addIfNotEmpty(List<String> lines, String line) {
        if (!line.isEmpty()) {
            lines.add(line);
        }
    }
}
