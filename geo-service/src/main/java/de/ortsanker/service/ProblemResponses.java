package de.ortsanker.service;

import de.ortsanker.problem.Busy;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as an RFC 9457 problem document (application/problem+json). Client mistakes name
 * the parameter and the reason; server faults get a reference to the log line, never a stack trace.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** A request parameter that cannot be used, from any module: 400 naming it ({@code invalid-params}). */
    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<Object> invalidParameter(InvalidParameter e, WebRequest request) {
        var problem = badRequest(e.params());
        e.more().forEach(problem::setProperty);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e, WebRequest request) {
        return handleExceptionInternal(e, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()),
                new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    /** The 400 problem document for one or more unusable parameters. */
    public static ProblemDetail badRequest(List<InvalidParameter.Param> params) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, InvalidParameter.detail(params));
        problem.setTitle("Invalid parameter");
        problem.setProperty("invalid-params", params);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        return invalid(e.getName(), "must be " + expected + ", got '" + e.getValue() + "'", e, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e.getParameterName(), "is required", e, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var params = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new InvalidParameter.Param(
                        String.valueOf(r.getMethodParameter().getParameterName()), String.valueOf(err.getDefaultMessage()))))
                .toList();
        var problem = badRequest(params);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A class of expensive requests without a free slot (a search, an uncached low-zoom tile): 429, retry soon. */
    @ExceptionHandler(Busy.class)
    ResponseEntity<Object> busy(Busy e, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
        return handleExceptionInternal(e, problem, headers, HttpStatus.TOO_MANY_REQUESTS, request);
    }

    /** The same answer written by a servlet filter, ahead of Spring MVC (the search bulkhead). */
    static void writeBusy(Busy e, jakarta.servlet.http.HttpServletRequest request,
                          jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
        response.setContentType("application/problem+json");  // JSON is UTF-8: no charset parameter
        response.getOutputStream().write(ProblemJson.of(429, "Too Many Requests", e.getMessage(),
                request.getRequestURI(), null, null));
    }

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<Object> tooSlow(QueryTimeoutException e, WebRequest request) {
        return timedOut(e, request);
    }

    /** A statement that ran into its statement timeout (SQL state 57014): the client may narrow it or retry. */
    private ResponseEntity<Object> timedOut(Exception e, WebRequest request) {
        io.micrometer.core.instrument.Metrics.counter(OperatorMetrics.STATEMENT_TIMEOUTS).increment();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the query took too long; narrow it down (smaller area, fewer kinds, a lower limit)");
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return handleExceptionInternal(e, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** An Accept (or Content-Type) header that is no media type: the client's mistake, not ours. */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<Object> invalidMediaType(InvalidMediaTypeException e, WebRequest request) {
        return invalid("Accept", "is not a list of media types such as application/json, text/csv", e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (statementTimeout(e)) {
            return timedOut(e, request);
        }
        if (unstorableText(e)) {
            // A NUL in a JSON body, say: request parameters are checked before (RequestText).
            return invalid("body", "contains a character no text may hold (NUL)", e, request);
        }
        if (databaseUnreachable(e)) {
            // Not a fault of ours or the client's: readiness reports the outage (DatabaseHealth), the client
            // may try again; one line here rather than a stack trace per request.
            log.warn("{}: answered 503, no database connection ({})", request.getDescription(false), e.getClass().getSimpleName());
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "the database is not reachable or too busy at the moment; try again in a few seconds");
            var headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "10");
            return handleExceptionInternal(e, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
        }
        String reference = UUID.randomUUID().toString();
        log.error("unexpected error, reference {}", reference, e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; the operators can find it under reference " + reference);
        problem.setProperty("reference", reference);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * Whether the failure is the database being away: no pooled connection to be had (down, or every
     * connection busy past the pool's timeout), or SQL state class 08
     * (connection exception) or 57P01–57P03 (the server shutting down or starting).
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether PostgreSQL refused a text it cannot store: a NUL byte (22021, 22P05). */
    static boolean unstorableText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Problem documents go out as application/problem+json whatever the Accept header says: negotiating them
     * failed with an Accept header that was itself the problem, and the client got an empty 500.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail && headers.getContentType() == null) {
            var withType = new HttpHeaders();
            withType.putAll(headers);
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.createResponseEntity(body, withType, status, request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Whether a statement was cancelled by its statement timeout (SQL state 57014, query_canceled). */
    static boolean statementTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<Object> invalid(String parameter, String reason, Exception e, WebRequest request) {
        return handleExceptionInternal(e, badRequest(List.of(new InvalidParameter.Param(parameter, reason))), new HttpHeaders(),
                HttpStatus.BAD_REQUEST, request);
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }
}
