package dev.blogsearch.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blogsearch.analysis.Synonyms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the word a reader is still typing is read: completed from the blog's words, never "corrected" away. */
class TypingPlanTest {

    private final QueryPlanner planner = new QueryPlanner(Synonyms.builtIn(), PlanTestBlog.ANALYZER);
    private DirectoryReader reader;

    @BeforeEach
    void indexABlog() throws IOException {
        List<Document> posts = new ArrayList<>();
        int n = 0;
        // kubernetes is the blog's subject; kube, kubectl and kubeconfig are mentioned now and then.
        for (int i = 0; i < 6; i++) {
            posts.add(PlanTestBlog.post(n++, "Kubernetes 集群升级", "upgrading kubernetes with kubeadm and kubectl"));
        }
        posts.add(PlanTestBlog.post(n++, "kube notes", "the kube prefix of kube-proxy and kubeconfig"));
        posts.add(PlanTestBlog.post(n++, "Java tips", "java and javascript are different languages"));
        posts.add(PlanTestBlog.post(n++, "JavaScript", "javascript javascript in the browser"));
        posts.add(PlanTestBlog.post(n++, "NATS", "nc.createDispatcher(handler) dispatches messages"));
        posts.add(PlanTestBlog.post(n++, "Dispatchers", "a dispatcher per subject", "d = nc.createDispatcher(h);"));
        // The prose says create and different far more often than the code says dispatcher.
        for (int i = 0; i < 4; i++) {
            posts.add(PlanTestBlog.post(n++, "Clusters", "create a different cluster to create different things"));
        }
        posts.add(PlanTestBlog.post(n++, "Git", "git reflog shows lost commits; see the git reference"));
        posts.add(PlanTestBlog.post(n++, "KubeVirt", "virtual machines on kubevirt"));
        // rate limiting is a phrase the built-in synonyms know (限流); limit and limits are more used alone.
        posts.add(PlanTestBlog.post(n++, "Rate limiting", "rate limiting with a token bucket"));
        posts.add(PlanTestBlog.post(n++, "限流算法", "令牌桶限流"));
        for (int i = 0; i < 3; i++) {
            posts.add(PlanTestBlog.post(n++, "Limits", "the limit of open files, and other limits"));
        }
        // Words that start with ref, each in more posts than reflog, none about git.
        for (int i = 0; i < 3; i++) {
            posts.add(PlanTestBlog.post(n++, "Refactoring", "refactor refer references reflect refresh refine"));
        }
        reader = PlanTestBlog.index(posts);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
    }

    private QueryPlan typing(String query) throws IOException {
        return planner.plan(UserQuery.parse(query), reader, PlanOptions.TYPING);
    }

    private static QueryPlan.Unit last(QueryPlan plan) {
        return plan.units().get(plan.units().size() - 1);
    }

    private static List<String> forms(QueryPlan.Unit unit, QueryPlan.Kind kind) {
        return unit.alternatives().stream()
                .filter(form -> form.kind() == kind)
                .map(QueryPlan.Form::text)
                .toList();
    }

    @Test
    void aWordBeingTypedStandsForTheBlogsMostUsedWordThatStartsWithIt() throws IOException {
        QueryPlan plan = typing("kub");
        assertThat(last(plan).primary()).isEqualTo("kubernetes");
        assertThat(forms(last(plan), QueryPlan.Kind.COMPLETION)).contains("kubernetes", "kubectl", "kubeadm");
        assertThat(forms(last(plan), QueryPlan.Kind.SYNONYM))
                .as("the completion's synonyms")
                .contains("k8s");
        assertThat(plan.rewrites())
                .containsExactly(new QueryPlan.Rewrite("kub", "kubernetes", QueryPlan.Kind.COMPLETION));
    }

    @Test
    void aWordOfTheBlogBeingTypedKeepsTheFirstPlaceSoAWholeWordMatchRanksFirst() throws IOException {
        QueryPlan.Unit java = last(typing("java"));
        assertThat(java.primary()).isEqualTo("java");
        QueryPlan.Form typed = java.alternatives().get(0);
        assertThat(typed.weight()).isEqualTo(1f);
        assertThat(java.alternatives())
                .filteredOn(form -> form.kind() == QueryPlan.Kind.COMPLETION)
                .extracting(QueryPlan.Form::text)
                .containsExactly("javascript");
        assertThat(java.alternatives())
                .filteredOn(form -> form.kind() == QueryPlan.Kind.COMPLETION)
                .allSatisfy(form -> assertThat(form.weight()).isLessThan(1f));
        assertThat(typing("java").rewrites()).isEmpty();
    }

    @Test
    void aRareWordOnTheWayToACommonOneGivesTheCommonOneAlmostTheSameWeight() throws IOException {
        // kube is in the blog, but far less than kubernetes: the reader is likelier typing kubernetes.
        QueryPlan.Unit kube = last(typing("kube"));
        QueryPlan.Form kubernetes = kube.alternatives().stream()
                .filter(form -> form.text().equals("kubernetes"))
                .findFirst()
                .orElseThrow();
        assertThat(kubernetes.weight()).isGreaterThan(0.85f);
    }

    @Test
    void aWordThatBeginsWordsOfTheBlogIsNeverCorrected() throws IOException {
        // Finished, "kubern" would be a typo; being typed, it is the beginning of kubernetes.
        assertThat(typing("kubern").rewrites())
                .containsExactly(new QueryPlan.Rewrite("kubern", "kubernetes", QueryPlan.Kind.COMPLETION));
    }

    @Test
    void aWordThatBeginsNoWordIsCorrectedToTheClosestBeginning() throws IOException {
        assertThat(typing("kubr").rewrites())
                .containsExactly(new QueryPlan.Rewrite("kubr", "kubernetes", QueryPlan.Kind.CORRECTION));
        // One letter replaced (kubevi-) is closer than one too many (kuber-), however much more kubernetes is used.
        assertThat(typing("kubevr").rewrites())
                .containsExactly(new QueryPlan.Rewrite("kubevr", "kubevirt", QueryPlan.Kind.CORRECTION));
    }

    @Test
    void aWordBeingTypedThatFinishesAKnownPhraseSearchesThePhraseAndItsSynonyms() throws IOException {
        QueryPlan plan = typing("rate limi");
        assertThat(plan.units()).hasSize(1);
        assertThat(plan.units().get(0).primary()).isEqualTo("rate limiting");
        assertThat(forms(plan.units().get(0), QueryPlan.Kind.SYNONYM)).contains("限流");
        assertThat(plan.rewrites())
                .containsExactly(new QueryPlan.Rewrite("limi", "limiting", QueryPlan.Kind.COMPLETION));
        assertThat(planner.plan(UserQuery.parse("rate limi"), reader, PlanOptions.SUBMITTED)
                        .units())
                .as("submitted, limi is a finished word")
                .hasSize(2);
    }

    @Test
    void onlyTheLastWordNotFollowedByASpaceIsBeingTyped() throws IOException {
        assertThat(planner.plan(UserQuery.parse("kub "), reader, PlanOptions.TYPING)
                        .rewrites())
                .as("a space ends the word: finished and short, it is left as typed")
                .isEmpty();
        QueryPlan plan = typing("kub 集群");
        assertThat(plan.units().get(0).alternatives())
                .extracting(QueryPlan.Form::kind)
                .doesNotContain(QueryPlan.Kind.COMPLETION);
        assertThat(typing("kubernetes \"kub\"").rewrites())
                .as("a phrase is finished")
                .isEmpty();
        assertThat(typing("kubernetes -kub").rewrites())
                .as("an exclusion is never widened")
                .isEmpty();
    }

    @Test
    void chineseBeingTypedIsLeftToTheBigramsThatMatchInsideWords() throws IOException {
        QueryPlan plan = typing("kubernetes 集");
        assertThat(last(plan).alternatives()).extracting(QueryPlan.Form::kind).containsOnly(QueryPlan.Kind.TYPED);
    }

    @Test
    void theOtherWordsOfTheQuerySayWhichCompletionIsMeant() throws IOException {
        // Alone, ref is one of six words more used than reflog; beside git, reflog is one of the two it can be.
        assertThat(forms(last(typing("ref")), QueryPlan.Kind.COMPLETION)).doesNotContain("reflog");
        assertThat(forms(last(typing("git ref")), QueryPlan.Kind.COMPLETION)).contains("reflog");
    }

    @Test
    void theOtherWordsSayWhichCompletionIsMeantFromTheSecondLetterOn() throws IOException {
        List<Document> posts = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 2; i++) {
            posts.add(PlanTestBlog.post(n++, "BPF state", "a bpf map holds state"));
        }
        // max is the blog's most used word that starts with ma, but not beside bpf.
        for (int i = 0; i < 5; i++) {
            posts.add(PlanTestBlog.post(n++, "Limits", "the max value"));
        }
        try (DirectoryReader blog = PlanTestBlog.index(posts)) {
            assertThat(planner.plan(UserQuery.parse("ma"), blog, PlanOptions.TYPING)
                            .units()
                            .get(0)
                            .primary())
                    .isEqualTo("max");
            assertThat(last(planner.plan(UserQuery.parse("bpf ma"), blog, PlanOptions.TYPING))
                            .primary())
                    .isEqualTo("map");
        }
    }

    @Test
    void aCompletionTheBlogWritesRightAfterTheWordBeforeComesFirst() throws IOException {
        List<Document> posts = new ArrayList<>();
        int n = 0;
        posts.add(PlanTestBlog.post(n++, "Lost commits", "git reflog finds them"));
        // Beside git, reference is more used than reflog, but never written right after it.
        for (int i = 0; i < 4; i++) {
            posts.add(PlanTestBlog.post(n++, "Git internals", "the reference of git objects, a reference each"));
        }
        try (DirectoryReader blog = PlanTestBlog.index(posts)) {
            List<QueryPlan.Form> completed =
                    last(planner.plan(UserQuery.parse("git ref"), blog, PlanOptions.TYPING)).alternatives().stream()
                            .filter(form -> form.kind() == QueryPlan.Kind.COMPLETION)
                            .toList();
            assertThat(completed).extracting(QueryPlan.Form::text).startsWith("reflog", "reference");
            assertThat(completed.get(0).weight())
                    .as("reflog counts as much as the likeliest completion")
                    .isGreaterThanOrEqualTo(completed.get(1).weight());
            // Alone, ref says nothing of git: the most used word comes first.
            assertThat(forms(
                            planner.plan(UserQuery.parse("ref"), blog, PlanOptions.TYPING)
                                    .units()
                                    .get(0),
                            QueryPlan.Kind.COMPLETION))
                    .startsWith("reference");
        }
    }

    @Test
    void aStopWordBeingTypedIsOnItsWayToTheWordTheBlogWritesAfterTheOneBefore() throws IOException {
        List<Document> posts = new ArrayList<>();
        int n = 0;
        posts.add(PlanTestBlog.post(n++, "Game theory", "notes on game theory"));
        // Beside game, their and there are far more used than theory.
        for (int i = 0; i < 4; i++) {
            posts.add(PlanTestBlog.post(n++, "Games", "the players of the game and their moves, there and then"));
        }
        try (DirectoryReader blog = PlanTestBlog.index(posts)) {
            QueryPlan typed = planner.plan(UserQuery.parse("game the"), blog, PlanOptions.TYPING);
            assertThat(typed.units()).extracting(QueryPlan.Unit::primary).containsExactly("game", "theory");
            assertThat(typed.rewrites())
                    .as("the reader is told what was searched")
                    .containsExactly(new QueryPlan.Rewrite("the", "theory", QueryPlan.Kind.COMPLETION));
            // Finished, the is a stop word like any other.
            assertThat(planner.plan(UserQuery.parse("game the "), blog, PlanOptions.TYPING)
                            .units())
                    .extracting(QueryPlan.Unit::primary)
                    .containsExactly("game");
        }
    }

    @Test
    void aWordBeingTypedIsCorrectedOnlyToAWordBesideTheOtherWords() throws IOException {
        List<Document> posts = new ArrayList<>();
        int n = 0;
        posts.add(PlanTestBlog.post(n++, "Optimistic concurrency", "an optimistic lock on each row"));
        posts.add(PlanTestBlog.post(n++, "Pessimistic concurrency", "a pessimistic approach"));
        for (int i = 0; i < 3; i++) {
            posts.add(PlanTestBlog.post(n++, "Logkit guide", "logkit pipelines"));
        }
        try (DirectoryReader blog = PlanTestBlog.index(posts)) {
            // Alone, locki (no word starts with it) is corrected to the closest beginning, logkit.
            assertThat(planner.plan(UserQuery.parse("locki"), blog, PlanOptions.TYPING)
                            .units()
                            .get(0)
                            .primary())
                    .isEqualTo("logkit");
            assertThat(last(planner.plan(UserQuery.parse("optimistic locki"), blog, PlanOptions.TYPING))
                            .primary())
                    .isEqualTo("lock");
            assertThat(last(planner.plan(UserQuery.parse("pessimistic locki"), blog, PlanOptions.TYPING))
                            .alternatives())
                    .as("no correction stands beside pessimistic: the word is left as typed")
                    .extracting(QueryPlan.Form::text)
                    .containsExactly("locki");
        }
    }

    @Test
    void aCompletionThatIsAnotherOneAndMoreIsLeftToTheShorterOne() throws IOException {
        List<Document> posts = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 3; i++) {
            posts.add(PlanTestBlog.post(n++, "CPU frequency", "cpupower frequency-set"));
        }
        posts.add(PlanTestBlog.post(n++, "Topology", "tools: cpupower/hwloc/lstopo"));
        try (DirectoryReader blog = PlanTestBlog.index(posts)) {
            QueryPlan.Unit unit = planner.plan(UserQuery.parse("cpupo"), blog, PlanOptions.TYPING)
                    .units()
                    .get(0);
            // The index holds cpupower as a part of cpupower/hwloc/lstopo: cpupower finds that post too, and the
            // longer form would count it twice, above the posts the finished word ranks first.
            assertThat(forms(unit, QueryPlan.Kind.COMPLETION)).containsExactly("cpupower");
        }
    }

    @Test
    void theLastPartOfAnIdentifierIsCompletedAfterItsFirstParts() throws IOException {
        QueryPlan plan = typing("createDispat");
        assertThat(last(plan).primary()).isEqualTo("create dispatcher");
    }

    @Test
    void theLastPartOfAnIdentifierIsCompletedFromTheWordsOfCode() throws IOException {
        assertThat(last(typing("createDi")).primary())
                .as("an identifier's part is a word of code, not of the prose around it")
                .isEqualTo("create dispatcher");
    }

    @Test
    void aFinishedWordCutShortIsCompletedNotCorrectedToAnotherWord() throws IOException {
        QueryPlan plan = planner.plan(UserQuery.parse("kubernet"), reader, PlanOptions.SUBMITTED);
        assertThat(plan.rewrites())
                .containsExactly(new QueryPlan.Rewrite("kubernet", "kubernetes", QueryPlan.Kind.COMPLETION));
    }

    @Test
    void verbatimSearchesTheWordsAsTyped() throws IOException {
        QueryPlan plan = planner.plan(UserQuery.parse("kub"), reader, new PlanOptions(true, true));
        assertThat(plan.rewrites()).isEmpty();
        assertThat(last(plan).alternatives()).extracting(QueryPlan.Form::text).containsExactly("kub");
    }
}
