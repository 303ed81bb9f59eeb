package de.ortsanker.places;

import de.ortsanker.database.LayerVersions;
import de.ortsanker.places.PlaceCollection.Place;
import de.ortsanker.places.openinghours.Holidays;
import de.ortsanker.places.openinghours.OpeningHours;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL behind the place lists — nearby, search, within an area — each one readable statement with
 * bound parameters; the optional conditions are fixed fragments ({@link PlaceFilters}, {@link Area}).
 */
@Component
class PlaceQueries {

    /** What every list selects. {@code land}: the Land's AGS prefix, looked up only where PH matters. */
    static final String COLUMNS = """
            p.id, p.name, p.kind, k.label_de, k.label_en, k.group_code, ST_AsGeoJSON(p.geom, 7) as geometry,
                   p.opening_hours, p.wheelchair, p.free_entry, p.addr_street, p.addr_housenumber, p.addr_postcode,
                   p.addr_city, p.source, p.licence, p.attribution, p.last_verified, p.source_edited,
                   case when p.opening_hours like '%PH%' then (select left(a.ags, 2) from admin_areas a
                         where a.retired_at is null and ST_Intersects(a.geom, p.geom) limit 1) end as land,
                   """ + SourceTitle.SQL + " as source_title";

    /** Nearest first (index-assisted KNN on the geography), optionally within a radius; exact metres. */
    static final String NEARBY = """
            select %s,
                   ST_Distance(p.geog, ST_Point(:lon, :lat, 4326)::geography) as distance_m, null::float8 as score
              from places p join kinds k on k.code = p.kind
             where %s
             order by p.geog <-> ST_Point(:lon, :lat, 4326)::geography
             limit :scan""";

    static final String WITHIN_RADIUS = "ST_DWithin(p.geog, ST_Point(:lon, :lat, 4326)::geography, :radius)";

    /** What a name search reads: the columns, its distance from the citizen (when given) and its score. */
    private static final String SEARCH_FROM = """
            select %s,
                   case when cast(:lon as float8) is null then null
                        else ST_Distance(p.geog, ST_Point(cast(:lon as float8), cast(:lat as float8), 4326)::geography)
                   end as distance_m,
                   word_similarity(fold_name(:q), p.name_folded) as score
              from places p join kinds k on k.code = p.kind
            """;

    /**
     * Names folded like the stored {@code name_folded} (case, ß, umlauts, accents), matched by trigram
     * word similarity or as a substring; exact names first, then names starting with the query, then by
     * similarity — and among equals ("Edeka" in every town) the nearest first when lon/lat are given.
     */
    static final String SEARCH = SEARCH_FROM + """
             where (fold_name(:q) <%% p.name_folded or p.name_folded like '%%' || fold_name(:qLike) || '%%')
               and %s
             order by p.name_folded = fold_name(:q) desc, p.name_folded like fold_name(:qLike) || '%%' desc,
                      score desc, distance_m nulls last, length(p.name_folded), p.id
             limit :scan""";

    /**
     * Names starting with a short query (fewer than {@link #FUZZY_MIN} letters), folded like {@link #SEARCH}:
     * by a range over the folded name in byte order ({@code places_name_prefix_idx}, V65), so that "st" is one
     * index range instead of a trigram search over every name with an s and a t. Exact names first, then
     * the shortest, then the nearest.
     */
    static final String SEARCH_PREFIX = SEARCH_FROM + """
             where (p.name_folded collate "C") >= (fold_name(:q) collate "C")
               and (p.name_folded collate "C") < ((fold_name(:q) || chr(1114111)) collate "C")
               and %s
             order by p.name_folded = fold_name(:q) desc, length(p.name_folded), distance_m nulls last, p.id
             limit :scan""";

    /** Queries shorter than this (in letters) match name prefixes only ({@link #SEARCH_PREFIX}). */
    static final int FUZZY_MIN = 3;

    /** A page of an area, in id order so that the next page starts after the last id. */
    static final String WITHIN = """
            select %s,
                   null::float8 as distance_m, null::float8 as score
              from places p join kinds k on k.code = p.kind
             where p.id > :after
               and %s
             order by p.id
             limit :scan""";

    /** How many candidates an "open now" filter may look at before giving up on filling the page. */
    static final int MAX_SCAN = 5_000;
    /** Candidates fetched per round trip while filtering by opening hours: most pages fill in the first. */
    static final int FETCH = 60;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    PlaceQueries(NamedParameterJdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        var streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH);
        this.cursor = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** Builds a statement from a named query and its conditions (fixed fragments, never user text). */
    static String statement(String query, List<String> conditions) {
        return query.formatted(COLUMNS, String.join("\n   and ", conditions));
    }

    /**
     * Up to {@code limit} places, and where a following page would start: after the last place of a
     * full page, or — when an opening-hours filter gave up after {@link #MAX_SCAN} candidates — after
     * the last candidate it looked at; null when there is nothing more. {@code versions}: the data
     * versions read in the same round trip just before the places (null when read separately).
     */
    record Page(List<Place> places, Long continueAfter, LayerVersions versions) {
    }

    /**
     * Runs a list query. Without an opening-hours filter the SQL limit is the page, and the data
     * versions for the ETag travel in the same round trip (round trips, not the small queries, are
     * what a request waits for). With the filter, rows stream through a cursor ({@link #FETCH} at a
     * time) until the page is full, so "the 10 nearest open places" reads only as far as it must.
     */
    Page list(String sql, MapSqlParameterSource params, PlaceFilters filters, int limit) {
        RowMapper<Place> mapper = mapper(filters.at());
        if (!filters.openOnly()) {
            params.addValue("scan", limit);
            return jdbc.execute(LayerVersions.QUERY + ";\n" + sql, params, (PreparedStatement ps) -> {
                ps.execute();
                LayerVersions versions;
                try (ResultSet rs = ps.getResultSet()) {
                    versions = LayerVersions.from(rs);
                }
                ps.getMoreResults();
                List<Place> places = new ArrayList<>();
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        places.add(mapper.mapRow(rs, places.size()));
                    }
                }
                return new Page(places, places.size() == limit ? places.get(limit - 1).id() : null, versions);
            });
        }
        params.addValue("scan", MAX_SCAN);
        return readOnly.execute(tx -> {
            try (Stream<Place> rows = cursor.queryForStream(sql, params, mapper)) {
                List<Place> open = new ArrayList<>();
                int scanned = 0;
                long last = 0;
                for (var it = rows.iterator(); it.hasNext() && open.size() < limit; ) {
                    Place p = it.next();
                    scanned++;
                    last = p.id();
                    if (Boolean.TRUE.equals(p.openNow())) {
                        open.add(p);
                    }
                }
                Long more = open.size() == limit || scanned == MAX_SCAN ? Long.valueOf(last) : null;
                return new Page(open, more, null);
            }
        });
    }

    /** Nearest first by exact spheroid distance (the index orders by the sphere; they differ by < 0.5 %). */
    static List<Place> byDistance(List<Place> places) {
        return places.stream().sorted(Comparator.comparingDouble(Place::distanceM)).toList();
    }

    static RowMapper<Place> mapper(LocalDateTime at) {
        return (rs, i) -> place(rs, at);
    }

    static Place place(ResultSet rs, LocalDateTime at) throws SQLException {
        long id = rs.getLong("id");
        String hours = rs.getString("opening_hours");
        Boolean openNow = null;
        String nextChange = null;
        if (hours != null) {
            var oh = OpeningHours.of(hours);
            var holidays = Holidays.ofLand(rs.getString("land"));
            openNow = oh.at(at, holidays).asBoolean();
            nextChange = oh.nextChange(at, holidays)
                    .map(t -> t.atZone(PlaceFilters.BERLIN).toOffsetDateTime().toString()).orElse(null);
        }
        double distance = rs.getDouble("distance_m");
        Double distanceM = rs.wasNull() ? null : Math.round(distance * 100) / 100.0;
        double score = rs.getDouble("score");
        Double scoreValue = rs.wasNull() ? null : Math.round(score * 1000) / 1000.0;
        var verified = rs.getDate("last_verified");
        var edited = rs.getDate("source_edited");
        return new Place(id, rs.getString("geometry"), rs.getString("name"), rs.getString("kind"),
                rs.getString("label_de"), rs.getString("label_en"), rs.getString("group_code"),
                distanceM, scoreValue, hours, openNow, nextChange,
                rs.getString("wheelchair"), (Boolean) rs.getObject("free_entry"),
                rs.getString("addr_street"), rs.getString("addr_housenumber"), rs.getString("addr_postcode"),
                rs.getString("addr_city"), rs.getString("source"), rs.getString("source_title"), rs.getString("licence"),
                rs.getString("attribution"), verified == null ? null : verified.toLocalDate(),
                edited == null ? null : edited.toLocalDate(), "/places/" + id);
    }

    /** Whether an AGS names a municipality we know. */
    boolean municipalityExists(String ags) {
        return !jdbc.queryForList(Area.Municipality.EXISTS, new MapSqlParameterSource("ags", ags), String.class).isEmpty();
    }

    /** A token of what in a list changes with time alone (open or not, until when), for the ETag. */
    static String timeState(List<Place> places) {
        int h = 1;
        for (Place p : places) {
            h = 31 * h + Long.hashCode(p.id());
            h = 31 * h + String.valueOf(p.openNow()).hashCode();
            h = 31 * h + String.valueOf(p.nextChange()).hashCode();
        }
        return Integer.toHexString(h);
    }

    static Set<String> layersOf(PlaceFilters filters, Area area) {
        var layers = new java.util.TreeSet<>(filters.layers());
        layers.add("admin_areas");  // the Land whose public holidays count
        if (area != null) {
            area.layer().ifPresent(layers::add);
        }
        return layers;
    }
}
