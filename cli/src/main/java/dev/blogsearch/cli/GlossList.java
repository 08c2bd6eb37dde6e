package dev.blogsearch.cli;

import dev.blogsearch.analysis.Synonyms;
import dev.blogsearch.indexer.index.IndexSettings;
import dev.blogsearch.query.QueryPlanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code blog-indexer --list-glosses}: the term pairs the blog glosses itself with (熔断（circuit breaker）), mined
 * from the index as the service mines them, one a line, so the owner can review what a query in one language also
 * searches in the other.
 */
final class GlossList {

    private GlossList() {}

    /** Prints the pairs of the index in {@code indexDir}; returns how many there were. */
    static int print(Path indexDir, IndexSettings settings, PrintWriter out) throws IOException {
        try (FSDirectory directory = FSDirectory.open(indexDir);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            List<Map.Entry<String, String>> pairs = new QueryPlanner(Synonyms.builtIn(), settings.analyzer())
                    .glosses(reader)
                    .pairsInUse();
            out.printf(
                    Locale.ROOT,
                    "# Term pairs glossed in the %d posts of %s: a query for one also searches the other.%n",
                    reader.numDocs(),
                    indexDir);
            pairs.forEach(pair -> out.printf(Locale.ROOT, "%s = %s%n", pair.getKey(), pair.getValue()));
            return pairs.size();
        }
    }
}
