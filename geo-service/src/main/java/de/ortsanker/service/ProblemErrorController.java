package de.ortsanker.service;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as a problem document. Spring Boot's own answered
 * errors the container forwards there (a {@code sendError}, an exception escaping a filter) with its JSON
 * error attributes, and a direct {@code GET /error} with a 500 of status 999. This one answers the status the
 * container reports, with a title and no internals; asked directly, {@code /error} is a resource that does
 * not exist (404). Its content type is set, not negotiated: the Accept header may be what failed.
 */
@Hidden  // the container's, not an operation of the API
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null && i >= 400
                ? HttpStatus.valueOf(i) : HttpStatus.NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = code == null ? "there is nothing at " + request.getRequestURI()
                : switch (status) {
                    case NOT_FOUND -> "there is nothing at this address";
                    case METHOD_NOT_ALLOWED -> "this address does not take this method";
                    case BAD_REQUEST -> "the request could not be understood (its address, parameters or headers)";
                    default -> status.is5xxServerError() ? "the request could not be answered; try again later"
                            : status.getReasonPhrase();
                };
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            problem.setInstance(java.net.URI.create(String.valueOf(uri == null ? request.getRequestURI() : uri)));
        } catch (IllegalArgumentException e) {
            // an address that is no URI (why it failed, perhaps): the problem goes without it
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
