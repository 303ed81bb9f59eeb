package de.ortsanker.features;

import de.ortsanker.catalogue.Field;
import de.ortsanker.catalogue.FieldType;
import de.ortsanker.cql2.Cql2Exception;
import de.ortsanker.cql2.Expression;
import de.ortsanker.cql2.LiteralCrs;
import de.ortsanker.cql2.SqlFilter;
import de.ortsanker.cql2.SqlTranslator;
import de.ortsanker.database.LayerVersions;
import de.ortsanker.database.SessionSetting;
import de.ortsanker.problem.InvalidParameter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads features with one SQL statement per page: the collection's public rows, narrowed by bbox,
 * datetime, CQL2 filter and property filters (all as bound parameters), ordered by id for stable paging,
 * geometry transformed by PostGIS and written as GeoJSON by PostGIS, properties as JSON text by PostgreSQL.
 * numberMatched is counted with the same condition and remembered per data version ({@link MatchCounts}).
 */
@Component
public class FeatureStore {

    private static final Logger log = LoggerFactory.getLogger(FeatureStore.class);
    private static final SessionSetting NO_JIT = new SessionSetting("jit", "off");

    /** One feature: id, GeoJSON geometry and properties as JSON text, ready to be written out. */
    public record Feature(long id, RawJson geometry, RawJson properties) {
    }

    /**
     * A page of features in id order, how many match in all, and whether more follow the page
     * ({@code more}) or precede it ({@code earlier}), so that next and prev links point somewhere.
     */
    public record Page(List<Feature> features, long numberMatched, boolean more, boolean earlier) {
    }

    /** Members joined by one concat_ws call, whose separator is its 100th argument. */
    static final int MEMBERS_PER_CALL = 99;

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<String, String> propertiesSql = new ConcurrentHashMap<>();
    private final MatchCounts counts = new MatchCounts();

    public FeatureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page: by {@code offset}, or after/before an id (keyset paging, as the next and prev links do: a
     * deep page costs an index lookup, not a scan over everything before it). One row more than the limit
     * is read to know whether another page follows.
     *
     * @param versions the data versions read for this request (the count cache keys on them)
     */
    public Page items(CollectionDefinition c, ItemsQuery q, LayerVersions versions) {
        SqlFilter where = where(c, q);
        String keyset = q.after() != null ? " and " + c.idColumn() + " > ?" : q.before() != null ? " and " + c.idColumn() + " < ?" : "";
        String order = q.before() != null ? " desc" : "";
        // Limit and offset are numbers ItemsQuery has checked, written into the statement rather than bound:
        // a plan PostgreSQL caches for the statement then knows its row goal. Bound, they left the cached
        // plan guessing at a tenth of the matches (a parallel scan of the whole collection for a first
        // page), so every request was planned anew.
        String select = "select " + c.idColumn() + ", " + (q.skipGeometry() ? "null::text" : geometry(c, q.crs())) + ", "
                + properties(c, q.returned())
                + " from " + c.from() + " where " + where.sql() + keyset + " order by " + c.idColumn() + order
                + " limit " + (q.limit() + 1) + " offset " + q.offset();
        if (log.isDebugEnabled()) {
            log.debug("items of {}: {} -- parameters {}, after {}, before {}", c.id(), select, where.parameters(),
                    q.after(), q.before());
        }
        List<Feature> rows = withoutJit(select, ps -> {
            int next = where.bind(ps, 1);
            if (q.after() != null || q.before() != null) {
                ps.setLong(next, q.after() != null ? q.after() : q.before());
            }
        }, FeatureStore::feature);
        boolean beyond = rows.size() > q.limit();
        List<Feature> features = beyond ? rows.subList(0, q.limit()) : rows;
        if (q.before() != null) {
            Collections.reverse(features);
        }
        long matched;
        if (!beyond && q.offset() == 0 && q.after() == null && q.before() == null) {
            matched = features.size(); // the only page tells the total without counting
        } else {
            matched = counts.get(c, where, versions, () -> withoutJit(
                    "select count(*) from " + c.from() + " where " + where.sql(), ps -> where.bind(ps, 1),
                    (rs, row) -> rs.getLong(1)).get(0));
        }
        boolean more = q.before() != null || beyond; // read backwards, the page we came from follows
        boolean earlier = q.before() != null ? beyond : q.offset() > 0 || q.after() != null;
        return new Page(List.copyOf(features), matched, more, earlier);
    }

    /**
     * Runs a query with just-in-time compilation off — it costs more than it saves on queries this short,
     * and a large count crosses its threshold — in one round trip, without a transaction ({@link SessionSetting}).
     */
    private <T> List<T> withoutJit(String sql, PreparedStatementSetter parameters, RowMapper<T> rows) {
        return jdbc.execute((Connection con) -> con.prepareStatement(NO_JIT.around(sql)),
                (PreparedStatement ps) -> {
                    parameters.setValues(ps);
                    var list = new ArrayList<T>();
                    try (ResultSet rs = SessionSetting.execute(ps)) {
                        while (rs.next()) {
                            list.add(rows.mapRow(rs, list.size()));
                        }
                    }
                    return list;
                });
    }

    /** A feature shown today (a place whose temporary offer ended is not found, as in the items). */
    public Optional<Feature> item(CollectionDefinition c, long id, Crs crs) {
        LocalDate today = LocalDate.now(DateTimeFilter.LOCAL);
        SqlFilter visible = c.visible(today, today);
        String select = "select " + c.idColumn() + ", " + geometry(c, crs) + ", " + properties(c, ItemsQuery.returnables(c))
                + " from " + c.from() + " where " + visible.sql() + " and " + c.idColumn() + " = ?";
        return jdbc.query(select, ps -> ps.setLong(visible.bind(ps, 1), id), FeatureStore::feature).stream().findFirst();
    }

    /**
     * The collection's rows shown for the request's period ({@code datetime}, else today) and everything the
     * request adds, as one parameterised condition.
     */
    static SqlFilter where(CollectionDefinition c, ItemsQuery q) {
        var sql = new ArrayList<String>();
        var params = new ArrayList<>();
        var parts = new ArrayList<SqlFilter>();
        LocalDate today = LocalDate.now(DateTimeFilter.LOCAL);
        parts.add(q.datetime() == null ? c.visible(today, today) : c.visible(q.datetime().fromDate(), q.datetime().toDate()));
        if (!q.places().isEmpty()) {
            parts.add(q.places().sql());
        }
        if (q.bbox() != null) {
            parts.add(translate(q.bbox().intersects(), c, q.bbox().literalCrs(), "bbox"));
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

    private static String geometry(CollectionDefinition c, Crs crs) {
        // options 0: no "crs" member in the geometry; the Content-Crs header says it
        return "ST_AsGeoJSON(" + crs.fromStorage(c.geometryColumn()) + ", " + crs.decimals() + ", 0)";
    }

    /**
     * All properties and the provenance as one JSON object, every member present, {@code null} included:
     * {@code '{' || concat_ws(',', '"capacity":' || coalesce(to_json(p.capacity)::text, 'null'), …) || '}'}.
     * Clients that build their columns from the first page (GDAL, QGIS) then see every property even where
     * the page holds no value of it. Cheaper than {@code json_build_object(…)}, which PostgreSQL builds
     * and then writes out again. Nested objects (details) are stripped of their nulls.
     */
    private String properties(CollectionDefinition c, List<String> returned) {
        // all of them: made once; a selection (properties=…) is made per request, as clients may pick any
        return returned.size() == ItemsQuery.returnables(c).size()
                ? propertiesSql.computeIfAbsent(c.id(), id -> propertiesOf(c, returned)) : propertiesOf(c, returned);
    }

    private static String propertiesOf(CollectionDefinition c, List<String> returned) {
        var members = new ArrayList<String>();
        for (Field p : c.properties()) {
            if (returned.contains(p.name())) {
                members.add(member(p.name(), p.sql(), p.type()));
            }
        }
        var provenance = c.provenance();
        for (var m : List.of(List.of("source", provenance.sourceSql()), List.of("licence", provenance.licenceSql()),
                List.of("attribution", provenance.attributionSql()))) {
            if (returned.contains(m.get(0))) {
                members.add(member(m.get(0), m.get(1), FieldType.STRING));
            }
        }
        return members.isEmpty() ? "'{}'" : "'{' || " + joined(members) + " || '}'";
    }

    /**
     * {@code "name":value}, {@code "name":null} when there is none. Names are lower_snake_case: nothing to escape. Texts
     * are cast to text: to_json cannot tell the type of a bare literal such as
     * {@code 'Ortsanker planning analysis'} (json_build_object took it as text).
     */
    private static String member(String name, String sql, FieldType type) {
        String value = switch (type) {
            case OBJECT -> "json_strip_nulls(to_json(" + sql + "))::text";
            case STRING -> "to_json((" + sql + ")::text)::text";
            default -> "to_json(" + sql + ")::text";
        };
        value = "coalesce(" + value + ", 'null')";
        return "'\"" + name + "\":' || " + value;
    }

    /** concat_ws takes at most 100 arguments: larger objects join groups of members, every member is there. */
    private static String joined(List<String> members) {
        if (members.size() <= MEMBERS_PER_CALL) {
            return "concat_ws(',', " + String.join(", ", members) + ")";
        }
        var groups = new ArrayList<String>();
        for (int i = 0; i < members.size(); i += MEMBERS_PER_CALL) {
            groups.add("nullif(" + joined(members.subList(i, Math.min(members.size(), i + MEMBERS_PER_CALL))) + ", '')");
        }
        return joined(groups);
    }

    private static Feature feature(ResultSet rs, int row) throws SQLException {
        byte[] geometry = rs.getBytes(2); // the text as received: UTF-8, the connection's encoding
        return new Feature(rs.getLong(1), geometry == null ? null : new RawJson(geometry), new RawJson(rs.getBytes(3)));
    }
}
