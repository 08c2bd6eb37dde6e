package eval.embeddings;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embeddings by text, kept in a file between runs: embedding every passage of three blogs takes minutes on two
 * cores, trying another way of fusing the rankings should not.
 */
final class EmbeddingCache {

    private final EmbeddingModel model;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();
    private long embedNanos;
    private int embedded;

    EmbeddingCache(EmbeddingModel model, Path file) throws IOException {
        this.model = model;
        this.file = file;
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
                while (true) {
                    String text;
                    try {
                        text = in.readUTF();
                    } catch (EOFException end) {
                        break;
                    }
                    float[] vector = new float[in.readInt()];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = in.readFloat();
                    }
                    vectors.put(text, vector);
                }
            }
        }
    }

    /** Embeds what is not cached yet, in batches, and saves the file. */
    void embedAll(List<String> texts) throws IOException {
        Set<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            if (!vectors.containsKey(text)) {
                missing.add(text);
            }
        }
        List<String> batch = new ArrayList<>();
        for (String text : missing) {
            batch.add(text);
            if (batch.size() == 64) {
                embedBatch(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            embedBatch(batch);
        }
        if (!missing.isEmpty()) {
            save();
        }
    }

    private void embedBatch(List<String> batch) {
        long started = System.nanoTime();
        List<TextSegment> segments = batch.stream().map(TextSegment::from).toList();
        var embeddings = model.embedAll(segments).content();
        embedNanos += System.nanoTime() - started;
        embedded += batch.size();
        for (int i = 0; i < batch.size(); i++) {
            vectors.put(batch.get(i), embeddings.get(i).vector());
        }
        if (embedded % 640 == 0) {
            System.err.printf("  embedded %d passages (%.1f a second)%n", embedded, passagesPerSecond());
        }
    }

    float[] get(String text) {
        float[] vector = vectors.get(text);
        if (vector == null) {
            throw new IllegalStateException("not embedded: " + text);
        }
        return vector;
    }

    /** Passages embedded by this run a second of the clock, 0 when all came from the file. */
    double passagesPerSecond() {
        return embedNanos == 0 ? 0 : embedded / (embedNanos / 1e9);
    }

    int embeddedThisRun() {
        return embedded;
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temp))) {
            for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                for (float value : entry.getValue()) {
                    out.writeFloat(value);
                }
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
