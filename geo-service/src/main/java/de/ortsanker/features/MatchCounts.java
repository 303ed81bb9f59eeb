package de.ortsanker.features;

import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.database.LayerVersions;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers numberMatched per query while the data stays the same: a client paging through a large
 * collection (QGIS reads every page) pays for counting once, not on every page. Keys include the layer
 * versions and the day, so a change to the data or midnight (expired offers) starts afresh.
 */
final class MatchCounts {

    private static final int CAPACITY = 2000;

    private final Map<String, Long> counts = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    long get(CollectionDefinition c, SqlFilter where, LayerVersions versions, LongSupplier count) {
        String key = c.id() + "|" + versions.token(c.layers()) + "|" + LocalDate.now(DateTimeFilter.LOCAL) + "|"
                + where.sql() + "|" + Arrays.deepToString(where.parameters().toArray());
        synchronized (counts) {
            Long known = counts.get(key);
            if (known != null) {
                return known;
            }
        }
        long n = count.getAsLong();
        synchronized (counts) {
            counts.put(key, n);
        }
        return n;
    }
}
