package dev.blogsearch.api.connections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Raw connections to the test server, from a chosen local address, that keep a connection open between requests. */
final class HttpSockets {

    private HttpSockets() {}

    /** A connection from {@code localAddress} (any of 127.0.0.0/8 is this machine on Linux). */
    static Socket connect(URL server, String localAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 10_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Sends a GET on the connection, keeping it open; the answer's status, or -1 when the server closed it. */
    static int get(Socket socket, String target) throws IOException {
        try {
            return exchange(socket, target);
        } catch (SocketException closed) {
            return -1; // reset, or a broken pipe as the request was written
        }
    }

    private static int exchange(Socket socket, String target) throws IOException {
        socket.getOutputStream()
                .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        if (head == null) {
            return -1;
        }
        long length = -1;
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            while (true) {
                String size = readLine(in);
                int n = Integer.parseInt(size.split(";")[0].strip(), 16);
                in.readNBytes(n + 2);
                if (n == 0) {
                    break;
                }
            }
        } else if (length > 0) {
            in.readNBytes((int) length);
        }
        return Integer.parseInt(head.split(" ")[1]);
    }

    /**
     * Reads until the server closes the connection (end of stream or reset); {@code false} when it is still open
     * after the socket's read timeout.
     */
    static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // an answer (a 408, say) before the close is fine
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
