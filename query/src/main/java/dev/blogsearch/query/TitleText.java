package dev.blogsearch.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The tests {@link BlogSeries} makes of titles and file names, written out character by character. Each says in
 * its comment the regular expression it matches exactly as {@code java.util.regex} would ({@code \s} and {@code \d}
 * being ASCII, {@code $} the end or a last line break). Finding the series runs them hundreds of thousands of times
 * whenever the service opens an index of 10,000 posts: with regular expressions that work was the largest method the
 * JIT compiler compiled during a start ({@code Matcher.search}), on the core the start shares with it.
 */
final class TitleText {

    private TitleText() {}

    /**
     * {@code ^(\d|[一二三四五六七八九十]|第|序|番外|[上中下]篇|(part|pt|ep|episode|chapter|vol|season)\.?\s*\d|s\d+e\d+)},
     * ASCII letters in any case: a title that goes on with this names a part (a number, 一…十, 第, 序, part 2,
     * s01e02, 上篇).
     */
    static boolean startsWithPartMarker(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (isDigit(first) || "一二三四五六七八九十第序".indexOf(first) >= 0 || text.startsWith("番外")) {
            return true;
        }
        if ("上中下".indexOf(first) >= 0 && text.length() > 1 && text.charAt(1) == '篇') {
            return true;
        }
        for (String word : PART_WORDS) {
            if (startsWithIgnoringAsciiCase(text, word)) {
                int at = word.length();
                if (at < text.length() && text.charAt(at) == '.') {
                    at++;
                }
                while (at < text.length() && isSpace(text.charAt(at))) {
                    at++;
                }
                if (at < text.length() && isDigit(text.charAt(at))) {
                    return true;
                }
            }
        }
        // s01e02
        if (Character.toLowerCase(first) != 's' || first > 127) {
            return false;
        }
        int at = digitsFrom(text, 1);
        if (at == 1 || at >= text.length() || (text.charAt(at) != 'e' && text.charAt(at) != 'E')) {
            return false;
        }
        return digitsFrom(text, at + 1) > at + 1;
    }

    private static final List<String> PART_WORDS = List.of("part", "pt", "ep", "episode", "chapter", "vol", "season");

    /** {@code ^(\s*[\[【][^\]】]{0,8}[\]】])+\s*} removed: the bracketed tags a title begins with ([译], 【转】). */
    static String withoutLeadingTags(String text) {
        int end = 0;
        int at = 0;
        while (true) {
            while (at < text.length() && isSpace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length() || (text.charAt(at) != '[' && text.charAt(at) != '【')) {
                break;
            }
            int close = at + 1;
            while (close < text.length() && close - at - 1 <= 8 && !isCloser(text.charAt(close))) {
                close++;
            }
            if (close >= text.length() || close - at - 1 > 8) {
                break;
            }
            at = close + 1;
            end = at;
        }
        if (end == 0) {
            return text;
        }
        while (end < text.length() && isSpace(text.charAt(end))) {
            end++;
        }
        return text.substring(end);
    }

    private static boolean isCloser(char c) {
        return c == ']' || c == '】';
    }

    /** {@code ^\d{4}-\d{1,2}-\d{1,2}-} removed: the date a file name begins with. */
    static String withoutDatePrefix(String name) {
        int at = digitsFrom(name, 0);
        if (at != 4 || !dash(name, at)) {
            return name;
        }
        for (int part = 0; part < 2; part++) {
            int start = at + 1;
            at = digitsFrom(name, start);
            if (at == start || at - start > 2 || !dash(name, at)) {
                return name;
            }
        }
        return name.substring(at + 1);
    }

    private static boolean dash(String text, int at) {
        return at < text.length() && text.charAt(at) == '-';
    }

    /**
     * {@code [\s\-_:：（(之.]+$} removed: what a shared beginning ends with that is no part of a series' name. A
     * title's key ({@code TextFolding.key}) has no line break, so {@code $} is its end.
     */
    static String withoutTrailingDelimiters(String text) {
        int end = text.length();
        if (end > 0 && isLastLineBreakOutsideSet(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && TRAILING_DELIMITERS.indexOf(text.charAt(start - 1)) >= 0) {
            start--;
        }
        return start == end ? text : text.substring(0, start) + text.substring(end);
    }

    private static final String TRAILING_DELIMITERS = " \t\n\u000B\f\r-_:：（(之.";

    /** A line break {@code $} may stand before that {@link #TRAILING_DELIMITERS} does not hold. */
    private static boolean isLastLineBreakOutsideSet(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** {@code ^[-_]+} removed. */
    static String withoutLeadingDashes(String text) {
        int at = 0;
        while (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '_')) {
            at++;
        }
        return text.substring(at);
    }

    /** {@code ^0+(?=.)} removed from a run of digits: its value's digits, one 0 for zero. */
    static String withoutLeadingZeros(String digits) {
        int at = 0;
        while (at < digits.length() - 1 && digits.charAt(at) == '0') {
            at++;
        }
        return digits.substring(at);
    }

    /** The words of a label: {@code split("\\s+")} without the empty ones. */
    static List<String> words(String label) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= label.length(); i++) {
            boolean space = i == label.length() || isSpace(label.charAt(i));
            if (space && start >= 0) {
                words.add(label.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /**
     * The numerals of the first {@code (?:[（(]|之|第)([一二三四五六七八九十]{1,3})(?:[）)]|[篇章部期集]|$)} in a title
     * ({@code APNs（二）}, {@code 系列之一}, {@code 第三篇}: 二, 一, 三), or {@code null}.
     */
    static String chineseOrdinal(String title) {
        for (int i = 0; i < title.length(); i++) {
            if ("（(之第".indexOf(title.charAt(i)) < 0) {
                continue;
            }
            int end = i + 1;
            while (end < title.length() && end - i - 1 < 3 && "一二三四五六七八九十".indexOf(title.charAt(end)) >= 0) {
                end++;
            }
            if (end > i + 1 && (isEnd(title, end) || "）)篇章部期集".indexOf(title.charAt(end)) >= 0)) {
                return title.substring(i + 1, end);
            }
        }
        return null;
    }

    /** Where {@code $} matches: the end, or before a line break that ends the text. */
    private static boolean isEnd(String text, int at) {
        int rest = text.length() - at;
        if (rest == 0) {
            return true;
        }
        char c = text.charAt(at);
        if (rest == 1) {
            return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }
        return rest == 2 && c == '\r' && text.charAt(at + 1) == '\n';
    }

    private static boolean startsWithIgnoringAsciiCase(String text, String lowerWord) {
        if (text.length() < lowerWord.length()) {
            return false;
        }
        for (int i = 0; i < lowerWord.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The index after the ASCII digits from {@code at}. */
    private static int digitsFrom(String text, int at) {
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** {@code \d}: ASCII only. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s}: ASCII only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
