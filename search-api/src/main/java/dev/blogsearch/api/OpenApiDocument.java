package dev.blogsearch.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document of the JSON API: the one micronaut-openapi writes from the controllers at build time, with
 * one repair. A post id holds slashes, so its route is {@code /api/posts/{+id}/related}, and micronaut-openapi
 * leaves such a variable out of the path ({@code /api/posts//related}); it is put back as the path parameter it is.
 */
final class OpenApiDocument {

    static final String RESOURCE = "META-INF/swagger/openapi.yml";

    private static final String BROKEN_RELATED = "/api/posts//related";
    static final String RELATED = "/api/posts/{id}/related";

    private OpenApiDocument() {}

    /** The document as served at {@code /openapi.yml}. */
    static String load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + ": build the service with Maven");
            }
            return repair(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static String repair(String generated) {
        Map<String, Object> document = new Yaml(new LoaderOptions()).load(generated);
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        Map<String, Object> repaired = new LinkedHashMap<>();
        paths.forEach((path, item) -> {
            if (path.equals(BROKEN_RELATED)) {
                Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) item).get("get");
                List<Object> parameters = new ArrayList<>();
                parameters.add(idParameter());
                parameters.addAll((List<Object>) get.getOrDefault("parameters", List.of()));
                get.put("parameters", parameters);
                repaired.put(RELATED, item);
            } else {
                repaired.put(path, item);
            }
        });
        document.put("paths", repaired);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(document);
    }

    private static Map<String, Object> idParameter() {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("name", "id");
        id.put("in", "path");
        id.put(
                "description",
                "the post's id: its file's path under the content folder without .md, slashes kept (a page bundle "
                        + "is its folder); %2F for a slash works too");
        id.put("required", true);
        id.put("schema", Map.of("type", "string"));
        id.put("example", "posts/redis-cluster-resharding");
        return id;
    }
}
