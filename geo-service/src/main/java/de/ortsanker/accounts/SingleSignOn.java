package de.ortsanker.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single sign-on with the county's OpenID Connect provider (authorization code flow, Spring Security's
 * OAuth 2.0 client: the ID token's signature is checked against the provider's published keys, its issuer,
 * audience, expiry and nonce too). The identity — issuer and subject, never the e-mail address, which can
 * be reassigned — maps to one Ortsanker account ({@code account_identities}, V100), made at the first sign-in
 * without roles and without a password; administrators grant roles as for local accounts. The session then
 * carries the same {@link Actor} as a password sign-in: {@link Permissions} decides the same way.
 */
@Component
public class SingleSignOn implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    private static final String ACCOUNT_OF = """
            update account_identities set last_login = now() where issuer = ? and subject = ?
            returning account_id""";

    private final SingleSignOnSettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Accounts accounts;
    private final Audit audit;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private volatile ClientRegistration registration;

    public SingleSignOn(SingleSignOnSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                        Accounts accounts, Audit audit) {
        settings.check();
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.accounts = accounts;
        this.audit = audit;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * The provider's registration, from its discovery document on first use (not at start-up: the service
     * starts while the provider is away, and asks again at the next sign-in until it answers).
     */
    @Override
    public ClientRegistration findByRegistrationId(String id) {
        if (!enabled() || !SingleSignOnSettings.REGISTRATION.equals(id)) {
            return null;
        }
        var known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(settings.issuer())
                            .registrationId(SingleSignOnSettings.REGISTRATION)
                            .clientName(settings.title())
                            .clientId(settings.clientId())
                            .clientSecret(settings.clientSecret())
                            .scope(settings.scopes())
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .build();
                }
                known = registration;
            }
        }
        return known;
    }

    /**
     * The registrations the sign-in page offers (Spring Security lists an iterable repository's): the provider,
     * once its discovery document could be read; while it cannot, none (the page still offers the password).
     */
    @Override
    public java.util.Iterator<ClientRegistration> iterator() {
        if (!enabled()) {
            return java.util.Collections.emptyIterator();
        }
        try {
            return java.util.List.of(findByRegistrationId(SingleSignOnSettings.REGISTRATION)).iterator();
        } catch (RuntimeException unreachable) {
            log.warn("single sign-on: the provider's discovery document at {} cannot be read: {}", settings.issuer(),
                    unreachable.getMessage());
            return java.util.Collections.emptyIterator();
        }
    }

    /** After the provider's ID token was verified: the mapped account becomes the session's actor. */
    void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (!(authentication.getPrincipal() instanceof OidcUser user)) {
            throw new IllegalStateException("not an OpenID Connect sign-in: " + authentication.getClass());
        }
        String issuer = user.getIssuer().toString();
        String subject = user.getSubject();
        var account = transactions.execute(status -> account(issuer, subject, user));
        if (!accounts.active(account.id())) {
            audit.record("login-refused", null, account.login(), Map.of("reason", "account disabled", "via", "oidc"));
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(new Actor(account.id(), account.login(), null, null)));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        audit.record("login", account.login(), account.login(), Map.of("via", "oidc", "issuer", issuer));
        response.sendRedirect(request.getContextPath() + "/");
    }

    /** The provider refused, or its answer did not verify (signature, issuer, audience, nonce): audited, no session. */
    void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String reason = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "failed";
        audit.record("login-failed", null, null, Map.of("reason", reason, "via", "oidc"));
        log.info("single sign-on refused: {} ({})", reason, e.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** The account the identity maps to; made (without roles or password) at its first sign-in. */
    private Accounts.Account account(String issuer, String subject, OidcUser user) {
        var known = jdbc.queryForList(ACCOUNT_OF, Long.class, issuer, subject);
        if (!known.isEmpty()) {
            return accounts.byId(known.get(0));
        }
        String displayName = Optional.ofNullable(user.getFullName()).filter(n -> n.length() <= 200).orElse(null);
        for (Supplier<String> candidate : java.util.List.<Supplier<String>>of(() -> preferred(user),
                () -> derived(issuer, subject))) {
            String login = candidate.get();
            if (login == null) {
                continue;
            }
            try {
                long id = jdbc.queryForObject("insert into accounts (login, display_name, password_hash, created_by)"
                        + " values (?, ?, null, 'oidc') on conflict (login) do nothing returning id", Long.class, login,
                        displayName);
                jdbc.update("insert into account_identities (issuer, subject, account_id, last_login) values (?, ?, ?, now())",
                        issuer, subject, id);
                audit.record("account-created", null, login, Map.of("via", "oidc", "issuer", issuer));
                return accounts.byId(id);
            } catch (org.springframework.dao.EmptyResultDataAccessException taken) {
                // the login belongs to another account (never taken over): the next candidate
            }
        }
        throw new IllegalStateException("no login for " + issuer + " " + subject);
    }

    /** The provider's user name (or e-mail address) when it is a valid login. */
    private static String preferred(OidcUser user) {
        for (String claim : new String[] {user.getPreferredUsername(), user.getEmail()}) {
            if (claim != null) {
                String login = claim.strip().toLowerCase(Locale.ROOT);
                if (login.matches("[a-z0-9][a-z0-9._@-]{2,63}")) {
                    return login;
                }
            }
        }
        return null;
    }

    /** A login no person chose: {@code sso-} and a digest of issuer and subject. */
    private static String derived(String issuer, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((issuer + "\n" + subject)
                    .getBytes(StandardCharsets.UTF_8));
            return "sso-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
