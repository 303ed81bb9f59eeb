package de.ortsanker.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named SQL queries kept in a resource file beside the class that runs them: each query starts with a
 * line {@code -- name: some-name}; comments above and in it explain it.
 */
public final class Sql {

    private final String file;
    private final Map<String, String> queries;

    private Sql(String file, Map<String, String> queries) {
        this.file = file;
        this.queries = queries;
    }

    /** Loads {@code name} from the package of {@code owner}. */
    public static Sql load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no SQL resource " + name + " beside " + owner.getName());
            }
            var queries = new LinkedHashMap<String, String>();
            String current = null;
            var sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("-- name:")) {
                    if (current != null) {
                        queries.put(current, sql.toString().strip());
                    }
                    current = line.substring(8).strip();
                    sql.setLength(0);
                } else if (current != null) {
                    sql.append(line).append('\n');
                }
            }
            if (current != null) {
                queries.put(current, sql.toString().strip());
            }
            return new Sql(name, Map.copyOf(queries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(String name) {
        String q = queries.get(name);
        if (q == null) {
            throw new IllegalArgumentException("no query '" + name + "' in " + file);
        }
        return q;
    }
}
