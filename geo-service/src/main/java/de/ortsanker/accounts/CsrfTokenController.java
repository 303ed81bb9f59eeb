package de.ortsanker.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CSRF token for the web map's own pages: they sign in, sign out and write with {@code fetch}, which
 * needs the token of the session (or of the session about to be made) as the {@code X-CSRF-TOKEN} header.
 * Reading it is no risk: another site cannot read our answers (no CORS for this path), only we can.
 * Asking for it makes a session — only pages that are about to write ask.
 */
@RestController
@Tag(name = "Accounts (own)")
public class CsrfTokenController {

    public record Csrf(String header, String parameter, String token) {
    }

    @Operation(summary = "The CSRF token for a page's writes", description = "For the web map's sign-in, sign-out"
            + " and edits: send it as the named header (or form field). It changes when signing in; ask again then.")
    @GetMapping(path = "/account/csrf", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Csrf> csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken()));
    }
}
