package de.ortsanker.features;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs for links, built from the request as the client sent it (behind the county's reverse
 * proxy, X-Forwarded-* headers are honoured). Query values are encoded only where they must be, so links
 * stay readable: {@code crs=http://www.opengis.net/def/crs/EPSG/0/25832&bbox=11.5,50,11.6,50.1}.
 */
final class RequestUrls {

    private final String base;

    private RequestUrls(String base) {
        this.base = base;
    }

    static RequestUrls current() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return new RequestUrls(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** {@code path} (starting with '/') with the given query parameters, in order, nulls left out. */
    String to(String path, Map<String, String> query) {
        var sb = new StringBuilder(base).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getValue() != null) {
                sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
                sep = '&';
            }
        }
        return sb.toString();
    }

    String to(String path, String format) {
        return to(path, Map.of("f", format));
    }

    /** The request's own parameters (first value each), without {@code f}, for self/alternate/next links. */
    static Map<String, String> parametersWithout(Map<String, String[]> params, String... left) {
        var copy = new LinkedHashMap<String, String>();
        params.forEach((name, values) -> {
            if (values.length > 0 && !Arrays.asList(left).contains(name)) {
                copy.put(name, values[0]);
            }
        });
        return copy;
    }

    /** Percent-encodes what may not stand in a query value: delimiters of the query itself, space, non-ASCII. */
    static String encode(String value) {
        var sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:/,@!$'()*;".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
