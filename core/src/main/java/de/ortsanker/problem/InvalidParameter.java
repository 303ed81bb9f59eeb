package de.ortsanker.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request parameter the service cannot use. Every module that reads requests throws it (the places API,
 * OGC API Features, tiles, planning, the shared filter language); the service answers it as one kind of
 * RFC 9457 problem document: 400, the parameter named in {@code invalid-params}, and why.
 */
public class InvalidParameter extends RuntimeException {

    /** One entry of the problem's {@code invalid-params} list. */
    public record Param(String name, String reason) {
    }

    private final transient List<Param> params;
    private final transient Map<String, Object> more = new LinkedHashMap<>();

    public InvalidParameter(String parameter, String reason) {
        this(List.of(new Param(parameter, reason)));
    }

    public InvalidParameter(List<Param> params) {
        super(detail(params), null, false, false);  // a client's mistake: no stack trace to fill
        if (params.isEmpty()) {
            throw new IllegalArgumentException("name at least one parameter");
        }
        this.params = List.copyOf(params);
    }

    public List<Param> params() {
        return params;
    }

    /** Adds a member to the problem document, e.g. {@code suggestions} for a name that fits several places. */
    public InvalidParameter with(String member, Object value) {
        more.put(member, value);
        return this;
    }

    /** The members added with {@link #with}. */
    public Map<String, Object> more() {
        return Map.copyOf(more);
    }

    /** "parameter 'kinds': unknown kind …; parameter 'limit': …", the problem's {@code detail}. */
    public static String detail(List<Param> params) {
        var detail = new StringBuilder();
        for (Param p : params) {
            detail.append(detail.isEmpty() ? "" : "; ").append("parameter '").append(p.name()).append("': ").append(p.reason());
        }
        return detail.toString();
    }
}
