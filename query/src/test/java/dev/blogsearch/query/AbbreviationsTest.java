package dev.blogsearch.query;

import static dev.blogsearch.query.PlanTestBlog.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An English term found for a query also finds the posts that write only the abbreviation the blog introduces for
 * it: RTO (retransmission timeout).
 */
class AbbreviationsTest {

    @RegisterExtension
    static final IndexedBlog blog = new IndexedBlog(
            post(
                    "initial-rto",
                    "Customize the initial RTO",
                    "The RTO (retransmission timeout) of a new connection is one second."),
            post("timers-zh", "TCP 定时器", "丢包之后要等 RTO 到期才会重传，数据中心里 RTO 常常太长。"),
            post("resend-zh", "丢包之后", "丢了的段，内核会重传（retransmit），重传之前要等超时。"),
            post("reading-time", "Reading time", "RT is short for reading time in this blog; every post has one."),
            post("notes", "Notes", "The rt of a post is measured; a retransmission is counted; so is a timeout."),
            post("headers", "Headers", "Read the tcp header first: the tcp header has the flags."));

    @Test
    void theAbbreviationTheBlogWritesBesideATermIsOneOfItsForms() throws IOException {
        assertThat(QueryPlanner.abbreviations(
                        "retransmission timeout", new ReaderLexicon(blog.reader(), BlogGlosses::none)))
                .as("rto is written beside the term; rt is a word of the blog, but never beside it")
                .containsExactly("rto");
        assertThat(QueryPlanner.abbreviations("reading time", new ReaderLexicon(blog.reader(), BlogGlosses::none)))
                .as("RT is short for reading time is not how an abbreviation is introduced")
                .isEmpty();
        assertThat(QueryPlanner.abbreviations("tcp header", new ReaderLexicon(blog.reader(), BlogGlosses::none)))
                .as("the is written right before tcp header, and its letters fit, but it is a function word")
                .isEmpty();
    }

    @Test
    void aChineseQueryFindsThePostThatWritesOnlyTheAbbreviation() throws IOException {
        QueryPlan plan = blog.plan("重传超时");
        assertThat(PlanTestBlog.forms(plan)).contains(new QueryPlan.Form("rto", 0.5f, QueryPlan.Kind.ABBREVIATION));
        assertThat(blog.search("重传超时")).contains("timers-zh", "initial-rto", "resend-zh");
    }

    @Test
    void englishWordsTypedTogetherFindThePostsThatWriteOnlyTheirAbbreviation() throws IOException {
        assertThat(blog.search("Retransmission Timeout")).contains("initial-rto", "timers-zh");
    }
}
