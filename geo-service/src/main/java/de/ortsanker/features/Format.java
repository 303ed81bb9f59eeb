package de.ortsanker.features;

import de.ortsanker.problem.InvalidParameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * JSON for programs, HTML for people: chosen by {@code f=json|html}, else by the Accept header. A browser
 * (which prefers text/html) gets HTML; API clients, {@code *}{@code /*} and a missing Accept get JSON.
 */
enum Format {
    JSON("json"), HTML("html");

    final String parameter;

    Format(String parameter) {
        this.parameter = parameter;
    }

    static Format of(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        String f = request.getParameter("f");
        if (f != null) {
            return switch (f) {
                case "json", "geojson" -> JSON;
                case "html" -> HTML;
                default -> throw new InvalidParameter("f", "'" + f + "' is not a format here; use json or html");
            };
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        double html = 0;
        double json = 0;
        for (MediaType t : types) {
            double q = t.getQualityValue();
            if (t.isWildcardType() || t.isWildcardSubtype() && t.getType().equals("application")) {
                json = Math.max(json, q);
            } else if (t.getType().equals("text") && (t.getSubtype().equals("html") || t.isWildcardSubtype())
                    || t.getSubtype().equals("xhtml+xml")) {
                html = Math.max(html, q);
            } else if (t.getSubtype().equals("json") || t.getSubtype().endsWith("+json")) {
                json = Math.max(json, q);
            }
        }
        if (html > json) {
            return HTML;
        }
        if (json > 0) {
            return JSON;
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML));
    }
}
