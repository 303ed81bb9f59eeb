package de.ortsanker.accounts;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per login and client address, stored (a restart or a second instance keeps counting): after
 * {@link AccountSettings#maxFailures()} in a row from one client the login is locked for that client for
 * {@link AccountSettings#lockout()}, right password or not. Unknown logins are counted the same, so the
 * answers tell nothing about which exist.
 *
 * <p>Why per client too: counted per login alone, anybody who knew a login could lock its owner out for
 * the lockout's length by failing five times, again and again. Now a stranger's failures lock the login
 * only for the stranger's address (an IPv6 client: its /64); the owner, elsewhere, still signs in. Guessing
 * stays stopped: one address gets five tries per login per lockout, and all its sign-in attempts — over
 * every login — are rate-limited as well ({@link RequestThrottle}). An attacker with many addresses gets five
 * tries per address, against passwords of at least 12 characters that are not on the list of common ones,
 * each try costing a bcrypt comparison; the audit log shows such a spread (login-failed per address).
 * Failures older than the lockout are forgotten, so a few typos spread over days never add up.
 */
@Component
public class LoginThrottle {

    // Counts the failure; the failure that reaches the limit sets the lock (failed() sees failures == max).
    private static final String FAILED = """
            insert into login_failures as f (login, client, failures, last_failure) values (?, ?, 1, now())
            on conflict (login, client) do update
               set failures = case when (f.locked_until is not null and f.locked_until <= now())
                                        or f.last_failure < now() - ? * interval '1 second' then 1
                                   else f.failures + 1 end,
                   last_failure = now(),
                   locked_until = case when f.locked_until is not null and f.locked_until <= now() then null
                                       else f.locked_until end
            returning failures""";

    private final JdbcTemplate jdbc;
    private final AccountSettings settings;
    private final Audit audit;

    public LoginThrottle(JdbcTemplate jdbc, AccountSettings settings, Audit audit) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.audit = audit;
    }

    /** Until when the login is locked for this client, or null. */
    OffsetDateTime lockedUntil(String login, String client) {
        return jdbc.query("select locked_until from login_failures where login = ? and client = ?"
                        + " and locked_until > now()", (rs, n) -> rs.getObject(1, OffsetDateTime.class), login, client)
                .stream().findFirst().orElse(null);
    }

    void failed(String login, String client, String reason) {
        int failures = jdbc.queryForObject(FAILED, Integer.class, login, client, settings.lockout().toSeconds());
        audit.record("login-failed", null, login, Map.of("reason", reason, "failures", failures));
        if (failures == settings.maxFailures()) {
            jdbc.update("update login_failures set locked_until = now() + ? * interval '1 second'"
                    + " where login = ? and client = ?", settings.lockout().toSeconds(), login, client);
            audit.record("login-locked", null, login, Map.of("failures", failures, "client", client,
                    "seconds", settings.lockout().toSeconds()));
        }
    }

    /** A sign-in from this client: its count starts again (other clients' counts and locks stay). */
    void succeeded(String login, String client) {
        jdbc.update("delete from login_failures where login = ? and client = ?", login, client);
    }

    /** An administrator lifts the login's locks, for every client. */
    public void unlock(String login, String by) {
        jdbc.update("delete from login_failures where login = ?", login);
        audit.record("login-unlocked", by, login, Map.of());
    }
}
