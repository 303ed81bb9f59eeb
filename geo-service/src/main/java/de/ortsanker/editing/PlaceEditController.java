package de.ortsanker.editing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ortsanker.accounts.Action;
import de.ortsanker.accounts.Permissions;
import de.ortsanker.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON editing API for places: create, change, retire, history and revert. Every write is authorised
 * by {@link Permissions} alone (action {@code EDIT_PLACE}, on the place as it is and as it would be: a
 * steward cannot move a place out of their municipality, a club's editor cannot give it to another club).
 */
@RestController
@org.springframework.boot.context.properties.EnableConfigurationProperties(EditingSettings.class)
@Tag(name = "Editing places", description = "Create, change, retire and revert places, with full history. Writes need"
        + " a session (with CSRF token) or 'Authorization: Bearer' with a token of scope edit, and a role whose"
        + " territory holds the place: county_administrator, municipality_steward (the place's AGS),"
        + " source_steward (its source) or organisation_editor (its organisation). Fields and their rules are the"
        + " importers': kind, name, description, addr_street, addr_housenumber, addr_postcode, addr_city,"
        + " opening_hours, wheelchair, free_entry, operator, operator_type, contact_role, contact_phone,"
        + " contact_email, contact_is_public, website, capacity, equipment, booking_url, target_groups, valid_from,"
        + " valid_to, is_public, source_url, last_verified, details; besides them geometry (GeoJSON, WGS 84),"
        + " organisation and comment (why, kept in the history).")
public class PlaceEditController {

    static final MediaType JSON = MediaType.APPLICATION_JSON;
    /** Fields whose values the public never sees in a history (role addresses are private unless marked public). */
    private static final Set<String> PRIVATE = Set.of("contact_role", "contact_phone", "contact_email");

    private final Permissions permissions;
    private final PlaceEdits edits;
    private final PlaceWrites writes;
    private final JdbcTemplate jdbc;

    public PlaceEditController(Permissions permissions, PlaceEdits edits, PlaceWrites writes, JdbcTemplate jdbc) {
        this.permissions = permissions;
        this.edits = edits;
        this.writes = writes;
        this.jdbc = jdbc;
    }

    /** A place as its editor gets it back from a write: every field, its version and its ETag. */
    @JsonPropertyOrder({"id", "version", "etag", "geometry", "properties"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EditedPlace(long id, int version, String etag,
                              @JsonRawValue @Schema(type = "object", description = "GeoJSON") String geometry,
                              Map<String, Object> properties) {

        static EditedPlace of(PlaceEdits.Current c) {
            var p = new java.util.LinkedHashMap<String, Object>(c.fields());
            p.put("organisation", c.organisation());
            p.put("source", c.source());
            p.put("source_id", c.sourceId());
            p.put("licence", c.licence());
            p.put("attribution", c.attribution());
            p.put("ags", c.ags());
            p.put("retired_at", c.retiredAt());
            p.put("edited_at", c.editedAt());
            return new EditedPlace(c.id(), c.version(), c.etag(), c.geometryJson(), p);
        }
    }

    /** One version in a history answer. {@code by}: a login for administrators, else a pseudonym. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionView(int version, OffsetDateTime at,
                              @Schema(description = "who: for administrators the login; for everybody else a"
                                      + " pseudonym valid within this place's history ('editor 1'); null for imports")
                              String by,
                              @Schema(allowableValues = {"api", "web", "ogc", "import", "database"}) String origin,
                              @JsonProperty("import_run") Long importRun, String comment,
                              @Schema(description = "field → {old, new}; geometry as GeoJSON") JsonNode changes) {
    }

    public record History(long place, @JsonProperty("current_version") int currentVersion, String etag,
                          List<VersionView> versions) {
    }

    @Operation(summary = "Create a place", description = "201 with the place, its version and ETag (also in the"
            + " ETag header). 422 names each invalid field (the importers' rules and messages); nothing is stored."
            + " source: default the service's editing source (ortsanker.editing.source).")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "401", description = "not signed in")
    @ApiResponse(responseCode = "403", description = "missing-role, missing-territory or missing-scope")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in invalid-params")
    @PostMapping(path = "/places", consumes = "application/json", produces = "application/json")
    public ResponseEntity<EditedPlace> create(@RequestBody Map<String, Object> body) {
        return answer(HttpStatus.CREATED, writes.create(body, PlaceEdits.Origin.API));
    }

    @Operation(summary = "Change a place's fields", description = "Only the fields named change (null clears one);"
            + " geometry moves it. Needs 'If-Match' with the place's ETag: 428 without, 412 when the place changed"
            + " meanwhile. Marks the place as edited by hand: imports of its source keep the edit and report the"
            + " conflict.")
    @ApiResponse(responseCode = "200", description = "changed")
    @ApiResponse(responseCode = "412", description = "stale If-Match")
    @ApiResponse(responseCode = "428", description = "If-Match missing")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in invalid-params")
    @PatchMapping(path = "/places/{id}", consumes = {"application/json", "application/merge-patch+json"},
            produces = "application/json")
    public ResponseEntity<EditedPlace> update(@PathVariable long id,
                                              @Parameter(description = "the place's ETag") @RequestHeader(
                                                      value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestBody Map<String, Object> body) {
        return answer(HttpStatus.OK, writes.update(id, ifMatch, body, PlaceEdits.Origin.API));
    }

    @Operation(summary = "Retire a place", description = "The place is kept with its history and hidden from every"
            + " public answer, tile and collection; revert brings it back. 'If-Match' is checked when sent.")
    @DeleteMapping(path = "/places/{id}", produces = "application/json")
    public ResponseEntity<EditedPlace> retire(@PathVariable long id,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Parameter(description = "why, kept in the history")
                                              @RequestParam(required = false) String comment) {
        return answer(HttpStatus.OK, writes.retire(id, ifMatch, false, comment, PlaceEdits.Origin.API));
    }

    @Operation(summary = "Revert a place to a version", description = "Its fields, geometry, organisation and"
            + " retirement as they were at that version (0: before its first recorded change), as a new version."
            + " Authorised like an edit; 'If-Match' is checked when sent.")
    @PostMapping(path = "/places/{id}/revert", produces = "application/json")
    public ResponseEntity<EditedPlace> revert(@PathVariable long id,
                                              @Parameter(description = "the version to go back to") @RequestParam int version,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @RequestParam(required = false) String comment) {
        return answer(HttpStatus.OK, writes.revert(id, version, ifMatch, comment));
    }

    @Operation(summary = "A place's history", description = "Every recorded version: when, from where (api, import"
            + " run …), why and which fields changed (old and new). Public for places the public sees, without"
            + " account identities (pseudonyms valid within one place's history) and without private contact values;"
            + " administrators see logins, editors of the place also non-public places and contact values. The ETag"
            + " is the place's, for If-Match.")
    @GetMapping(path = "/places/{id}/history", produces = "application/json")
    public ResponseEntity<History> history(@PathVariable long id) {
        var place = edits.current(id);
        boolean administrator = allowed(Action.READ_AUDIT, null);
        boolean editor = administrator || allowed(Action.EDIT_PLACE, place.territory());
        if (!editor && !publicNow(id)) {
            throw new NotFound("there is no public place with id " + id);
        }
        var pseudonyms = new HashMap<Long, String>();
        var versions = new ArrayList<VersionView>();
        for (var v : edits.history(id)) {
            String by = null;
            if (v.accountId() != null) {
                by = administrator ? v.login()
                        : pseudonyms.computeIfAbsent(v.accountId(), a -> "editor " + (pseudonyms.size() + 1));
            }
            JsonNode changes = v.changes();
            if (!editor && changes instanceof ObjectNode object) {
                for (String field : PRIVATE) {
                    if (object.has(field)) {
                        object.putObject(field).put("withheld", true);
                    }
                }
            }
            versions.add(new VersionView(v.version(), v.at(), by, v.origin(), v.importRun(), v.comment(), changes));
        }
        return ResponseEntity.ok().eTag(place.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(new History(id, place.version(), place.etag(), versions));
    }

    private boolean allowed(Action action, de.ortsanker.accounts.Place place) {
        var actor = Permissions.current();
        if (actor.isEmpty()) {
            return false;
        }
        try {
            permissions.check(actor.get(), action, place);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    private boolean publicNow(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from places p where p.id = ? and "
                + de.ortsanker.filter.PublicPlaces.on("current_date") + ")", Boolean.class, id));
    }

    /** The answer to a write ({@link PlaceWrites} has authorised and recorded it). */
    private ResponseEntity<EditedPlace> answer(HttpStatus status, PlaceEdits.Current place) {
        var builder = ResponseEntity.status(status).eTag(place.etag()).header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (status == HttpStatus.CREATED) {
            builder.location(java.net.URI.create("/places/" + place.id()));
        }
        return builder.body(EditedPlace.of(place));
    }

}
