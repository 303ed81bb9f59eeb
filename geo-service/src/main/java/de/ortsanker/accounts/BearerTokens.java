package de.ortsanker.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: a valid personal API token makes its account the actor of this
 * request alone (nothing goes into a session); an unknown, expired or revoked one is answered 401 at once.
 * Token use is audited for writes and for the account endpoints, not for public reads.
 */
public class BearerTokens extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Tokens tokens;
    private final Audit audit;
    private final ObjectMapper json = new ObjectMapper();

    BearerTokens(Tokens tokens, Audit audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    static boolean presents(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presents(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
        var actor = tokens.authenticate(secret);
        if (actor.isEmpty()) {
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", NotSignedIn.TYPE.toString());
            problem.put("title", "Authentication required");
            problem.put("status", 401);
            problem.put("detail", "the Bearer token is unknown, expired or revoked");
            response.setStatus(401);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ortsanker\", error=\"invalid_token\"");
            response.setContentType("application/problem+json");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        if (!SAFE.contains(request.getMethod()) || request.getRequestURI().startsWith("/admin")
                || request.getRequestURI().startsWith("/account")) {
            audit.record("token-used", actor.get().login(), "token " + actor.get().tokenId(),
                    Map.of("method", request.getMethod(), "path", request.getRequestURI()));
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
