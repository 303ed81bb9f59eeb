package de.ortsanker.problem;

/**
 * A class of expensive requests has no free slot (see {@code de.ortsanker.database.Bulkhead}): answered at
 * once with 429 and {@code Retry-After} instead of queueing for a database connection that cheap requests
 * need. Not a fault of the client's request, so it is retried after {@link #retryAfterSeconds()}.
 */
public class Busy extends RuntimeException {

    private final String requestClass;
    private final int retryAfterSeconds;

    public Busy(String requestClass, int retryAfterSeconds) {
        super("too many " + requestClass + " requests at once; try again in a second", null, false, false);
        this.requestClass = requestClass;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The class of requests that was full: {@code search}, {@code tiles}. */
    public String requestClass() {
        return requestClass;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
