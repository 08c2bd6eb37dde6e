package dev.blogsearch.api.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.blogsearch.api.web.SampleBlogServer;
import dev.blogsearch.query.StopWords;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /api/suggest} over the sample blog: what a search box offers while the reader is still typing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestApiTest implements SampleBlogServer {

    @Inject
    @Client("/")
    HttpClient client;

    private SuggestResponse suggest(String q) {
        return client.toBlocking()
                .retrieve(
                        HttpRequest.GET(
                                UriBuilder.of("/api/suggest").queryParam("q", q).build()),
                        SuggestResponse.class);
    }

    private static List<String> texts(SuggestResponse response) {
        return response.suggestions().stream().map(SuggestResponse.Item::text).toList();
    }

    @Test
    void typosInWhatIsBeingTypedStillFindTheWord() {
        for (String typed : List.of("kubr", "kuberntes", "kubernets", "Kubrenetes")) {
            assertThat(texts(suggest(typed))).as(typed).first().isEqualTo("Kubernetes");
        }
    }

    @Test
    void wordsThatStartWithWhatWasTypedComeBeforeWordsOneEditAway() {
        // red begins redis; rad, ref and rel are one edit away, and never come first.
        assertThat(texts(suggest("red"))).first().asString().startsWithIgnoringCase("red");
    }

    @Test
    void completionsEndAtAWordAboutSomethingNeverAParticleOrPunctuation() {
        for (String typed :
                List.of("k", "kub", "kubernetes", "dns", "r", "red", "redis", "虚", "集", "一", "从", "的", "你的")) {
            assertThat(texts(suggest(typed))).as(typed).allSatisfy(text -> {
                String last = text.substring(text.offsetByCodePoints(text.length(), -1));
                assertThat(last).as(text).doesNotMatch("[\\p{P}\\s]");
                assertThat(StopWords.isStopWord(lastWord(text))).as(text).isFalse();
            });
        }
    }

    /** The last word of a completion: its last Latin word, or its last Chinese character. */
    private static String lastWord(String text) {
        String[] latin = text.split("[^\\p{IsLatin}\\p{N}]+");
        boolean endsLatin = !text.isEmpty()
                && Character.isLetterOrDigit(text.charAt(text.length() - 1))
                && Character.UnicodeScript.of(text.codePointBefore(text.length())) != Character.UnicodeScript.HAN;
        return endsLatin && latin.length > 0
                ? latin[latin.length - 1]
                : text.substring(text.offsetByCodePoints(text.length(), -1));
    }

    @Test
    void traditionalInputGetsSimplifiedCompletions() {
        assertThat(texts(suggest("虛擬"))).first().isEqualTo("虚拟内存");
    }

    @Test
    void thePrefixOfAnEnglishWordCompletesToTheTagFirst() {
        SuggestResponse response = suggest("red");
        assertThat(response.query()).isEqualTo("red");
        assertThat(texts(response).get(0)).isEqualToIgnoringCase("redis");
        assertThat(texts(response))
                .anyMatch(text -> text.equalsIgnoreCase("redis 集群"))
                .hasSizeLessThanOrEqualTo(5);
        assertThat(response.suggestions().get(0).html()).matches("<mark>[Rr]ed</mark>is");
    }

    @Test
    void aChinesePrefixCompletesToTheWordInTheMiddleOfATitle() {
        SuggestResponse response = suggest("虚拟");
        assertThat(texts(response).get(0)).isEqualTo("虚拟内存");
        assertThat(response.suggestions().get(0).html()).isEqualTo("<mark>虚拟</mark>内存");
    }

    @Test
    void aMixedPrefixCompletesWithOrWithoutItsSpace() {
        assertThat(texts(suggest("k8s 升")).get(0)).isEqualTo("k8s 升级");
        assertThat(texts(suggest("K8s升")).get(0)).isEqualTo("k8s 升级");
        assertThat(suggest("k8s升").suggestions().get(0).html()).isEqualTo("<mark>k8s 升</mark>级");
    }

    @Test
    void completionsNeverStopInsideAChineseWordOrSpanPunctuation() {
        // smartcn cuts 搭建 into 搭 建 in "Redis 集群搭建与在线扩容实战"; "Redis 集群搭" is no completion.
        assertThat(texts(suggest("redis 集群"))).isNotEmpty().doesNotContain("Redis 集群搭");
        assertThat(texts(suggest("redis"))).noneMatch(text -> text.equals("Redis、etcd"));
    }

    @Test
    void nothingTypedOrNothingKnownGivesNoSuggestions() {
        assertThat(suggest("").suggestions()).isEmpty();
        assertThat(suggest("qqzzxx").suggestions()).isEmpty();
        SuggestResponse markup = suggest("<script>");
        assertThat(markup.query()).isEqualTo("<script>");
        assertThat(markup.suggestions()).isEmpty();
    }

    @Test
    void sizeIsCheckedAndHonoured() {
        SuggestResponse two = client.toBlocking().retrieve("/api/suggest?q=k&size=2", SuggestResponse.class);
        assertThat(two.suggestions()).hasSize(2);
        HttpClientResponseException e = assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking().retrieve("/api/suggest?q=k&size=11"));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(String.class).orElse("")).contains("size must be");
    }
}
