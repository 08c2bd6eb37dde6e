package dev.blogsearch.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses, with 400 and a message that says what to send instead, a query string no browser sends: a {@code %} not
 * followed by two hex digits, bytes that are not UTF-8 ({@code %C0%AF}, {@code %FF}), a NUL ({@code %00}). Left to
 * the framework, broken bytes became U+FFFD and the search ran on text nobody typed, answering 200. Raw UTF-8 in the
 * request line is fine: it arrives percent-encoded ({@code connections.RawUtf8Targets}).
 *
 * <p>{@code /api/click} is left alone: a beacon always gets its 204, and a malformed report is simply not counted.
 */
@ServerFilter("/api/**")
final class QueryStringCheck {

    private static final String CLICK = "/api/click";
    // A parameter name shown in a message; anything else is "a parameter", so a message never echoes odd text.
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,30}");

    @RequestFilter
    @Nullable
    MutableHttpResponse<ApiError> check(HttpRequest<?> request) {
        if (request.getPath().equals(CLICK)) {
            return null;
        }
        String query = request.getUri().getRawQuery();
        String problem = query == null ? null : problem(query);
        if (problem == null) {
            return null;
        }
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return HttpResponse.<ApiError>status(status).body(new ApiError(status.getCode(), status.getReason(), problem));
    }

    /** What is wrong with a raw query string, for the caller; {@code null} when nothing is. */
    static String problem(String rawQuery) {
        for (String pair : rawQuery.split("[&;]")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = PLAIN_NAME.matcher(rawName).matches() ? "parameter " + rawName : "a parameter";
            for (String part : equals < 0 ? new String[] {pair} : new String[] {rawName, pair.substring(equals + 1)}) {
                String problem = problemIn(part, name);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String problemIn(String raw, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c == '+' ? ' ' : c); // the raw query is ASCII: Micronaut's URI escapes anything else
                continue;
            }
            int value = i + 2 < raw.length() ? hex(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
            if (value < 0) {
                return "In " + name + ", a '%' is not followed by two hexadecimal digits. Percent-encode the text"
                        + " as UTF-8, and write a % sign itself as %25.";
            }
            if (value == 0) {
                return "In " + name + ", there is a NUL character (%00), which no search text holds; remove it.";
            }
            bytes.write(value);
            i += 2;
        }
        byte[] decoded = bytes.toByteArray();
        ByteBuffer in = ByteBuffer.wrap(decoded);
        CoderResult result = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, CharBuffer.allocate(decoded.length), true);
        if (!result.isError()) {
            return null;
        }
        return "In " + name + ", some bytes are not UTF-8 text ("
                + percentEncoded(decoded, in.position(), result.length()) + "). Send text encoded as UTF-8, as"
                + " browsers do: 虚 is %E8%99%9A.";
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    /** The bad bytes, as %XX. */
    private static String percentEncoded(byte[] bytes, int from, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + length); i++) {
            text.append('%').append(HexFormat.of().toHexDigits(bytes[i]).toUpperCase(Locale.ROOT));
        }
        return text.toString();
    }
}
