package dev.blogsearch.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package: what it installs ({@code dpkg-deb}), that {@code lintian} finds no error, and the service
 * started from its installed files exactly as its systemd unit starts it (its {@code Environment=} lines, its
 * {@code EnvironmentFile=}, its {@code ExecStart=}), with the installed paths moved into a temporary folder: nothing
 * is installed on the machine that runs the test. Runs after {@code package} (failsafe).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebianPackageIT {

    private static final String UNIT = "/usr/lib/systemd/system/blog-search.service";

    @TempDir
    Path temp;

    private Path deb;

    @BeforeAll
    void findThePackage() throws Exception {
        Installed.requireTool("dpkg-deb", "dpkg");
        deb = Installed.built("blog-search_", "_all.deb");
    }

    private Installed.Run dpkgDeb(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(args));
        Installed.Run run = Installed.run(temp, Map.of(), command);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run;
    }

    @Test
    void itInstallsTheServiceTheIndexerItsConfigurationAndItsDocs() throws Exception {
        assertThat(dpkgDeb("--contents", deb.toString()).output())
                .contains(
                        "./usr/share/blog-search/lib/blog-search-api.jar",
                        "./usr/share/blog-search/lib/blog-indexer.jar",
                        "./usr/share/blog-search/content/posts/",
                        "./usr/bin/blog-indexer",
                        "." + UNIT,
                        "./etc/blog-search/blog-search.env",
                        "./usr/share/doc/blog-search/copyright",
                        "./usr/share/doc/blog-search/changelog.gz");
        assertThat(dpkgDeb("--info", deb.toString(), "conffiles").output())
                .as("a changed configuration survives an upgrade")
                .contains("/etc/blog-search/blog-search.env");
        assertThat(dpkgDeb("--field", deb.toString(), "Package", "Architecture", "Depends")
                        .output())
                .contains("Package: blog-search", "Architecture: all", "java17-runtime-headless");
        assertThat(dpkgDeb("--info", deb.toString(), "postinst").output())
                .as("the service runs as its own user")
                .contains("adduser --system --group --home /var/lib/blog-search");
    }

    /**
     * The commands docs/operations.md shows for the package. None can run here: {@code apt install} needs root and
     * would change the machine, and there is no systemd to start a unit; so each is checked against what the
     * package holds (its file name, its configuration file, its unit), and the service is started below from the
     * package's files as its unit says.
     */
    @Test
    void theDocsPackageCommandsNameThisPackageItsConfigurationAndItsUnit() throws Exception {
        List<String> commands = DocCommands.block("docs/operations.md", "sudo apt install");
        System.out.println(
                "Not run (" + DocCommands.whyNotRun("docs/operations.md", "sudo apt install") + "): " + commands);
        assertThat(commands)
                .as("the package's commands in docs/operations.md, each checked here")
                .containsExactly(
                        "sudo apt install ./" + deb.getFileName(),
                        "sudoedit /etc/blog-search/blog-search.env",
                        "sudo systemctl restart blog-search",
                        "journalctl -u blog-search -f");
        String contents = dpkgDeb("--contents", deb.toString()).output();
        assertThat(dpkgDeb("--info", deb.toString(), "conffiles").output())
                .contains("/etc/blog-search/blog-search.env");
        assertThat(contents).contains("." + UNIT);
        assertThat(UNIT).as("the unit systemctl and journalctl name").endsWith("/blog-search.service");

        // The table of what the package installs: every path in it is in the package.
        String doc = Files.readString(DocCommands.repository().resolve("docs/operations.md"), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("(?m)^\\| `(/[^`]+)` \\|").matcher(doc);
        List<String> paths = new ArrayList<>();
        while (row.find()) {
            paths.add(row.group(1));
        }
        assertThat(paths)
                .as("the paths docs/operations.md lists for the package")
                .isNotEmpty();
        String postinst = dpkgDeb("--info", deb.toString(), "postinst").output();
        for (String path : paths) {
            if (path.startsWith("/var/lib/")) { // made by postinst, not shipped
                assertThat(postinst).as(path + " in docs/operations.md").contains(path.replaceFirst("/$", ""));
            } else {
                assertThat(contents).as(path + " in docs/operations.md").contains("." + path);
            }
        }
    }

    @Test
    void lintianFindsNoErrorAndNoWarningOtherThanTheOnesItsOverridesExplain() throws Exception {
        Installed.requireTool("lintian", "lintian");
        Installed.Run lintian = Installed.run(temp, Map.of(), List.of("lintian", "--allow-root", deb.toString()));
        // The warnings we accept are in the package's lintian-overrides, each with its reason; lintian hides them.
        assertThat(lintian.output().lines().filter(line -> line.startsWith("E: ") || line.startsWith("W: ")))
                .as(lintian.output())
                .isEmpty();
        assertThat(lintian.exitCode()).as(lintian.output()).isZero();
    }

    @Test
    void theServiceStartsFromItsInstalledFilesWithItsUnitsSettingsAndServesTheSampleBlog() throws Exception {
        Path installed = temp.resolve("root");
        dpkgDeb("--extract", deb.toString(), installed.toString());
        Path state = temp.resolve("var-lib-blog-search");
        Files.createDirectories(state);
        Map<String, String> moved = Map.of(
                "/usr/share/blog-search",
                        installed.resolve("usr/share/blog-search").toString(),
                "/etc/blog-search", installed.resolve("etc/blog-search").toString(),
                "/var/lib/blog-search", state.toString(),
                "/usr/bin/java",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());

        List<String> unit = Files.readAllLines(installed.resolve(UNIT.substring(1)), StandardCharsets.UTF_8);
        assertThat(unit).contains("User=blog-search", "StateDirectory=blog-search", "RestartPreventExitStatus=78");
        Map<String, String> environment = new HashMap<>();
        String execStart = null;
        String workingDir = null;
        for (String line : unit) {
            if (line.startsWith("Environment=")) {
                put(environment, move(line.substring("Environment=".length()), moved));
            } else if (line.startsWith("EnvironmentFile=")) {
                Path file =
                        Path.of(move(line.substring("EnvironmentFile=".length()).replaceFirst("^-", ""), moved));
                for (String setting : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!setting.isBlank() && !setting.startsWith("#")) {
                        put(environment, move(setting, moved));
                    }
                }
            } else if (line.startsWith("ExecStart=")) {
                execStart = move(line.substring("ExecStart=".length()), moved);
            } else if (line.startsWith("WorkingDirectory=")) {
                workingDir = move(line.substring("WorkingDirectory=".length()), moved);
            }
        }
        assertThat(environment).containsKeys("BLOGSEARCH_CONTENT_DIR", "BLOGSEARCH_INDEX_DIR");
        List<String> command = new ArrayList<>();
        for (String word : execStart.split(" ")) {
            // systemd drops an unset $VARIABLE word.
            if (!word.equals("$JAVA_OPTS")) {
                command.add(word);
            }
        }
        int port = Installed.freePort();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));

        try (Installed.Service service = new Installed.Service(Path.of(workingDir), environment, command, port)) {
            service.awaitReady();
            HttpResponse<String> search = service.get("/api/search?q=redis&size=1");
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body()).doesNotContain("\"total\":0,");
        }
        assertThat(state.resolve("index"))
                .as("the index is kept in /var/lib/blog-search")
                .isDirectory();

        String indexer =
                move(Files.readString(installed.resolve("usr/bin/blog-indexer"), StandardCharsets.UTF_8), moved);
        Installed.Run help = Installed.run(temp, Map.of(), List.of("sh", "-c", indexer, "blog-indexer", "--help"));
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("--content");
    }

    private static void put(Map<String, String> environment, String assignment) {
        int equals = assignment.indexOf('=');
        environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }

    private static String move(String text, Map<String, String> moved) {
        String result = text;
        for (Map.Entry<String, String> path : moved.entrySet()) {
            result = result.replace(path.getKey(), path.getValue());
        }
        return result;
    }
}
