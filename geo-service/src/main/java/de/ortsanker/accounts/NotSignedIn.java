package de.ortsanker.accounts;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A write without authentication: 401, and how to authenticate (a session or a Bearer token). */
public class NotSignedIn extends ErrorResponseException {

    static final URI TYPE = URI.create("urn:ortsanker:problem:not-signed-in");

    public NotSignedIn(Action action) {
        this(action.description());
        getBody().setProperty("action", action.name().toLowerCase());
    }

    /** @param what what the request wanted to do, e.g. "issue a token" */
    public NotSignedIn(String what) {
        super(HttpStatus.UNAUTHORIZED, problem("to " + what + " sign in (POST /login) or send"
                + " 'Authorization: Bearer <token>' with a personal API token"), null);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ortsanker\"");
    }

    static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Authentication required");
        problem.setType(TYPE);
        return problem;
    }
}
