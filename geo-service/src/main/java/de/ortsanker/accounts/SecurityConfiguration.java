package de.ortsanker.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security as Ortsanker uses it. Authentication only: a session from the login form (with CSRF
 * protection) or a personal API token ({@link BearerTokens}, no CSRF: a browser never sends it by itself).
 * Authorisation is not configured per URL here: every GET stays public (open data), and every write asks
 * {@link Permissions}, the one place that decides. The security headers Spring would add to every answer
 * (no-cache, frame denial) are kept off the public responses, whose caching and embedding are their own
 * business, and set on the account pages and endpoints.
 */
@Configuration
@EnableConfigurationProperties({AccountSettings.class, SingleSignOnSettings.class})
public class SecurityConfiguration {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Account data: never cached, never framed. */
    private static final RequestMatcher PRIVATE = request -> {
        String path = request.getRequestURI();
        return path.equals("/login") || path.equals("/logout") || path.startsWith("/admin/") || path.equals("/account")
                || path.startsWith("/account/");
    };

    /** POSTs that only ask (a polygon too long for a query string) and change nothing: no CSRF needed. */
    static final RequestMatcher PUBLIC_QUERIES = request -> request.getRequestURI().equals("/places/within");

    @Bean
    PasswordEncoder passwordEncoder(AccountSettings settings) {
        return new BCryptPasswordEncoder(settings.bcryptStrength());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Tokens tokens, Audit audit,
                                            AccountAuthentication accountAuthentication, SingleSignOn singleSignOn)
            throws Exception {
        var json = new ObjectMapper();
        if (singleSignOn.enabled()) {
            // GET /oauth2/authorization/county → the provider → GET /login/oauth2/code/county → a session
            http.oauth2Login(oidc -> oidc.clientRegistrationRepository(singleSignOn)
                    .successHandler(singleSignOn::signedIn)
                    .failureHandler(singleSignOn::failed));
        }
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .authenticationProvider(accountAuthentication)
                .formLogin(form -> form.permitAll())
                .logout(logout -> logout.permitAll())
                .httpBasic(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrf))
                .addFilterBefore(new BearerTokens(tokens, audit), UsernamePasswordAuthenticationFilter.class)
                // No entry point of our own: Spring's generated login page stays (URLs are never refused for
                // authentication here; Permissions answers 401 itself). Access denied is CSRF's only refusal.
                .exceptionHandling(errors -> errors
                        .accessDeniedHandler((request, response, e) -> problem(json, response, 403, "Forbidden",
                                "missing or invalid CSRF token: a form sends the _csrf field of its page, a script"
                                        + " signed in with a session the X-CSRF-TOKEN header; or use a Bearer token")))
                .headers(headers -> headers.defaultsDisabled().addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        PRIVATE, new StaticHeadersWriter(java.util.List.of(
                                new Header("Cache-Control", "no-store"),
                                new Header("X-Frame-Options", "DENY"),
                                new Header("X-Content-Type-Options", "nosniff"))))));
        return http.build();
    }

    /**
     * A state-changing request needs a CSRF token when a browser could have sent it on the user's behalf:
     * it carries a session cookie, or it signs in or out. A Bearer token is never sent by a browser of its
     * own accord, and a request with neither carries no authority (it is answered 401 where it matters).
     */
    static boolean needsCsrf(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod()) || BearerTokens.presents(request) || PUBLIC_QUERIES.matches(request)) {
            return false;
        }
        String path = request.getRequestURI();
        return request.getRequestedSessionId() != null || path.equals("/login") || path.equals("/logout");
    }

    static void problem(ObjectMapper json, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
