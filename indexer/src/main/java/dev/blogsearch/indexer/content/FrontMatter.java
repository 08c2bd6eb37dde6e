package dev.blogsearch.indexer.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A post's front matter values and its Markdown body, split the way Hugo splits them: YAML between {@code ---}
 * lines, TOML between {@code +++} lines, or a JSON object at the start. A text without front matter is all body.
 *
 * <p>Top-level keys are lower-cased ({@link Locale#ROOT}) because Hugo treats front matter keys
 * case-insensitively; nested maps keep their keys. Values are plain Java: {@code String}, {@code Boolean},
 * numbers, {@code List} and {@code Map}. Dates stay the text the author wrote (Jackson's YAML and TOML readers do
 * not convert timestamps), so {@link HugoDates} sees every form as written.
 */
public final class FrontMatter {

    /** The front matter's syntax, named as Hugo names it. */
    public enum Format {
        NONE,
        YAML,
        TOML,
        JSON
    }

    // Jackson mappers are thread-safe once configured, so one of each serves every post.
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper TOML = new TomlMapper();
    private static final ObjectMapper JSON = new JsonMapper();

    // Go's strconv.ParseBool, which Hugo uses for a string given where a boolean is expected.
    private static final Set<String> TRUE_STRINGS = Set.of("1", "t", "T", "TRUE", "true", "True");

    private final Format format;
    private final Map<String, Object> values;
    private final String body;

    private FrontMatter(Format format, Map<String, Object> values, String body) {
        this.format = format;
        this.values = values;
        this.body = body;
    }

    /**
     * Splits {@code text} into front matter and body. A UTF-8 byte order mark is dropped and line endings become
     * {@code \n}, in the body too; blank lines before the opening delimiter are skipped, as Hugo does.
     *
     * @throws PostReadException when the front matter is malformed, is not a map, or is never closed
     */
    public static FrontMatter parse(String text) throws PostReadException {
        String normalized = normalizeNewlines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        int start = 0;
        int line = 1;
        while (start < normalized.length()) {
            int end = lineEnd(normalized, start);
            if (!normalized.substring(start, end).isBlank()) {
                break;
            }
            start = Math.min(end + 1, normalized.length());
            line++;
        }
        String firstLine =
                normalized.substring(start, lineEnd(normalized, start)).stripTrailing();
        if (firstLine.equals("---")) {
            return delimited(normalized, start, line, "---", Format.YAML);
        }
        if (firstLine.equals("+++")) {
            return delimited(normalized, start, line, "+++", Format.TOML);
        }
        // A post may open with a shortcode or Liquid tag; no JSON object starts with "{{" or "{%".
        if (firstLine.startsWith("{") && !firstLine.startsWith("{{") && !firstLine.startsWith("{%")) {
            return json(normalized, start, line);
        }
        return new FrontMatter(Format.NONE, Map.of(), normalized);
    }

    public Format format() {
        return format;
    }

    /** All values by lower-case key; unmodifiable, and values may be {@code null}. */
    public Map<String, Object> values() {
        return values;
    }

    /** The Markdown after the front matter, with {@code \n} line endings. */
    public String body() {
        return body;
    }

    /** The raw value of {@code key} (any case), or {@code null}. */
    public Object get(String key) {
        return values.get(key.toLowerCase(Locale.ROOT));
    }

    /**
     * The value of {@code key} as trimmed text: a string, or a number or boolean written as text. {@code null}
     * when the key is missing, null, a list or a map.
     */
    public String string(String key) {
        Object value = get(key);
        return isScalar(value) ? value.toString().strip() : null;
    }

    /**
     * Whether {@code key} is true as Hugo reads it: the boolean {@code true}, a string Go's {@code ParseBool}
     * takes as true ({@code "true"}, {@code "True"}, {@code "1"}, ...), or a non-zero number.
     */
    public boolean bool(String key) {
        Object value = get(key);
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            return TRUE_STRINGS.contains(text.strip());
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        return false;
    }

    /**
     * The value of {@code key} as a list of strings, with Hugo's semantics: a list gives its items and a single
     * string is <em>one</em> value ({@code categories: cilium bpf} is the one category {@code "cilium bpf"}).
     * Numbers and booleans become their text ({@code 2019} gives {@code "2019"}); nulls, blanks, nested lists and
     * maps are dropped; items are trimmed; duplicates that differ only in case are dropped, keeping the first
     * spelling. Never {@code null}.
     */
    public List<String> stringList(String key) {
        Object value = get(key);
        List<?> items = value instanceof List<?> list ? list : Collections.singletonList(value);
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object item : items) {
            if (!isScalar(item)) {
                continue;
            }
            String text = item.toString().strip();
            if (!text.isEmpty() && seen.add(text.toLowerCase(Locale.ROOT))) {
                result.add(text);
            }
        }
        return List.copyOf(result);
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static FrontMatter delimited(String text, int start, int openingLine, String delimiter, Format format)
            throws PostReadException {
        int contentStart = Math.min(lineEnd(text, start) + 1, text.length());
        int lineStart = contentStart;
        while (lineStart < text.length()) {
            int end = lineEnd(text, lineStart);
            if (text.substring(lineStart, end).stripTrailing().equals(delimiter)) {
                String content = text.substring(contentStart, lineStart);
                String body = text.substring(Math.min(end + 1, text.length()));
                Map<String, Object> values = read(format, content, openingLine + 1, "front matter");
                return new FrontMatter(format, values, body);
            }
            lineStart = end + 1;
        }
        throw new PostReadException(format + " front matter opened with " + delimiter + " at line " + openingLine
                + " is never closed: add a line with " + delimiter + " after the last front matter line");
    }

    private static FrontMatter json(String text, int start, int openingLine) throws PostReadException {
        int end = matchingBrace(text, start);
        if (end < 0) {
            throw new PostReadException(
                    "JSON front matter opened with { at line " + openingLine + " is never closed: no matching }");
        }
        Map<String, Object> values = read(Format.JSON, text.substring(start, end + 1), openingLine, "front matter");
        return new FrontMatter(Format.JSON, values, text.substring(end + 1));
    }

    /** The index of the brace closing the object opened at {@code start}, skipping braces inside strings. */
    private static int matchingBrace(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A whole TOML, YAML or JSON document, such as a site configuration file, as a map with the same conventions
     * as front matter (top-level keys lower-cased, plain Java values). An empty document is an empty map.
     *
     * @param what what the document is, for messages ({@code "configuration"})
     * @throws PostReadException when it is malformed or not a map, naming the line where known
     */
    static Map<String, Object> parseDocument(Format format, String text, String what) throws PostReadException {
        String normalized = normalizeNewlines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        return read(format, normalized, 1, what);
    }

    private static Map<String, Object> read(Format format, String content, int firstLine, String what)
            throws PostReadException {
        ObjectMapper mapper = switch (format) {
            case YAML -> YAML;
            case TOML -> TOML;
            default -> JSON;
        };
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new PostReadException(parseError(format, e, firstLine, what), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new PostReadException("invalid " + format + " " + what + ": it must be a map of keys to values"
                    + " (like title: ...), but it is " + describe(root));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            values.put(field.getKey().toLowerCase(Locale.ROOT), toJava(field.getValue()));
        }
        return Collections.unmodifiableMap(values);
    }

    /** A message naming the file's line: parsers count lines from the start of the front matter text. */
    private static String parseError(Format format, Exception e, int firstLine, String what) {
        String prefix = "invalid " + format + " " + what;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml) {
                return yamlError(prefix, yaml, firstLine);
            }
        }
        if (e instanceof StreamConstraintsException) {
            return prefix + ": it is nested too deeply or a value is too large";
        }
        if (e instanceof JsonProcessingException jackson) {
            JsonLocation location = jackson.getLocation();
            String where = location != null && location.getLineNr() > 0
                    ? " at line " + (firstLine + location.getLineNr() - 1)
                    : "";
            return prefix + where + ": " + firstLine(jackson.getOriginalMessage());
        }
        return prefix + ": it could not be parsed";
    }

    private static String yamlError(String prefix, MarkedYAMLException yaml, int firstLine) {
        Mark problemMark = yaml.getProblemMark();
        String where = problemMark != null ? " at line " + (firstLine + problemMark.getLine()) : "";
        String problem = yaml.getProblem() != null ? yaml.getProblem() : "it could not be parsed";
        String context = "";
        if (yaml.getContext() != null) {
            Mark contextMark = yaml.getContextMark();
            context = " (" + yaml.getContext()
                    + (contextMark != null ? " started at line " + (firstLine + contextMark.getLine()) : "") + ")";
        }
        return prefix + where + ": " + problem + context;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "it could not be parsed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message.strip() : message.substring(0, newline).strip();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "a single text value";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "not a map";
        };
    }

    /** Jackson's tree as plain Java values; nesting is bounded by the parsers' depth limits. */
    private static Object toJava(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    map.put(field.getKey(), toJava(field.getValue()));
                }
                return Collections.unmodifiableMap(map);
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(toJava(item)));
                return Collections.unmodifiableList(list);
            }
            case STRING:
                return node.textValue();
            case BOOLEAN:
                return node.booleanValue();
            case NUMBER:
                return node.numberValue();
            case NULL:
            case MISSING:
                return null;
            default:
                return node.asText();
        }
    }

    private static String normalizeNewlines(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
