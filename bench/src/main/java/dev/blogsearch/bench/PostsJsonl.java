package dev.blogsearch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.blogsearch.indexer.content.FrontMatter;
import dev.blogsearch.indexer.content.HugoPostReader;
import dev.blogsearch.indexer.content.Post;
import dev.blogsearch.indexer.content.PostReadException;
import dev.blogsearch.indexer.index.IndexSettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a blog's posts as the Solr peer ({@code bench/solr-peer}) reads them: one JSON object a line,
 * {@code {"id", "title", "body", "date", "draft", "tags", "categories"}}, where {@code body} is the post's Markdown
 * without its front matter. The posts are those the service indexes: read by the indexer's own
 * {@link HugoPostReader} (ids, titles, dates, tags as the service sees them), drafts and unreadable posts left out;
 * the body is split from the front matter by the indexer's {@link FrontMatter}.
 *
 * <p>Usage: {@code PostsJsonl <content dir> <output file>}.
 */
public final class PostsJsonl {

    private static final JsonFactory JSON = new JsonFactory().setCharacterEscapes(new LineSeparatorEscapes());

    /** One line of the file. {@code date} is ISO-8601 with its offset, or empty for a post without a date. */
    record PeerPost(
            String id,
            String title,
            String body,
            String date,
            boolean draft,
            List<String> tags,
            List<String> categories) {}

    private PostsJsonl() {}

    /**
     * JSON's standard escapes plus U+2028 and U+2029: valid in a JSON string, but line ends to many line readers
     * (JavaScript, Python's {@code splitlines}), which would see a post cut in two.
     */
    private static final class LineSeparatorEscapes extends CharacterEscapes {

        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029
                    ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch))
                    : null;
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PostsJsonl <content dir> <output file>");
            System.exit(2);
        }
        Path content = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]);
        HugoPostReader reader = IndexSettings.defaults().newReader();
        int written = 0;
        int skipped = 0;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Path file : reader.listPosts(content)) {
                try {
                    Post post = reader.read(content, file);
                    // The service does not index drafts by default, so neither does its peer.
                    if (post.draft()) {
                        skipped++;
                        continue;
                    }
                    // The reader has checked the bytes are UTF-8; parsing the front matter again costs less
                    // than a second copy of the reader that would also return the raw body.
                    String markdown = Files.readString(content.resolve(file), StandardCharsets.UTF_8);
                    writeLine(of(post, FrontMatter.parse(markdown).body()), writer);
                    written++;
                } catch (PostReadException e) {
                    System.err.println("skipped " + file + ": " + e.getMessage());
                    skipped++;
                }
            }
        }
        System.out.println("Wrote " + written + " posts to " + out + " (" + skipped + " skipped)");
    }

    static PeerPost of(Post post, String markdownBody) {
        return new PeerPost(
                post.id(),
                post.title(),
                markdownBody,
                post.date() == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(post.date()),
                post.draft(),
                post.tags(),
                post.categories());
    }

    /**
     * Writes {@code post} as one line. Jackson escapes quotes, backslashes and every control character (a newline
     * becomes {@code \n}), and the Unicode line and paragraph separators, so a line break in the text can never
     * end the line early; other characters, Chinese included, are written as they are, in UTF-8.
     */
    static void writeLine(PeerPost post, Writer out) throws IOException {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("id", post.id());
            json.writeStringField("title", post.title());
            json.writeStringField("body", post.body());
            json.writeStringField("date", post.date());
            json.writeBooleanField("draft", post.draft());
            writeArray(json, "tags", post.tags());
            writeArray(json, "categories", post.categories());
            json.writeEndObject();
        }
        out.write(line.toString());
        out.write('\n');
    }

    private static void writeArray(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
