package de.ortsanker.accounts;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An authenticated write the actor may not make: 403 naming what is missing — the roles that would
 * allow it ({@code missing-role}), the territory ({@code missing-territory}) or the token scope
 * ({@code missing-scope}).
 */
public class Refused extends ErrorResponseException {

    static final URI TYPE = URI.create("urn:ortsanker:problem:forbidden");

    private Refused(String detail, String member, Object value, Action action) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
        getBody().setProperty(member, value);
        if (action != null) {
            getBody().setProperty("action", action.name().toLowerCase());
        }
    }

    private static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        problem.setType(TYPE);
        return problem;
    }

    static Refused missingRole(Action action, List<Role> roles) {
        var codes = roles.stream().map(Role::code).toList();
        return new Refused("to " + action.description() + " the account needs the role " + String.join(" or ", codes),
                "missing-role", codes, action);
    }

    static Refused missingTerritory(Action action, Place place) {
        return new Refused("this " + place + " lies outside the territories of the account's roles",
                "missing-territory", place, action);
    }

    static Refused missingScope(Action action) {
        return new Refused("this API token lacks the scope '" + action.scope().code() + "' needed to "
                + action.description(), "missing-scope", action.scope().code(), action);
    }

    static Refused sessionOnly(String what) {
        return new Refused("to " + what + " sign in with the password (a session); an API token cannot",
                "missing-authentication", "session", null);
    }
}
