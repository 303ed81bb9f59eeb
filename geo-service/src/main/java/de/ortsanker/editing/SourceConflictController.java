package de.ortsanker.editing;

import de.ortsanker.accounts.Action;
import de.ortsanker.accounts.Actor;
import de.ortsanker.accounts.Audit;
import de.ortsanker.accounts.NotSignedIn;
import de.ortsanker.accounts.Permissions;
import de.ortsanker.problem.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A hand edit that its source's import later contradicted, for the place's editors: what differs (the hand
 * value and the source's), and resolving it. Reading it is already an editor's business (the source's
 * version may hold private contact values), so both ask {@link Permissions} for {@code EDIT_PLACE}.
 */
@RestController
@Tag(name = "Editing places")
public class SourceConflictController {

    private final Permissions permissions;
    private final SourceConflicts conflicts;
    private final PlaceEdits edits;
    private final Audit audit;

    public SourceConflictController(Permissions permissions, SourceConflicts conflicts, PlaceEdits edits, Audit audit) {
        this.permissions = permissions;
        this.conflicts = conflicts;
        this.edits = edits;
        this.audit = audit;
    }

    @Operation(summary = "A place's open conflict with its source", description = "After an import found the"
            + " place edited by hand and changed at the source, and kept the hand edit: the fields that differ, each"
            + " with the hand value and the source's (geometry as GeoJSON). 404 when there is none; 401/403 unless"
            + " the caller may edit the place.")
    @GetMapping(path = "/places/{id}/conflict", produces = "application/json")
    public ResponseEntity<SourceConflicts.Conflict> conflict(@PathVariable long id) {
        Actor actor = Permissions.current().orElseThrow(() -> new NotSignedIn(Action.EDIT_PLACE));
        var place = edits.current(id);
        permissions.check(actor, Action.EDIT_PLACE, place.territory());
        return ResponseEntity.ok().eTag(place.etag()).header(HttpHeaders.CACHE_CONTROL, "no-store").body(conflicts.of(id));
    }

    @Operation(summary = "Resolve a place's conflict with its source", description = "resolution=keep: the hand"
            + " edit stays, and the next import of the same source version reports nothing (a newer one is reported"
            + " again). resolution=source: the source's values replace the hand edit and the place is no longer"
            + " marked as edited by hand, so later imports update it. A new version with the comment; 'If-Match'"
            + " checked when sent.")
    @PostMapping(path = "/places/{id}/conflict", produces = "application/json")
    public ResponseEntity<PlaceEditController.EditedPlace> resolve(
            @PathVariable long id,
            @Parameter(schema = @Schema(allowableValues = {"keep", "source"})) @RequestParam String resolution,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = "why, kept in the history") @RequestParam(required = false) String comment) {
        Actor actor = Permissions.current().orElseThrow(() -> new NotSignedIn(Action.EDIT_PLACE));
        SourceConflicts.Resolution how = switch (resolution.strip().toLowerCase(Locale.ROOT)) {
            case "keep" -> SourceConflicts.Resolution.KEEP;
            case "source" -> SourceConflicts.Resolution.SOURCE;
            default -> throw new InvalidParameter("resolution", "'" + resolution + "' is not keep or source");
        };
        if (comment != null && comment.length() > 2000) {
            throw new InvalidParameter("comment", "is longer than 2000 characters");
        }
        var place = conflicts.resolve(id, how, ifMatch, comment, actor,
                p -> permissions.check(actor, Action.EDIT_PLACE, p));
        audit.record("place-conflict-resolved", actor.login(), "place " + id,
                Map.of("version", place.version(), "resolution", how.name().toLowerCase(Locale.ROOT), "via", actor.via()));
        return ResponseEntity.ok().eTag(place.etag()).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(PlaceEditController.EditedPlace.of(place));
    }
}
