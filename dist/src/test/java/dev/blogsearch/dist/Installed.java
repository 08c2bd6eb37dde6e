package dev.blogsearch.dist;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs what was installed, as an owner would: commands to their end, the service until it is ready. */
final class Installed {

    record Run(int exitCode, String output) {}

    static final String REQUIRE_DEBIAN_TOOLS_ENV = "BLOGSEARCH_REQUIRE_DEBIAN_TOOLS";

    private Installed() {}

    /** The one file in {@code target/} whose name starts and ends so. */
    static Path built(String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> found = files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith(prefix) && name.endsWith(suffix);
                    })
                    .toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one " + prefix + "*" + suffix + " in target/, found " + found);
            }
            return found.get(0).toAbsolutePath();
        }
    }

    /**
     * Skips the calling test, with the reason printed, when {@code command} (a Debian tool from {@code debianPackage})
     * is not on the PATH; fails it instead when {@value #REQUIRE_DEBIAN_TOOLS_ENV} is {@code true}, as in CI.
     */
    static void requireTool(String command, String debianPackage) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, command))) {
                return;
            }
        }
        String message = command + " is not installed (not on the PATH): install Debian's " + debianPackage
                + " package (apt-get install " + debianPackage + "), as .ci/run does";
        if ("true"
                .equals(String.valueOf(System.getenv(REQUIRE_DEBIAN_TOOLS_ENV))
                        .strip()
                        .toLowerCase(Locale.ROOT))) {
            fail(message + " (" + REQUIRE_DEBIAN_TOOLS_ENV + " is true)");
        }
        System.out.println("Skipped: " + message);
        assumeTrue(false, message);
    }

    /** The test's own Java first on the PATH: the one runtime the installed programs may use. */
    static void javaFirst(Map<String, String> environment) {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        environment.put("PATH", javaBin + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
    }

    static Run run(Path workingDir, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(workingDir, "output", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        javaFirst(builder.environment());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A started service; {@link #close} stops it as systemd does (SIGTERM). */
    static final class Service implements AutoCloseable {
        private final Process process;
        private final Path output;
        private final int port;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Service(Path workingDir, Map<String, String> environment, List<String> command, int port) throws IOException {
            this.port = port;
            this.output = Files.createTempFile(workingDir, "service", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            javaFirst(builder.environment());
            this.process = builder.start();
        }

        /** Waits until {@code /health/readiness} answers 200 (an index is open), or fails with the service's log. */
        void awaitReady() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError(
                            "the service stopped with exit code " + process.exitValue() + ": " + log());
                }
                try {
                    if (get("/health/readiness").statusCode() == 200) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // try again
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the service was not ready within 3 minutes: " + log());
        }

        HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String log() throws IOException {
            return Files.readString(output, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
