package dev.blogsearch.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/** What every API answer must be, whatever was asked: JSON, and nothing about the server's insides. */
final class SafeErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    // A Java stack frame, an exception class, or an absolute path of this machine.
    private static final Pattern LEAK = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|[a-z]\\.[A-Za-z]+(Exception|Error)\\b|\\bjava\\.(lang|io|nio)\\."
                    + "|\\bio\\.micronaut\\.|\\bio\\.netty\\.|\\borg\\.apache\\.|/work/|/tmp/|/home/|/root/");

    private SafeErrorBodies() {}

    /** Asserts the answer is not a server error, is a JSON object (or empty 204), leaks nothing; returns the JSON. */
    static JsonNode assertSafeJson(RawHttp.Response response, String what) {
        assertThat(response.status())
                .as("status of %s; body %s", what, response.body())
                .isLessThan(500);
        if (response.status() == 204) { // /api/click answers every report so, even a malformed one
            assertThat(response.body()).as("body of a 204 to %s", what).isEmpty();
            return JSON.createObjectNode();
        }
        assertThat(response.header("content-type"))
                .as("content type of %s", what)
                .startsWith("application/json");
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON for " + what + ": " + response.body(), e);
        }
        assertThat(json.isObject()).as("JSON object for %s", what).isTrue();
        assertThat(LEAK.matcher(response.body()).find())
                .as("leak in answer to %s: %s", what, response.body())
                .isFalse();
        if (response.status() >= 400) {
            assertThat(json.path("message").asText()).as("message for %s", what).isNotBlank();
        }
        return json;
    }
}
