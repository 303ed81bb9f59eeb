package de.ortsanker.features;

import de.ortsanker.cql2.Cql2Exception;
import de.ortsanker.cql2.Expression;
import de.ortsanker.cql2.LiteralCrs;
import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.cql2.SqlTranslator;
import de.ortsanker.service.InvalidParameter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads features with one SQL statement per page: the collection's public rows, narrowed by bbox,
 * datetime, CQL2 filter and property filters (all as bound parameters), ordered by id for stable paging,
 * geometry transformed by PostGIS and written as GeoJSON by PostGIS, properties as JSON by PostgreSQL.
 */
@Component
public class FeatureStore {

    /** One feature: id, GeoJSON geometry and properties as JSON text, ready to be written out. */
    public record Feature(long id, String geometry, String properties) {
    }

    /** A page of features and how many match in all. */
    public record Page(List<Feature> features, long numberMatched) {
    }

    /** json_build_object takes at most 100 arguments: 50 name/value pairs. */
    private static final int PAIRS_PER_OBJECT = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ConcurrentHashMap<String, String> propertiesSql = new ConcurrentHashMap<>();

    public FeatureStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        // Page and count see the same snapshot, so numberMatched agrees with the pages.
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public Page items(CollectionDefinition c, ItemsQuery q) {
        SqlFilter where = where(c, q);
        String select = "select " + c.idColumn() + ", " + geometry(c, q.crs()) + ", " + properties(c)
                + " from " + c.from() + " where " + where.sql() + " order by " + c.idColumn() + " limit ? offset ?";
        return readOnly.execute(status -> {
            List<Feature> features = jdbc.query(select, ps -> {
                int next = where.bind(ps, 1);
                ps.setInt(next, q.limit());
                ps.setLong(next + 1, q.offset());
            }, FeatureStore::feature);
            long matched;
            if (features.size() < q.limit() && (q.offset() == 0 || !features.isEmpty())) {
                matched = q.offset() + features.size(); // the last page tells the total without counting
            } else {
                Long count = jdbc.query("select count(*) from " + c.from() + " where " + where.sql(),
                        ps -> where.bind(ps, 1), rs -> rs.next() ? rs.getLong(1) : 0L);
                matched = count == null ? 0 : count;
            }
            return new Page(features, matched);
        });
    }

    public Optional<Feature> item(CollectionDefinition c, long id, Crs crs) {
        String select = "select " + c.idColumn() + ", " + geometry(c, crs) + ", " + properties(c)
                + " from " + c.from() + " where (" + c.where() + ") and " + c.idColumn() + " = ?";
        return jdbc.query(select, ps -> ps.setLong(1, id), FeatureStore::feature).stream().findFirst();
    }

    /** The collection's own condition and everything the request adds, as one parameterised condition. */
    static SqlFilter where(CollectionDefinition c, ItemsQuery q) {
        var sql = new ArrayList<String>(List.of("(" + c.where() + ")"));
        var params = new ArrayList<>();
        var parts = new ArrayList<SqlFilter>();
        if (q.bbox() != null) {
            parts.add(translate(q.bbox().intersects(), c, q.bbox().literalCrs(), "bbox"));
        }
        if (q.datetime() != null && c.temporal() != null) {
            parts.add(validity(c.temporal(), q.datetime()));
        }
        if (q.filter() != null) {
            parts.add(translate(q.filter(), c, q.filterCrs().asLiteralCrs(), "filter"));
        }
        for (Expression e : q.propertyFilters()) {
            parts.add(translate(e, c, LiteralCrs.CRS84, "filter"));
        }
        for (SqlFilter f : parts) {
            sql.add(f.sql());
            params.addAll(f.parameters());
        }
        return new SqlFilter(String.join(" and ", sql), params);
    }

    private static SqlFilter translate(Expression e, CollectionDefinition c, LiteralCrs crs, String parameter) {
        try {
            return SqlTranslator.toSql(e, c.queryables(), crs);
        } catch (Cql2Exception ex) {
            throw new InvalidParameter(parameter, ex.getMessage());
        }
    }

    /** Valid at some time in the requested period: open ends of either match everything on that side. */
    private static SqlFilter validity(CollectionDefinition.Temporal t, DateTimeFilter d) {
        boolean dates = t.type() == FeatureProperty.Type.DATE;
        var sql = new ArrayList<String>();
        var params = new ArrayList<>();
        if (d.to() != null) {
            sql.add("(" + t.startSql() + " is null or " + t.startSql() + " <= ?)");
            params.add(dates ? d.toDate() : d.to().atOffset(java.time.ZoneOffset.UTC));
        }
        if (d.from() != null) {
            sql.add("(" + t.endSql() + " is null or " + t.endSql() + " >= ?)");
            params.add(dates ? d.fromDate() : d.from().atOffset(java.time.ZoneOffset.UTC));
        }
        return new SqlFilter(sql.isEmpty() ? "true" : String.join(" and ", sql), params);
    }

    private static String geometry(CollectionDefinition c, Crs crs) {
        // options 0: no "crs" member in the geometry; the Content-Crs header says it
        return "ST_AsGeoJSON(" + crs.fromStorage(c.geometryColumn()) + ", " + crs.decimals() + ", 0)";
    }

    /** All properties and the provenance as one JSON object, nulls left out. */
    private String properties(CollectionDefinition c) {
        return propertiesSql.computeIfAbsent(c.id(), id -> {
            var pairs = new ArrayList<String>();
            for (FeatureProperty p : c.properties()) {
                pairs.add("'" + p.name() + "', " + p.sql());
            }
            pairs.add("'source', " + c.provenance().sourceSql());
            pairs.add("'licence', " + c.provenance().licenceSql());
            pairs.add("'attribution', " + c.provenance().attributionSql());
            if (pairs.size() <= PAIRS_PER_OBJECT) {
                return "json_strip_nulls(json_build_object(" + String.join(", ", pairs) + "))::text";
            }
            var objects = new ArrayList<String>();
            for (int i = 0; i < pairs.size(); i += PAIRS_PER_OBJECT) {
                objects.add("jsonb_build_object(" + String.join(", ",
                        pairs.subList(i, Math.min(pairs.size(), i + PAIRS_PER_OBJECT))) + ")");
            }
            return "jsonb_strip_nulls(" + String.join(" || ", objects) + ")::text";
        });
    }

    private static Feature feature(ResultSet rs, int row) throws SQLException {
        return new Feature(rs.getLong(1), rs.getString(2), rs.getString(3));
    }
}
