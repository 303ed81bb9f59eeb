package de.ortsanker.service;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request parameter the service cannot use: answered 400 as an RFC 9457 problem document that names
 * the parameter ({@code invalid-params}) and says why.
 */
public class InvalidParameter extends ErrorResponseException {

    public InvalidParameter(String parameter, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, reason), null);
    }

    /** One entry of the problem's {@code invalid-params} list. */
    public record Param(String name, String reason) {
    }

    /** The 400 problem document for one or more unusable parameters. */
    public static ProblemDetail problem(List<Param> params) {
        var detail = new StringBuilder();
        for (Param p : params) {
            detail.append(detail.isEmpty() ? "" : "; ").append("parameter '").append(p.name()).append("': ").append(p.reason());
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail.toString());
        problem.setTitle("Invalid parameter");
        problem.setProperty("invalid-params", params);
        return problem;
    }

    static ProblemDetail problem(String parameter, String reason) {
        return problem(List.of(new Param(parameter, reason)));
    }
}
