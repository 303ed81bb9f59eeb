package de.ortsanker.editing;

import de.ortsanker.accounts.Action;
import de.ortsanker.accounts.Actor;
import de.ortsanker.accounts.Audit;
import de.ortsanker.accounts.NotSignedIn;
import de.ortsanker.accounts.Permissions;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A place's writes as the current request's account makes them, whichever API it uses (the JSON editing API,
 * OGC API Features Part 4): authenticated (401 first), authorised by {@link Permissions} on the place as it is
 * and as it would be, done by {@link PlaceEdits} with the origin the history records, and recorded in the
 * audit log. One path for every write, so no API decides or records anything of its own.
 */
@Component
public class PlaceWrites {

    private final Permissions permissions;
    private final PlaceEdits edits;
    private final Audit audit;

    public PlaceWrites(Permissions permissions, PlaceEdits edits, Audit audit) {
        this.permissions = permissions;
        this.edits = edits;
        this.audit = audit;
    }

    /** The acting account; 401 (with {@code WWW-Authenticate: Bearer}) when the request has none. */
    public Actor actor() {
        return Permissions.current().orElseThrow(() -> new NotSignedIn(Action.EDIT_PLACE));
    }

    public PlaceEdits.Current create(Map<String, Object> body, PlaceEdits.Origin asked) {
        Actor actor = actor();
        var origin = origin(asked, actor);
        return recorded("place-created", actor, origin, edits.create(body, actor, origin,
                place -> permissions.check(actor, Action.EDIT_PLACE, place)));
    }

    public PlaceEdits.Current update(long id, String ifMatch, Map<String, Object> body, PlaceEdits.Origin asked) {
        Actor actor = actor();
        var origin = origin(asked, actor);
        return recorded("place-changed", actor, origin, edits.update(id, ifMatch, body, actor, origin,
                place -> permissions.check(actor, Action.EDIT_PLACE, place)));
    }

    public PlaceEdits.Current retire(long id, String ifMatch, boolean ifMatchRequired, String comment,
                                     PlaceEdits.Origin asked) {
        Actor actor = actor();
        var origin = origin(asked, actor);
        return recorded("place-retired", actor, origin, edits.retire(id, ifMatch, ifMatchRequired, comment, actor,
                origin, place -> permissions.check(actor, Action.EDIT_PLACE, place)));
    }

    public PlaceEdits.Current revert(long id, int version, String ifMatch, String comment) {
        Actor actor = actor();
        var origin = origin(PlaceEdits.Origin.API, actor);
        return recorded("place-reverted", actor, origin, edits.revert(id, version, ifMatch, comment, actor, origin,
                place -> permissions.check(actor, Action.EDIT_PLACE, place)));
    }

    /**
     * The JSON API used with a signed-in session is the web map's pages (only they hold one); with a token, a
     * script's. The history tells them apart.
     */
    static PlaceEdits.Origin origin(PlaceEdits.Origin asked, Actor actor) {
        return asked == PlaceEdits.Origin.API && actor.tokenId() == null ? PlaceEdits.Origin.WEB : asked;
    }

    /** The history says what changed; the audit log that it happened, by whom and how. */
    private PlaceEdits.Current recorded(String event, Actor actor, PlaceEdits.Origin origin, PlaceEdits.Current place) {
        audit.record(event, actor.login(), "place " + place.id(), Map.of("version", place.version(), "via", actor.via(),
                "origin", origin.code()));
        return place;
    }
}
