package de.ortsanker.editing;

import de.ortsanker.imports.PlaceValidation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The editing API's refusals, as RFC 9457 problem documents (authorisation's are {@code accounts}'). */
public final class EditProblems {

    private EditProblems() {
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:ortsanker:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /** 422: fields break the places' rules (the importers' rules and messages); nothing was stored. */
    public static ErrorResponseException invalid(List<PlaceValidation.Invalid> problems) {
        var detail = new StringBuilder();
        List<Map<String, String>> params = problems.stream().map(p -> {
            detail.append(detail.isEmpty() ? "" : "; ").append("field '").append(p.field()).append("': ").append(p.reason());
            var m = new LinkedHashMap<String, String>();
            m.put("name", p.field());
            m.put("reason", p.reason());
            return (Map<String, String>) m;
        }).toList();
        var problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-place", "Invalid place", detail + "; nothing was stored");
        problem.setProperty("invalid-params", params);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY, problem, null);
    }

    public static ErrorResponseException invalid(String field, String reason) {
        return invalid(List.of(new PlaceValidation.Invalid(field, reason)));
    }

    /** 428: a change of a place must say which version it changes. */
    static ErrorResponseException ifMatchRequired(String etag) {
        var problem = problem(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required",
                "send 'If-Match' with the place's ETag (from the answer of the last write or of GET /places/{id}/history),"
                        + " so that a change made meanwhile by someone else is not overwritten; the current one is " + etag);
        return new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
    }

    /** 412: the place changed since the client's version. */
    static ErrorResponseException stale(String given, String current) {
        var problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-edit", "Place changed meanwhile",
                "the place was changed since the version in 'If-Match' (" + given + "); it is now " + current
                        + ": read it again (GET /places/{id}/history shows what changed) and repeat the edit");
        problem.setProperty("current-etag", current);
        return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
    }

    /** 409: the place is retired already. */
    static ErrorResponseException retired(long id) {
        var problem = problem(HttpStatus.CONFLICT, "place-retired", "Place retired",
                "place " + id + " is retired; revert to an earlier version to bring it back");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    /** A revert to a version whose source and source id another place holds now. */
    static ErrorResponseException identityTaken(long id, int version, String source, String sourceId) {
        var problem = problem(HttpStatus.CONFLICT, "identity-taken", "Source identity taken",
                "place " + id + " had source '" + source + "' and source id '" + sourceId + "' at version " + version
                        + "; another place holds them now, so it cannot be reverted to that version; nothing was stored");
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
