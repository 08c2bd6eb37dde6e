package dev.blogsearch.indexer.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict decoding of a post's bytes: UTF-8 only, and the first problem reported with its byte offset and line,
 * because a replacement character silently indexed is a search miss the owner never hears about.
 */
final class Utf8Text {

    private Utf8Text() {}

    /**
     * @throws PostReadException for UTF-16 text, a NUL byte (a binary file), or bytes that are not UTF-8
     */
    static String decode(byte[] bytes) throws PostReadException {
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new PostReadException("the file is UTF-16 text; save it as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new PostReadException(
                        "binary file, not Markdown: NUL byte at byte offset " + i + " (line " + lineAt(bytes, i) + ")");
            }
        }
        // A fresh decoder per call: CharsetDecoder is not thread-safe.
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new PostReadException("not valid UTF-8: malformed byte sequence at byte offset " + offset + " (line "
                    + lineAt(bytes, offset) + "); save the file as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
