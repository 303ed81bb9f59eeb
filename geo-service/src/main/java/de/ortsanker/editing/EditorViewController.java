package de.ortsanker.editing;

import de.ortsanker.accounts.Action;
import de.ortsanker.accounts.NotSignedIn;
import de.ortsanker.accounts.Permissions;
import de.ortsanker.places.openinghours.Holidays;
import de.ortsanker.places.openinghours.OpeningHours;
import de.ortsanker.places.openinghours.Week;
import de.ortsanker.problem.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web map's edit form reads: a place as its editor may change it (every field, also the private
 * ones, with its ETag for {@code If-Match}) — answered only to whoever may edit it, so the page offers an
 * edit exactly where the write would be allowed — and opening hours put into a week by the service's own
 * parser, so the form shows what the service will understand before anything is stored.
 */
@RestController
@Tag(name = "Editing places")
public class EditorViewController {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Permissions permissions;
    private final PlaceEdits edits;

    public EditorViewController(Permissions permissions, PlaceEdits edits) {
        this.permissions = permissions;
        this.edits = edits;
    }

    @Operation(summary = "A place as its editor changes it", description = "Every field (also private contact"
            + " values), organisation, provenance, the municipality (ags) it lies in, its version and ETag (also in"
            + " the ETag header, for If-Match). 401 without authentication; 403 unless the caller may edit this"
            + " place (the same check as a write).")
    @GetMapping(path = "/places/{id}/editable", produces = "application/json")
    public ResponseEntity<PlaceEditController.EditedPlace> editable(@PathVariable long id) {
        var actor = Permissions.current().orElseThrow(() -> new NotSignedIn(Action.EDIT_PLACE));
        var place = edits.current(id);
        permissions.check(actor, Action.EDIT_PLACE, place.territory());
        return ResponseEntity.ok().eTag(place.etag()).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(PlaceEditController.EditedPlace.of(place));
    }

    /** The preview: whether the value is understood, why not, and the coming week as the service reads it. */
    public record HoursPreview(@Schema(description = "the value as given") String text, boolean understood,
                               @Schema(description = "why it cannot be evaluated (English)") String problem,
                               @Schema(description = "the next seven days from today, as in GET /places/{id}") List<Week.Day> hours) {
    }

    @Operation(summary = "Opening hours as the service reads them", description = "For an edit form: the"
            + " OpenStreetMap opening_hours value evaluated for the coming week (Europe/Berlin, with the public"
            + " holidays of the Land of ags), or why it cannot be evaluated. Changes nothing.")
    @GetMapping(path = "/places/opening-hours", produces = "application/json")
    public HoursPreview openingHours(@Parameter(description = "an opening_hours value, e.g. Mo-Fr 09:00-18:00")
                                     @RequestParam String value,
                                     @Parameter(description = "the AGS (or its Land's first two digits) for public holidays")
                                     @RequestParam(required = false) String ags) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > 255) {
            throw new InvalidParameter("value", "must have 1 to 255 characters");
        }
        if (ags != null && !ags.matches("[0-9]{2,12}")) {
            throw new InvalidParameter("ags", "'" + ags + "' is not an official key (2 to 12 digits)");
        }
        var holidays = Holidays.ofLand(ags == null ? null : ags.substring(0, 2));
        var oh = OpeningHours.of(text);
        if (!oh.understood()) {
            return new HoursPreview(text, false, oh.problem().orElse(null), null);
        }
        return new HoursPreview(text, true, null, Week.from(oh, LocalDate.now(BERLIN), holidays));
    }
}
