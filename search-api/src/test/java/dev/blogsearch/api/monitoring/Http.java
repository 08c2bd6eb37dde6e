package dev.blogsearch.api.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain GETs that return any status as it is, as a probe or Prometheus sees it. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {}

    static HttpResponse<String> get(URL server, String path) {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create(server.toString()).resolve(path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of one Prometheus sample line ({@code name{labels} value}), or NaN when absent. */
    static double sample(String metrics, String nameAndLabels) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(nameAndLabels + " ")) {
                return Double.parseDouble(
                        line.substring(nameAndLabels.length() + 1).strip());
            }
        }
        return Double.NaN;
    }
}
