package de.ortsanker.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Problem documents in the caller's language: the {@code title} in German or English as
 * {@code Accept-Language} prefers (English when it names neither), with {@code Content-Language} and
 * {@code Vary}. The {@code detail} and the reasons in {@code invalid-params} stay as written (English,
 * naming the parameter); pages show their own words for them, built from the status and the parameter
 * names, and the title as the service's.
 */
@ControllerAdvice
class ProblemLanguage implements ResponseBodyAdvice<Object> {

    static final List<Locale> OFFERED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private static final Map<Integer, String> GERMAN = Map.of(
            400, "Ungültige Angabe",
            403, "Nicht erlaubt",
            404, "Nicht gefunden",
            405, "Methode nicht erlaubt",
            406, "Format nicht lieferbar",
            409, "Konflikt",
            415, "Format nicht unterstützt",
            500, "Interner Fehler",
            503, "Dienst vorübergehend nicht verfügbar");

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem)) {
            return body;
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        Locale chosen = chosen(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, chosen.getLanguage());
        if (chosen.equals(Locale.GERMAN)) {
            String title = GERMAN.get(problem.getStatus());
            if (title != null) {
                problem.setTitle(title);
            }
        }
        return problem;
    }

    /** The offered language the header prefers; English when it names neither or cannot be read. */
    static Locale chosen(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), OFFERED);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException unreadable) {
            return Locale.ENGLISH;
        }
    }
}
