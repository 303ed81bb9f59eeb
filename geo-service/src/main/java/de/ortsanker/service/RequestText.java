package de.ortsanker.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request text with control characters reaches a query. A NUL byte ({@code %00}) in any text parameter
 * ({@code q}, {@code near}, every OGC text filter, a CQL2 string) made PostgreSQL refuse the statement (it
 * cannot store NUL in text) and the service answer 500; other control characters are never meaningful in a
 * name, filter or address. Every parameter's name and values are checked once here, ahead of every endpoint
 * (tiles' fast path included): 400 naming the parameter. Tab, line feed and carriage return stay allowed
 * (a CQL2 filter or a GeoJSON polygon may be written over several lines).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestText extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            String problem = controlCharacter(p.getKey());
            for (String value : p.getValue()) {
                problem = problem != null ? problem : controlCharacter(value);
            }
            if (problem != null) {
                response.setStatus(400);
                response.setContentType("application/problem+json");
                String name = controlCharacter(p.getKey()) == null ? p.getKey() : "(parameter name)";
                String reason = "contains a control character (" + problem + "), which no name, text or filter may hold";
                response.getOutputStream().write(ProblemJson.of(400, "Invalid parameter",
                        "parameter '" + name + "': " + reason, request.getRequestURI(), name, reason));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The first control character other than tab, line feed and carriage return, as U+XXXX; null if none. */
    static String controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }
}
