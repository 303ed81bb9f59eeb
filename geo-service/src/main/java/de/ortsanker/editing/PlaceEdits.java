package de.ortsanker.editing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.accounts.Actor;
import de.ortsanker.accounts.Place;
import de.ortsanker.imports.PlaceValidation;
import de.ortsanker.imports.Vocabulary;
import de.ortsanker.problem.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places as their editors change them: create, change fields, retire, revert to a version — each in one
 * transaction, validated by the importers' rules ({@link PlaceValidation}), marked as edited by hand
 * ({@code edited_at}, so imports keep the edit and report the conflict) and recorded as a version by the
 * database's history triggers (V91) with who, from where and why. Who may do it is not decided here: every
 * operation hands the place as it is and as it would be to {@code authorise} (the controller's call of
 * {@code Permissions}) before anything is written.
 */
@Component
public class PlaceEdits {

    /** Where an edit came from, as the history records it (V91 {@code place_versions.origin}). */
    public enum Origin {
        /** The JSON editing API ({@code /places}). */
        API,
        /** The web map's forms. */
        WEB,
        /** OGC API Features Part 4 ({@code /collections/{id}/items}). */
        OGC;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A place as its editors see it: every field, also those the public does not see. */
    public record Current(long id, String source, String sourceId, String licence, String attribution, String ags,
                          String organisation, Map<String, Object> fields, Geometry geometry, String geometryJson,
                          OffsetDateTime retiredAt, OffsetDateTime editedAt, int version) {

        /** The place as far as territories are concerned. */
        Place territory() {
            return new Place(ags, source, organisation);
        }

        /** The strong ETag of this version of the place: id and version. */
        public String etag() {
            return etag(id, version);
        }

        public static String etag(long id, int version) {
            return "\"" + id + "." + version + "\"";
        }
    }

    /**
     * One version of a place's history, with the account that made it (null: an import or the database).
     * {@code editor} tells editors apart (an account's id, or the pseudonym of an erased account); {@code login}
     * is the account's login, or that pseudonym.
     */
    public record Version(int version, OffsetDateTime at, String editor, String login, String origin, Long importRun,
                          String comment, JsonNode changes) {
    }

    private static final String LOCK = "select id from places where id = ? for update";

    private static final String CURRENT = """
            select p.*, p.details::text as details_json, ST_AsGeoJSON(p.geom, 9) as geometry_json,
                   (select a.ags from admin_areas a where a.level = 'gemeinde' and a.retired_at is null
                       and ST_Intersects(a.geom, ST_PointOnSurface(p.geom)) order by a.ags limit 1) as ags,
                   coalesce((select max(v.version) from place_versions v where v.place_id = p.id), 0) as version
              from places p
             where p.id = ?""";

    /** The municipality (AGS) a geometry lies in, by its representative point. */
    private static final String AGS = """
            select a.ags from admin_areas a
             where a.level = 'gemeinde' and a.retired_at is null
               and ST_Intersects(a.geom, ST_PointOnSurface(ST_GeomFromText(?, 4326)))
             order by a.ags limit 1""";

    /** Who and why, for the history triggers of this transaction (V91). */
    private static final String WHO = """
            select set_config('ortsanker.account', ?, true), set_config('ortsanker.origin', ?, true),
                   set_config('ortsanker.comment', ?, true)""";

    private static final String RETIRE = """
            update places set retired_at = now(), edited_at = now(), edited_by = ? where id = ? and retired_at is null""";

    /** The value each field had at a version: the old value of its first later change. */
    private static final String AT_VERSION = """
            select distinct on (c.key) c.key, c.value -> 'old' as old
              from place_versions v, jsonb_each(v.changes) c
             where v.place_id = ? and v.version > ?
             order by c.key, v.version""";

    private static final String HISTORY = """
            select v.version, v.at, coalesce(v.account_id::text, v.erased_editor) as editor,
                   coalesce(a.login, v.erased_editor) as login, v.origin, v.import_run, v.comment,
                   v.changes::text as changes
              from place_versions v left join accounts a on a.id = v.account_id
             where v.place_id = ?
             order by v.version""";

    private static final List<String> LISTS = List.of("equipment", "target_groups");

    /**
     * Where a place's data come from and under which terms, beside its fields (source_url and last_verified
     * are fields): a revert brings back what the place said about its origin at that version, so that a
     * record reverted to an earlier source's state carries that source's licence and attribution again.
     * Column → the cast its value gets.
     */
    private static final Map<String, String> PROVENANCE = Map.of("source", "", "source_id", "", "licence", "",
            "attribution", "", "source_edited", "::date");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EditingSettings settings;
    private final ObjectMapper json = new ObjectMapper();

    public PlaceEdits(JdbcTemplate jdbc, PlatformTransactionManager transactions, EditingSettings settings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.settings = settings;
    }

    private static final String VERSION = "select coalesce(max(version), 0) from place_versions where place_id = ?";

    /** The place's current ETag ({@link Current#etag()}), by one index lookup: what GET answers and writes require. */
    public String etag(long id) {
        return Current.etag(id, jdbc.queryForObject(VERSION, Integer.class, id));
    }

    /** The place with every field; 404 if there is none. */
    public Current current(long id) {
        var found = jdbc.query(CURRENT, this::row, id);
        if (found.isEmpty()) {
            throw new NotFound("there is no place with id " + id);
        }
        return found.get(0);
    }

    /**
     * Creates a place from the request's fields (and {@code geometry}, {@code organisation}, {@code source}).
     *
     * @return the new place
     */
    public Current create(Map<String, Object> body, Actor actor, Consumer<Place> authorise) {
        return create(body, actor, Origin.API, authorise);
    }

    /** Creates a place, recording where the edit came from. */
    public Current create(Map<String, Object> body, Actor actor, Origin origin, Consumer<Place> authorise) {
        return transactions.execute(status -> {
            var request = Request.of(body, json);
            var valid = validate(request.fields(), request.geometry(), request.problems());
            String source = request.source() == null ? settings.source() : request.source();
            authorise.accept(new Place(ags(valid.geometry()), source, request.organisation()));
            who(actor, origin, request.comment());
            var columns = new ArrayList<>(valid.columns().keySet());
            var values = new ArrayList<Object>();
            valid.columns().values().forEach(v -> values.add(value(v)));
            values.addAll(List.of(wkt(valid.geometry()), valid.detailsJson()));
            values.add(request.organisation());
            values.addAll(List.of(source, "edit-" + UUID.randomUUID(), settings.licence(), settings.attribution(),
                    actor.login()));
            String sql = "insert into places (" + String.join(", ", columns)
                    + ", geom, details, organisation, source, source_id, licence, attribution, edited_at, edited_by)"
                    + " values (" + columns.stream().map(PlaceEdits::placeholder).reduce((a, b) -> a + ", " + b).orElseThrow()
                    + ", ST_GeomFromText(?, 4326), ?::jsonb, ?, ?, ?, ?, ?, now(), ?) returning id";
            Long id = jdbc.queryForObject(sql, Long.class, values.toArray());
            return current(id);
        });
    }

    /**
     * Changes the fields the request names (null clears one); the others stay. 428 without {@code ifMatch},
     * 412 when it is not the place's current ETag.
     */
    public Current update(long id, String ifMatch, Map<String, Object> body, Actor actor, Consumer<Place> authorise) {
        return update(id, ifMatch, body, actor, Origin.API, authorise);
    }

    /** Changes a place, recording where the edit came from. */
    public Current update(long id, String ifMatch, Map<String, Object> body, Actor actor, Origin origin,
                          Consumer<Place> authorise) {
        return transactions.execute(status -> {
            var before = locked(id);
            authorise.accept(before.territory());
            precondition(before, ifMatch, true);
            if (before.retiredAt() != null) {
                throw EditProblems.retired(id);
            }
            var request = Request.of(body, json);
            if (request.source() != null && !request.source().equals(before.source())) {
                throw EditProblems.invalid("source", "a place keeps its source (" + before.source() + ")");
            }
            var fields = new LinkedHashMap<>(before.fields());
            fields.putAll(request.fields());
            Geometry geometry = request.hasGeometry() ? request.geometry() : before.geometry();
            String organisation = request.hasOrganisation() ? request.organisation() : before.organisation();
            var valid = validate(fields, geometry, request.problems());
            authorise.accept(new Place(ags(valid.geometry()), before.source(), organisation));
            who(actor, origin, request.comment());
            write(id, valid, organisation, false, Map.of(), actor);
            return current(id);
        });
    }

    /** Retires the place (kept, hidden from every public answer); {@code ifMatch} checked when given. */
    public Current retire(long id, String ifMatch, String comment, Actor actor, Consumer<Place> authorise) {
        return retire(id, ifMatch, false, comment, actor, Origin.API, authorise);
    }

    /**
     * Retires a place, recording where the edit came from; {@code ifMatchRequired}: 428 without {@code ifMatch}
     * (OGC API Features Part 4 asks for it on every change).
     */
    public Current retire(long id, String ifMatch, boolean ifMatchRequired, String comment, Actor actor, Origin origin,
                          Consumer<Place> authorise) {
        return transactions.execute(status -> {
            var before = locked(id);
            authorise.accept(before.territory());
            precondition(before, ifMatch, ifMatchRequired);
            if (before.retiredAt() != null) {
                throw EditProblems.retired(id);
            }
            who(actor, origin, comment);
            jdbc.update(RETIRE, actor.login(), id);
            return current(id);
        });
    }

    /**
     * Makes the place as it was at {@code version} again — its fields, geometry, organisation, provenance
     * (source, source id, licence, attribution, source's edit date) and whether it was retired — as a new
     * version. Version 0 is the place before its first recorded change.
     */
    public Current revert(long id, int version, String ifMatch, String comment, Actor actor, Origin origin,
                          Consumer<Place> authorise) {
        return transactions.execute(status -> {
            var before = locked(id);
            authorise.accept(before.territory());
            precondition(before, ifMatch, false);
            if (version < 0 || version >= before.version()) {
                throw new de.ortsanker.problem.InvalidParameter("version", "place " + id + " has versions 0 to "
                        + before.version() + "; revert to one before the current (" + before.version() + ")");
            }
            var fields = new LinkedHashMap<>(before.fields());
            Geometry geometry = before.geometry();
            String organisation = before.organisation();
            boolean retired = before.retiredAt() != null;
            boolean existed = true;
            var provenance = new LinkedHashMap<String, String>();
            var names = PlaceValidation.fields();
            for (var old : jdbc.query(AT_VERSION, (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)), id, version)) {
                JsonNode value = read(old.getValue());
                String key = old.getKey();
                if (names.contains(key)) {
                    fields.put(key, value == null || value.isNull() ? null : json.convertValue(value, Object.class));
                } else if (key.equals("geometry")) {
                    if (value == null || value.isNull()) {
                        existed = false;
                    } else {
                        geometry = geoJson(value.toString());
                    }
                } else if (key.equals("organisation")) {
                    organisation = value == null || value.isNull() ? null : value.asText();
                } else if (key.equals("retired_at")) {
                    retired = value != null && !value.isNull();
                } else if (PROVENANCE.containsKey(key)) {
                    provenance.put(key, value == null || value.isNull() ? null : value.asText());
                }
            }
            String why = comment == null || comment.isBlank() ? "revert to version " + version : comment;
            if (!existed) {
                // Before the place was created: reverting there retires it.
                who(actor, origin, why);
                jdbc.update(RETIRE, actor.login(), id);
                return current(id);
            }
            var valid = validate(fields, geometry, List.of());
            String source = provenance.getOrDefault("source", before.source());
            authorise.accept(new Place(ags(valid.geometry()), source, organisation));
            who(actor, origin, why);
            try {
                write(id, valid, organisation, retired, provenance, actor);
            } catch (DuplicateKeyException e) {
                throw EditProblems.identityTaken(id, version, source, provenance.getOrDefault("source_id",
                        before.sourceId()));
            }
            return current(id);
        });
    }

    /** Every recorded version of the place, oldest first. */
    public List<Version> history(long id) {
        return jdbc.query(HISTORY, (rs, i) -> new Version(rs.getInt("version"), rs.getObject("at", OffsetDateTime.class),
                rs.getString("editor"), rs.getString("login"), rs.getString("origin"),
                (Long) rs.getObject("import_run"), rs.getString("comment"), read(rs.getString("changes"))), id);
    }

    Current locked(long id) {
        if (jdbc.queryForList(LOCK, Long.class, id).isEmpty()) {
            throw new NotFound("there is no place with id " + id);
        }
        return current(id);
    }

    static void precondition(Current place, String ifMatch, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw EditProblems.ifMatchRequired(place.etag());
            }
            return;
        }
        // Strong comparison (RFC 9110 13.1.1): a weak ETag never matches.
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(place.etag()));
        if (!matches) {
            throw EditProblems.stale(ifMatch, place.etag());
        }
    }

    private PlaceValidation.Valid validate(Map<String, Object> fields, Geometry geometry,
                                           List<PlaceValidation.Invalid> earlier) {
        var outcome = jdbc.execute((ConnectionCallback<PlaceValidation.Outcome>) c ->
                PlaceValidation.check(Vocabulary.load(c), fields, geometry));
        var problems = new ArrayList<>(earlier);
        problems.addAll(outcome.problems());
        if (!problems.isEmpty()) {
            throw EditProblems.invalid(problems);
        }
        return outcome.valid();
    }

    private void write(long id, PlaceValidation.Valid valid, String organisation, boolean retired,
                       Map<String, String> provenance, Actor actor) {
        var values = new ArrayList<Object>();
        var sets = new StringBuilder();
        // Column names from PlaceFields and PROVENANCE (the product's, never the request's).
        valid.columns().forEach((column, v) -> {
            sets.append(column).append(" = ").append(placeholder(column)).append(", ");
            values.add(value(v));
        });
        provenance.forEach((column, v) -> {
            sets.append(column).append(" = ?").append(PROVENANCE.get(column)).append(", ");
            values.add(v);
        });
        values.addAll(Arrays.asList(wkt(valid.geometry()), valid.detailsJson(), organisation, retired, actor.login(), id));
        jdbc.update("update places set " + sets + "geom = ST_GeomFromText(?, 4326), details = ?::jsonb, organisation = ?,"
                + " retired_at = case when ? then coalesce(retired_at, now()) end, edited_at = now(), edited_by = ?"
                + " where id = ?", values.toArray());
    }

    void who(Actor actor, Origin origin, String comment) {
        jdbc.queryForList(WHO, String.valueOf(actor.accountId()), origin.code(), comment == null ? "" : comment);
    }

    private String ags(Geometry geometry) {
        var found = jdbc.queryForList(AGS, String.class, wkt(geometry));
        return found.isEmpty() ? null : found.get(0);
    }

    private static String placeholder(String column) {
        return LISTS.contains(column) ? "?::text[]" : "?";
    }

    private static Object value(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toArray(String[]::new);
        }
        return v;
    }

    private static String wkt(Geometry g) {
        return new WKTWriter(2).write(g);
    }

    static Geometry geoJson(String text) {
        try {
            Geometry g = new GeoJsonReader().read(text);
            g.setSRID(4326);
            return g;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Current row(ResultSet rs, int row) throws SQLException {
        var fields = new LinkedHashMap<String, Object>();
        for (String name : PlaceValidation.fields()) {
            if (name.equals("details")) {
                try {
                    fields.put(name, json.readValue(rs.getString("details_json"), new TypeReference<Map<String, Object>>() { }));
                } catch (JsonProcessingException e) {
                    throw new SQLException(e);
                }
                continue;
            }
            Object v = rs.getObject(name);
            if (v instanceof java.sql.Array a) {
                v = List.of((Object[]) a.getArray());
            } else if (v instanceof java.sql.Date d) {
                v = d.toLocalDate();
            }
            fields.put(name, v);
        }
        String geometryJson = rs.getString("geometry_json");
        return new Current(rs.getLong("id"), rs.getString("source"), rs.getString("source_id"), rs.getString("licence"),
                rs.getString("attribution"), rs.getString("ags"), rs.getString("organisation"), fields,
                geoJson(geometryJson), geometryJson, rs.getObject("retired_at", OffsetDateTime.class),
                rs.getObject("edited_at", OffsetDateTime.class), rs.getInt("version"));
    }

    /** What a request body asks for: place fields, and geometry, organisation, source and comment apart. */
    record Request(Map<String, Object> fields, boolean hasGeometry, Geometry geometry, boolean hasOrganisation,
                   String organisation, String source, String comment, List<PlaceValidation.Invalid> problems) {

        static Request of(Map<String, Object> body, ObjectMapper json) {
            var fields = new LinkedHashMap<String, Object>();
            var problems = new ArrayList<PlaceValidation.Invalid>();
            Geometry geometry = null;
            String organisation = null;
            String source = null;
            String comment = null;
            for (var e : (body == null ? Map.<String, Object>of() : body).entrySet()) {
                Object v = e.getValue();
                switch (e.getKey()) {
                    case "geometry" -> {
                        geometry = v instanceof Map<?, ?> ? geoJson(write(json, v)) : null;
                        if (geometry == null) {
                            problems.add(new PlaceValidation.Invalid("geometry",
                                    "must be a GeoJSON geometry object (Point, Polygon or MultiPolygon) in WGS 84"));
                        }
                    }
                    case "organisation" -> organisation = text(v, "organisation", problems);
                    case "source" -> source = text(v, "source", problems);
                    case "comment" -> {
                        comment = text(v, "comment", problems);
                        if (comment != null && comment.length() > 2000) {
                            problems.add(new PlaceValidation.Invalid("comment", "is longer than 2000 characters"));
                        }
                    }
                    default -> fields.put(e.getKey(), v);
                }
            }
            boolean hasGeometry = body != null && body.containsKey("geometry");
            boolean hasOrganisation = body != null && body.containsKey("organisation");
            if (organisation != null && organisation.length() > 300) {
                problems.add(new PlaceValidation.Invalid("organisation", "is longer than 300 characters"));
            }
            return new Request(fields, hasGeometry, geometry, hasOrganisation, organisation, source, comment, problems);
        }

        private static String text(Object v, String field, List<PlaceValidation.Invalid> problems) {
            if (v == null) {
                return null;
            }
            if (!(v instanceof String s)) {
                problems.add(new PlaceValidation.Invalid(field, "must be text"));
                return null;
            }
            return s.isBlank() ? null : s.strip();
        }

        private static String write(ObjectMapper json, Object v) {
            try {
                return json.writeValueAsString(v);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

}
