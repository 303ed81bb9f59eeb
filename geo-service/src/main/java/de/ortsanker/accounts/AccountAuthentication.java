package de.ortsanker.accounts;

import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Signing in with login and password (the login form): the stored lockout of this login for this client
 * ({@link LoginThrottle}) first, then bcrypt. Being a
 * bean, it also keeps Spring Boot from creating its default user with a generated password.
 */
@Component
public class AccountAuthentication implements AuthenticationProvider {

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final Audit audit;
    // Compared against when the login is unknown, so that an unknown login costs as long as a known one.
    private final String unknownLoginHash;

    public AccountAuthentication(Accounts accounts, LoginThrottle throttle, Audit audit) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.unknownLoginHash = accounts.encoder().encode("not a password: compared for unknown logins");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String login = String.valueOf(request.getName()).strip().toLowerCase(java.util.Locale.ROOT);
        String password = String.valueOf(request.getCredentials());
        String client = ClientAddress.current();
        var lockedUntil = throttle.lockedUntil(login, client);
        if (lockedUntil != null) {
            audit.record("login-refused", null, login, Map.of("reason", "locked", "locked_until", lockedUntil.toString()));
            throw new LockedException("locked until " + lockedUntil);
        }
        var credentials = accounts.credentials(login);
        // An account of the single sign-on has no password: compared like an unknown login, never a match.
        boolean hasPassword = credentials.map(Accounts.Credentials::passwordHash).isPresent();
        boolean matches = accounts.encoder().matches(password,
                credentials.map(Accounts.Credentials::passwordHash).orElse(unknownLoginHash)) && hasPassword;
        if (credentials.isEmpty() || !matches || credentials.get().disabled()) {
            throttle.failed(login, client, credentials.isEmpty() ? "unknown login" : !hasPassword ? "no password (single sign-on)"
                    : !matches ? "wrong password" : "account disabled");
            throw new BadCredentialsException("wrong login or password");
        }
        throttle.succeeded(login, client);
        audit.record("login", login, login, Map.of());
        return new ActorAuthentication(new Actor(credentials.get().id(), login, null, null));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
