package dev.blogsearch.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link QueryPlan} as one line of text and back, exactly (weights included): a collection plans a query once and
 * sends the plan to every shard as a request parameter, so all search the same words.
 */
public final class QueryPlanCodec {

    private QueryPlanCodec() {}

    public static String encode(QueryPlan plan) {
        return Fields.encode(List.of(
                list(plan.units(), QueryPlanCodec::unit),
                list(plan.excluded(), QueryPlanCodec::unit),
                Fields.encode(plan.tags()),
                Fields.encode(plan.categories()),
                list(
                        plan.rewrites(),
                        rewrite -> Fields.encode(List.of(
                                rewrite.typed(),
                                rewrite.searched(),
                                rewrite.kind().name()))),
                list(plan.together(), QueryPlanCodec::unit)));
    }

    /** @throws IllegalArgumentException when {@code line} is not an encoded plan */
    public static QueryPlan decode(String line) {
        List<String> parts = Fields.decode(line);
        if (parts.size() != 6) {
            throw new IllegalArgumentException("an encoded plan has 6 parts, not " + parts.size());
        }
        List<QueryPlan.Rewrite> rewrites = new ArrayList<>();
        for (String rewrite : Fields.decode(parts.get(4))) {
            List<String> fields = Fields.decode(rewrite);
            rewrites.add(new QueryPlan.Rewrite(fields.get(0), fields.get(1), QueryPlan.Kind.valueOf(fields.get(2))));
        }
        return new QueryPlan(
                units(parts.get(0)),
                units(parts.get(1)),
                Fields.decode(parts.get(2)),
                Fields.decode(parts.get(3)),
                rewrites,
                units(parts.get(5)));
    }

    private static <T> String list(List<T> items, Function<T, String> encode) {
        return Fields.encode(items.stream().map(encode).toList());
    }

    private static String unit(QueryPlan.Unit unit) {
        List<String> fields = new ArrayList<>();
        fields.add(unit.text());
        for (QueryPlan.Form form : unit.alternatives()) {
            fields.add(Fields.encode(List.of(
                    form.text(), Float.toString(form.weight()), form.kind().name())));
        }
        return Fields.encode(fields);
    }

    private static List<QueryPlan.Unit> units(String line) {
        List<QueryPlan.Unit> units = new ArrayList<>();
        for (String unit : Fields.decode(line)) {
            List<String> fields = Fields.decode(unit);
            List<QueryPlan.Form> forms = new ArrayList<>();
            for (String form : fields.subList(1, fields.size())) {
                List<String> parts = Fields.decode(form);
                forms.add(new QueryPlan.Form(
                        parts.get(0), Float.parseFloat(parts.get(1)), QueryPlan.Kind.valueOf(parts.get(2))));
            }
            units.add(new QueryPlan.Unit(fields.get(0), forms));
        }
        return units;
    }
}
