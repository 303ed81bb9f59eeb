package de.ortsanker.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides every write: who acts ({@link #current()}), and whether their roles, the
 * roles' territories and (for a token) its scopes allow the action on the place. Refusals are 401
 * ({@link NotSignedIn}) or 403 ({@link Refused}, naming the missing role, territory or scope).
 *
 * <p>Roles are read from the database at each decision, so revoking a role or disabling an account takes
 * effect on the next request, also for open sessions.
 */
@Component
public class Permissions {

    private final Roles roles;
    private final Accounts accounts;

    public Permissions(Roles roles, Accounts accounts) {
        this.roles = roles;
        this.accounts = accounts;
    }

    /** The actor of the current request, if any. */
    public static Optional<Actor> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ActorAuthentication a ? Optional.of(a.actor()) : Optional.empty();
    }

    /** The current request's actor, allowed to do {@code action} (no place: county-wide actions). */
    public Actor check(Action action) {
        return check(action, null);
    }

    /** The current request's actor, allowed to do {@code action} on {@code place}; else 401 or 403. */
    public Actor check(Action action, Place place) {
        var actor = current().orElseThrow(() -> new NotSignedIn(action));
        check(actor, action, place);
        return actor;
    }

    /** Whether {@code actor} may do {@code action} on {@code place} (null for county-wide actions); else 401/403. */
    public void check(Actor actor, Action action, Place place) {
        if (actor == null || !accounts.active(actor.accountId())) {
            throw new NotSignedIn(action);
        }
        List<Grant> grants = roles.of(actor.accountId());
        List<Role> allowing = rolesFor(action);
        var held = grants.stream().filter(g -> allowing.contains(g.parsedRole())).toList();
        if (held.isEmpty()) {
            throw Refused.missingRole(action, allowing);
        }
        if (held.stream().noneMatch(g -> covers(g, place))) {
            throw Refused.missingTerritory(action, place);
        }
        if (!actor.allows(action.scope())) {
            throw Refused.missingScope(action);
        }
    }

    /** The roles that can do an action at all (the administrator can do everything). */
    static List<Role> rolesFor(Action action) {
        var roles = new ArrayList<Role>();
        roles.add(Role.COUNTY_ADMINISTRATOR);
        switch (action) {
            case EDIT_PLACE -> roles.addAll(List.of(Role.MUNICIPALITY_STEWARD, Role.SOURCE_STEWARD, Role.ORGANISATION_EDITOR));
            case MODERATE -> roles.add(Role.MODERATOR);
            case MANAGE_ACCOUNTS, READ_AUDIT, PUBLISH_PLANNING -> { }
        }
        return roles;
    }

    /** Whether a grant's territory includes the place. County-wide roles include every place. */
    static boolean covers(Grant grant, Place place) {
        Role role = grant.parsedRole();
        if (!role.hasTerritory()) {
            return true;
        }
        if (place == null) {
            return false;
        }
        return switch (role) {
            // AGS are hierarchical (Land 2, Regierungsbezirk 3, Kreis 5, Gemeinde 8 or 12 digits): a prefix is a territory
            case MUNICIPALITY_STEWARD -> place.ags() != null && place.ags().startsWith(grant.territory());
            case SOURCE_STEWARD -> grant.territory().equals(place.source());
            case ORGANISATION_EDITOR -> grant.territory().equals(place.organisation());
            default -> false;
        };
    }
}
