package de.ortsanker.service;

import java.nio.charset.StandardCharsets;

/**
 * A problem document (RFC 9457) written by hand, for the places that answer before Spring MVC can: servlet
 * filters and the container's own error reports. Only ASCII leaves (everything else escaped), so the bytes
 * are the same in any charset a container may add.
 */
final class ProblemJson {

    private ProblemJson() {
    }

    /** {@code {"type":"about:blank","title":…,"status":…,"detail":…,"instance":…}}, plus one invalid parameter. */
    static byte[] of(int status, String title, String detail, String instance, String parameter, String reason) {
        var sb = new StringBuilder("{\"type\":\"about:blank\",\"title\":").append(quoted(title))
                .append(",\"status\":").append(status).append(",\"detail\":").append(quoted(detail));
        if (instance != null) {
            sb.append(",\"instance\":").append(quoted(instance));
        }
        if (parameter != null) {
            sb.append(",\"invalid-params\":[{\"name\":").append(quoted(parameter)).append(",\"reason\":")
                    .append(quoted(reason)).append("}]");
        }
        return sb.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String quoted(String s) {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
