package dev.blogsearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link TitleText} answers as the regular expressions its comments name: each method against its expression on
 * titles and file names a blog has, and on seeded random strings of the characters the expressions look at (a
 * failure prints the seed's string; replay by the same seed).
 */
class TitleTextTest {

    private static final Pattern PART_MARKER = Pattern.compile(
            "^(\\d|[一二三四五六七八九十]|第|序|番外|[上中下]篇|(part|pt|ep|episode|chapter|vol|season)\\.?\\s*\\d|s\\d+e\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_TAG = Pattern.compile("^(\\s*[\\[【][^\\]】]{0,8}[\\]】])+\\s*");
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{1,2}-\\d{1,2}-");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_DELIMITERS = Pattern.compile("[\\s\\-_:：（(之.]+$");
    private static final Pattern LEADING_DASHES = Pattern.compile("^[-_]+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=.)");
    private static final Pattern CHINESE_ORDINAL = Pattern.compile("(?:[（(]|之|第)([一二三四五六七八九十]{1,3})(?:[）)]|[篇章部期集]|$)");

    /** Characters the expressions treat apart, and a few they do not. */
    private static final String ALPHABET = "0123456789-_:.[]【】（）()之第序番外上中下篇章部期集一二三四五六七八九十"
            + "partPARTepisodEISODchvolumsnSN \t\n\r\u000B\f\u0085\u2028\u2029ſKaz语";

    private static final List<String> EXAMPLES = List.of(
            "OVS Deep Dive 1: vswitchd",
            "BPF 进阶笔记（二）：BPF Map 类型详解",
            "时间管理系列之一",
            "f1-drive-to-survive-s01e02",
            "[译] 【转】 Linux 性能",
            "[a very long tag] title",
            "2019-03-07-ovs-deep-dive-2",
            "2019-3-7-x",
            "20190-3-7-x",
            "Part.  3 wrap-up",
            "EPISODE 4",
            "第三篇",
            "APNs（十二）",
            "系列之一二三四",
            "gossip 之",
            "0007",
            "000",
            "",
            "标题：\u2028",
            "之一\r\n");

    @Test
    void partMarkerAsTheExpression() {
        compare(text -> PART_MARKER.matcher(text).find(), TitleText::startsWithPartMarker);
    }

    @Test
    void leadingTagsAsTheExpression() {
        compare(text -> LEADING_TAG.matcher(text).replaceFirst(""), TitleText::withoutLeadingTags);
    }

    @Test
    void datePrefixAsTheExpression() {
        compare(text -> DATE_PREFIX.matcher(text).replaceFirst(""), TitleText::withoutDatePrefix);
    }

    @Test
    void trailingDelimitersAsTheExpression() {
        compare(text -> TRAILING_DELIMITERS.matcher(text).replaceAll(""), TitleText::withoutTrailingDelimiters);
    }

    @Test
    void leadingDashesAsTheExpression() {
        compare(text -> LEADING_DASHES.matcher(text).replaceFirst(""), TitleText::withoutLeadingDashes);
    }

    @Test
    void leadingZerosAsTheExpression() {
        // Asked only of runs of digits.
        compare(
                text -> LEADING_ZEROS.matcher(digits(text)).replaceFirst(""),
                text -> TitleText.withoutLeadingZeros(digits(text)));
    }

    @Test
    void wordsAsTheExpression() {
        compare(
                text -> List.of(SPACES.split(text)).stream()
                        .filter(word -> !word.isEmpty())
                        .toList(),
                TitleText::words);
    }

    @Test
    void chineseOrdinalAsTheExpression() {
        compare(
                text -> {
                    Matcher matcher = CHINESE_ORDINAL.matcher(text);
                    return matcher.find() ? matcher.group(1) : null;
                },
                TitleText::chineseOrdinal);
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static void compare(Function<String, Object> expression, Function<String, Object> byHand) {
        for (String example : EXAMPLES) {
            assertEquals(expression.apply(example), byHand.apply(example), () -> "for " + quoted(example));
        }
        Random random = new Random(20261207);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String input = text.toString();
            assertEquals(expression.apply(input), byHand.apply(input), () -> "for " + quoted(input));
        }
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.chars().forEach(c -> quoted.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : (char) c));
        return quoted.append('"').toString();
    }
}
