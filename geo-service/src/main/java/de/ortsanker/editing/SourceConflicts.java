package de.ortsanker.editing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.accounts.Actor;
import de.ortsanker.accounts.Place;
import de.ortsanker.problem.NotFound;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conflicts between a hand edit and a later import of the place's source (V120): the import kept the hand
 * edit and the source's version; the place's steward resolves it — keep the hand edit (the source's digest is
 * taken, so the next import of the same version is quiet and a new one is reported again) or take the source's
 * values (written as the import would have, the edit mark cleared, so later imports update the place again).
 * Either is a version in the history with who and why; authorisation is the caller's {@code authorise}.
 */
@Component
public class SourceConflicts {

    /** One open conflict: per field that differs, the hand-edited value and the source's. */
    public record Conflict(long place, String source, @JsonProperty("import_run") Long importRun,
                           @JsonProperty("reported_at") OffsetDateTime reportedAt,
                           @Schema(description = "field → {hand, source}; geometry as GeoJSON")
                           Map<String, Map<String, JsonNode>> fields) {
    }

    public enum Resolution { KEEP, SOURCE }

    /** The place as its history compares it (V91's place_state) beside the source's version in the same terms. */
    private static final String COMPARE = """
            select c.source, c.import_run, c.reported_at,
                   place_state(to_jsonb(p), p.geom)::text as hand,
                   place_state(to_jsonb(p) || c.source_values, c.source_geom)::text as theirs
              from place_source_conflicts c join places p on p.id = c.place_id
             where c.place_id = ?""";

    /** The columns of places the stored version names (names from the catalog, never from a request). */
    private static final String COLUMNS = """
            select k from place_source_conflicts c, jsonb_object_keys(c.source_values) k
             where c.place_id = ? and k in (select column_name::text from information_schema.columns
                                             where table_name = 'places' and table_schema = current_schema()
                                               and is_generated = 'NEVER'
                                               and column_name not in ('id', 'source', 'source_id', 'geom', 'geog',
                                                   'name_folded', 'import_hash', 'edited_at', 'edited_by',
                                                   'created_at', 'updated_at'))
             order by k""";

    private static final String KEEP = """
            update places p set import_hash = c.import_hash from place_source_conflicts c
             where c.place_id = p.id and p.id = ?""";

    private static final String FORGET = "delete from place_source_conflicts where place_id = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PlaceEdits edits;
    private final ObjectMapper json = new ObjectMapper();

    public SourceConflicts(JdbcTemplate jdbc, PlatformTransactionManager transactions, PlaceEdits edits) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.edits = edits;
    }

    /** The place's open conflict; 404 when there is none. */
    public Conflict of(long id) {
        var found = jdbc.query(COMPARE, (rs, i) -> {
            JsonNode hand = read(rs.getString("hand"));
            JsonNode theirs = read(rs.getString("theirs"));
            var fields = new LinkedHashMap<String, Map<String, JsonNode>>();
            theirs.fieldNames().forEachRemaining(name -> {
                JsonNode mine = hand.path(name);
                JsonNode source = theirs.get(name);
                if (!same(mine, source)) {
                    var pair = new LinkedHashMap<String, JsonNode>();
                    pair.put("hand", mine.isMissingNode() ? null : mine);
                    pair.put("source", source);
                    fields.put(name, pair);
                }
            });
            return new Conflict(id, rs.getString("source"), (Long) rs.getObject("import_run"),
                    rs.getObject("reported_at", OffsetDateTime.class), fields);
        }, id);
        if (found.isEmpty()) {
            throw new NotFound("place " + id + " has no open conflict with its source");
        }
        return found.get(0);
    }

    private static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isMissingNode() || a.isNull();
        boolean bNull = b == null || b.isMissingNode() || b.isNull();
        return aNull && bNull || !aNull && a.equals(b);
    }

    /** Resolves the conflict; {@code ifMatch} checked when given. Returns the place as it is then. */
    public PlaceEdits.Current resolve(long id, Resolution resolution, String ifMatch, String comment, Actor actor,
                                      Consumer<Place> authorise) {
        return transactions.execute(status -> {
            var before = edits.locked(id);
            authorise.accept(before.territory());
            PlaceEdits.precondition(before, ifMatch, false);
            of(id);  // 404 without a conflict
            String why = comment == null || comment.isBlank()
                    ? (resolution == Resolution.KEEP ? "conflict with the source: hand edit kept"
                    : "conflict with the source: the source's values taken") : comment;
            edits.who(actor, PlaceEdits.Origin.API, why);
            if (resolution == Resolution.KEEP) {
                jdbc.update(KEEP, id);
            } else {
                List<String> columns = jdbc.queryForList(COLUMNS, String.class, id);
                // A place may move out of the steward's territory only if they may edit it there too.
                authorise.accept(new Place(agsOfSource(id), before.source(), before.organisation()));
                String sets = columns.stream().map(c -> c + " = r." + c).reduce((a, b) -> a + ", " + b).map(s -> s + ", ").orElse("");
                jdbc.update("update places p set " + sets + "geom = c.source_geom, import_hash = c.import_hash,"
                        + " retired_at = null, edited_at = null, edited_by = null"
                        + " from place_source_conflicts c, jsonb_populate_record(null::places, c.source_values) r"
                        + " where c.place_id = p.id and p.id = ?", id);
            }
            jdbc.update(FORGET, id);
            return edits.current(id);
        });
    }

    private String agsOfSource(long id) {
        var found = jdbc.queryForList("""
                select a.ags from place_source_conflicts c, admin_areas a
                 where c.place_id = ? and a.level = 'gemeinde' and a.retired_at is null
                   and ST_Intersects(a.geom, ST_PointOnSurface(c.source_geom)) order by a.ags limit 1""", String.class, id);
        return found.isEmpty() ? null : found.get(0);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
