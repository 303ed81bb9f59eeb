package de.ortsanker.tiles;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The 4xx answers of the tile endpoints, as RFC 9457 problem documents. They have the shape of the
 * service's other problems (a 400 names the parameter in {@code invalid-params}); the service's error
 * handler writes them as application/problem+json.
 */
final class TileProblems {

    private TileProblems() {
    }

    /** One entry of {@code invalid-params}. */
    record Param(String name, String reason) {
    }

    static ErrorResponseException invalid(String parameter, String reason) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "parameter '" + parameter + "': " + reason);
        problem.setTitle("Invalid parameter");
        problem.setProperty("invalid-params", List.of(new Param(parameter, reason)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
