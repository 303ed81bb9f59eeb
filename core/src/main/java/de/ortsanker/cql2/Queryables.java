package de.ortsanker.cql2;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The properties a filter may name, by name (case-sensitive, as CQL2 property names are). */
public final class Queryables {

    private final Map<String, Queryable> byName = new LinkedHashMap<>();

    private Queryables(Collection<Queryable> queryables) {
        for (Queryable q : queryables) {
            if (byName.put(q.name(), q) != null) {
                throw new IllegalArgumentException("queryable '" + q.name() + "' is defined twice");
            }
        }
    }

    public static Queryables of(Collection<Queryable> queryables) {
        return new Queryables(queryables);
    }

    public static Queryables of(Queryable... queryables) {
        return new Queryables(java.util.List.of(queryables));
    }

    public Collection<Queryable> all() {
        return byName.values();
    }

    /** The queryable of that name, or a {@link Cql2Exception} that lists the known ones. */
    public Queryable get(String name) {
        Queryable q = byName.get(name);
        if (q != null) {
            return q;
        }
        String hint = byName.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst()
                .map(n -> " (did you mean '" + n + "'?)").orElse("");
        throw new Cql2Exception("unknown property '" + name + "'" + hint + "; queryable are: "
                + String.join(", ", byName.keySet()));
    }
}
