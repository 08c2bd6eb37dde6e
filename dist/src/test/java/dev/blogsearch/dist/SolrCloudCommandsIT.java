package dev.blogsearch.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blogsearch.indexer.testing.SampleBlog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/solrcloud.md's commands, taken from its {@code sh} blocks and run as written with bash on a real SolrCloud
 * cluster (ZooKeeper with the chroot {@code /solr} and two Solr nodes, in this JVM), the reader's addresses replaced
 * by the cluster's: {@code zk1:2181}, {@code zk2:2181}, ... by its ZooKeeper, {@code localhost:8983} by its first node.
 * The plugin is installed as section 1 says (the jar mvn package built, copied into each node's {@code $SOLR_HOME/lib},
 * the node restarted; it is not on this JVM's class path). The indexer is the repository's {@code bin/blog-indexer}
 * and the service {@code search-api/target/blog-search-api.jar}, in a folder laid out as a build from source, with
 * the sample blog at {@code path/to/blog/content}. Runs after {@code package} (failsafe).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudCommandsIT {

    private static final String DOC = "docs/solrcloud.md";
    private static final String PLUGIN_JAR = "blogsearch-solr-plugin.jar";
    private static final String CONTENT = "path/to/blog/content";
    /** The chroot docs/solrcloud.md's ZooKeeper addresses name, the one MiniSolrCloudCluster creates. */
    private static final String CHROOT = "/solr";

    @TempDir
    static Path temp;

    private static MiniSolrCloudCluster cluster;

    @BeforeAll
    static void startClusterAndInstallThePlugin() throws Exception {
        cluster = new MiniSolrCloudCluster.Builder(2, temp.resolve("cluster")).build();
        assertThatThrownBy(() -> Class.forName("dev.blogsearch.solr.BlogQParserPlugin"))
                .as("the plugin is not on the nodes' class path: they load it from their lib folder, or not at all")
                .isInstanceOf(ClassNotFoundException.class);
        Path plugin = DocCommands.repository().resolve("solr-plugin/target/" + PLUGIN_JAR);
        assertThat(plugin).as("built by mvn package").isNotEmptyFile();
        // Section 1: the jar into every node's $SOLR_HOME/lib, then the node restarted.
        for (JettySolrRunner node : cluster.getJettySolrRunners()) {
            Path lib = Files.createDirectories(Path.of(node.getSolrHome()).resolve("lib"));
            Files.copy(plugin, lib.resolve(PLUGIN_JAR));
            cluster.stopJettySolrRunner(node);
            cluster.waitForJettyToStop(node);
            cluster.startJettySolrRunner(node);
        }
        cluster.waitForAllNodes(60);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    @Order(1)
    void theDocsCommandsCreateTheCollectionIndexTheBlogAndServeItFromTheCluster() throws Exception {
        assertThat(cluster.getZkServer().getZkAddress())
                .as("the cluster's ZooKeeper address, with the docs' chroot")
                .isEqualTo(zkHost() + CHROOT);
        Path folder = sourceBuild();
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
        environment.put("SOLR_HOME", cluster.getJettySolrRunner(0).getSolrHome());

        // Section 3's command on a cluster that cannot be reached: ZooKeeper's client tries for 15 seconds, run
        // meanwhile.
        String unreachable = "127.0.0.1:" + Installed.freePort();
        String indexCommand = only(DocCommands.block(DOC, "bin/blog-indexer --solr zk1:2181/solr"));
        Map<String, String> noClusterEnvironment = Map.copyOf(environment);
        CompletableFuture<Installed.Run> noCluster = CompletableFuture.supplyAsync(
                () -> bash(folder, noClusterEnvironment, indexCommand.replaceAll("zk\\d:2181", unreachable)));
        List<String> shownErrors = DocCommands.output(DOC, "Nothing was indexed: ");
        assertThat(shownErrors).as("the docs' two error lines").hasSize(2);

        // Section 1's check: the node answers and its $SOLR_HOME/lib holds the jar.
        Installed.Run check = bash(
                folder, environment, onCluster(only(DocCommands.block(DOC, "localhost:8983/solr/admin/info/system"))));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output().lines()).contains(PLUGIN_JAR);

        // Section 3's command before the collection exists: one line, exit code 3.
        Installed.Run noCollection = bash(folder, environment, onCluster(indexCommand));
        assertThat(noCollection.exitCode()).as(noCollection.output()).isEqualTo(3);
        assertThat(noCollection.output().strip()).as("what " + DOC + " shows").isEqualTo(onCluster(shownErrors.get(1)));

        // Section 2: the configset uploaded and the collection created, 2 shards × 2 replicas, the blog indexed.
        Installed.Run create =
                bash(folder, environment, onCluster(only(DocCommands.block(DOC, "--create-collection --shards 2"))));
        assertThat(create.exitCode()).as(create.output()).isZero();
        assertThat(create.output()).contains("Created collection blogs (2 shards, 2 replicas each)");
        DocCollection blogs = cluster.getSolrClient().getClusterState().getCollection("blogs");
        assertThat(blogs.getSlices()).hasSize(2);
        for (Slice shard : blogs.getSlices()) {
            assertThat(shard.getReplicas())
                    .as("the replicas of " + shard.getName())
                    .hasSize(2)
                    .allMatch(replica -> replica.getState() == Replica.State.ACTIVE)
                    .extracting(Replica::getNodeName)
                    .as("on both nodes, each loading the plugin from its lib folder")
                    .doesNotHaveDuplicates();
        }
        // Section 2's check, on the first node: its cores of the collection loaded, none failed.
        Installed.Run loaded =
                bash(folder, environment, onCluster(only(DocCommands.block(DOC, "admin/cores?action=STATUS"))));
        assertThat(loaded.exitCode()).as(loaded.output()).isZero();
        assertThat(loaded.output().strip()).isEqualTo("\"initFailures\":{}");
        long posts = postsInCollection();
        assertThat(posts).as("the sample blog's published posts").isPositive();
        assertThat(create.output())
                .contains(posts + " posts in the index")
                .contains("added " + posts + ", updated 0, deleted 0, unchanged 0,");

        // Section 3 again, after a new post: the run sends it, and only it.
        Files.writeString(
                folder.resolve(CONTENT).resolve("posts/2025-01-05-zookeeper-chroot.md"),
                "---\ntitle: \"ZooKeeper chroot\"\ndate: 2025-01-05\ntags: [\"solr\"]\n---\n\n"
                        + "Every Solr node of the cluster names the same chroot: chrootnote.\n",
                StandardCharsets.UTF_8);
        Installed.Run update = bash(folder, environment, onCluster(indexCommand));
        assertThat(update.exitCode()).as(update.output()).isZero();
        assertThat(update.output())
                .contains((posts + 1) + " posts in the index")
                .contains("added 1, updated 0, deleted 0, unchanged " + posts + ",");
        assertThat(postsInCollection()).isEqualTo(posts + 1);

        // Section 4: the service on the collection answers /api/search from the cluster.
        String serve = only(DocCommands.block(DOC, "BLOGSEARCH_BACKEND=solrcloud"));
        int port = Installed.freePort();
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        environment.put("BLOGSEARCH_ANALYTICS_DIR", temp.resolve("analytics").toString());
        try (Installed.Service service = new Installed.Service(
                folder,
                environment,
                List.of("bash", "-c", DocCommands.scriptEndingInService(List.of(onCluster(serve)))),
                port)) {
            service.awaitReady();
            HttpResponse<String> newPost = service.get("/api/search?q=chrootnote");
            assertThat(newPost.statusCode()).as(newPost.body()).isEqualTo(200);
            assertThat(newPost.body()).contains("\"total\":1,", "ZooKeeper chroot");
            HttpResponse<String> all = service.get("/api/search?q=" + URLEncoder.encode("内存", StandardCharsets.UTF_8));
            assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
            assertThat(all.body()).contains("\"total\":").doesNotContain("\"total\":0,");
        }

        // Section 3's command with no cluster there: one line, exit code 3, as the docs show it up to their "...".
        Installed.Run unreached = noCluster.get(2, TimeUnit.MINUTES);
        assertThat(unreached.exitCode()).as(unreached.output()).isEqualTo(3);
        String shown = shownErrors.get(0).replaceAll("zk\\d:2181", unreachable);
        assertThat(shown).endsWith(": ...");
        assertThat(unreached.output().strip())
                .as("what " + DOC + " shows")
                .startsWith(shown.substring(0, shown.length() - "...".length()))
                .doesNotContain("\n");
    }

    /**
     * A node restarted without the plugin: its replicas fail to load, and section 2's check on that node says so,
     * with what it could not load. Runs last: the collection keeps only the other node's replicas.
     */
    @Test
    @Order(2)
    void theCheckNamesWhatANodeWithoutThePluginCouldNotLoad() throws Exception {
        JettySolrRunner node = cluster.getJettySolrRunner(1);
        Files.delete(Path.of(node.getSolrHome()).resolve("lib").resolve(PLUGIN_JAR));
        cluster.stopJettySolrRunner(node);
        cluster.waitForJettyToStop(node);
        cluster.startJettySolrRunner(node);
        cluster.waitForNode(node, 60);
        String check = only(DocCommands.block(DOC, "admin/cores?action=STATUS"))
                .replace(
                        "localhost:8983",
                        URI.create(node.getBaseUrl().toString()).getAuthority());
        // The node loads its cores after it joins the cluster: ask until it has tried.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        Installed.Run loaded = bash(temp, Map.of(), check);
        while (loaded.output().strip().equals("\"initFailures\":{}") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            loaded = bash(temp, Map.of(), check);
        }
        System.out.println("Section 2's check on a node without the plugin: " + loaded.output());
        assertThat(loaded.exitCode()).as(loaded.output()).isZero();
        // Section 1 quotes what a replica on a node without the jar says.
        String shown = "Error loading class 'dev.blogsearch.solr.BlogQParserPlugin'";
        assertThat(Files.readString(DocCommands.repository().resolve(DOC), StandardCharsets.UTF_8)
                        .replaceAll("\\s+", " "))
                .contains("(\"" + shown + "\")");
        assertThat(loaded.output())
                .startsWith("\"initFailures\":{\"blogs_shard")
                .contains(shown);
    }

    /** The reader's ZooKeeper ensemble and Solr node replaced by the test cluster's. */
    private static String onCluster(String text) {
        URI node = URI.create(cluster.getJettySolrRunner(0).getBaseUrl().toString());
        return text.replaceAll("zk\\d:2181", zkHost()).replace("localhost:8983", node.getAuthority());
    }

    /** ZooKeeper's host and port, without the chroot. */
    private static String zkHost() {
        return cluster.getZkServer().getZkHost();
    }

    /**
     * A folder laid out as a build from source, where the docs' relative paths lead: {@code bin/}, the two jars mvn
     * package built (linked: what the launcher records beside the indexer's jar stays here), and the sample blog at
     * {@code path/to/blog/content} (a copy: the indexer does not follow a link).
     */
    private static Path sourceBuild() throws Exception {
        Path repository = DocCommands.repository();
        Path folder = Files.createDirectories(temp.resolve("clone"));
        Files.createSymbolicLink(folder.resolve("bin"), repository.resolve("bin"));
        for (String jar : List.of("cli/target/blog-indexer.jar", "search-api/target/blog-search-api.jar")) {
            Files.createDirectories(folder.resolve(jar).getParent());
            Files.createSymbolicLink(folder.resolve(jar), repository.resolve(jar));
        }
        Path content = SampleBlog.copy(SampleBlog.dir(), folder.resolve(CONTENT));
        // Files written just now get no trusted stamp (the indexer's racy window): age them, as a checkout's are.
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
        return folder;
    }

    private static long postsInCollection() throws Exception {
        SolrQuery all = new SolrQuery("*:*");
        all.set("defType", "lucene");
        all.setRows(0);
        return cluster.getSolrClient().query("blogs", all).getResults().getNumFound();
    }

    private static String only(List<String> commands) {
        assertThat(commands).as("the block's commands").hasSize(1);
        return commands.get(0);
    }

    private static Installed.Run bash(Path folder, Map<String, String> environment, String command) {
        try {
            return Installed.run(folder, environment, new ArrayList<>(List.of("bash", "-c", command)));
        } catch (Exception e) {
            throw new AssertionError(command, e);
        }
    }
}
