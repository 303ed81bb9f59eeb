package de.ortsanker.accounts;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per login, stored (a restart or a second instance keeps counting): after
 * {@link AccountSettings#maxFailures()} in a row the login is locked for {@link AccountSettings#lockout()},
 * right password or not. Unknown logins are counted the same, so the answers tell nothing about which exist.
 */
@Component
public class LoginThrottle {

    // Counts the failure; the failure that reaches the limit sets the lock (and says so: just_locked).
    private static final String FAILED = """
            insert into login_failures as f (login, failures, last_failure) values (?, 1, now())
            on conflict (login) do update
               set failures = case when f.locked_until is not null and f.locked_until <= now() then 1
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

    /** Until when the login is locked, or null. */
    OffsetDateTime lockedUntil(String login) {
        return jdbc.query("select locked_until from login_failures where login = ? and locked_until > now()",
                (rs, n) -> rs.getObject(1, OffsetDateTime.class), login).stream().findFirst().orElse(null);
    }

    void failed(String login, String reason) {
        int failures = jdbc.queryForObject(FAILED, Integer.class, login);
        audit.record("login-failed", null, login, Map.of("reason", reason, "failures", failures));
        if (failures == settings.maxFailures()) {
            jdbc.update("update login_failures set locked_until = now() + ? * interval '1 second' where login = ?",
                    settings.lockout().toSeconds(), login);
            audit.record("login-locked", null, login, Map.of("failures", failures,
                    "seconds", settings.lockout().toSeconds()));
        }
    }

    void succeeded(String login) {
        jdbc.update("delete from login_failures where login = ?", login);
    }

    /** An administrator lifts a lock. */
    public void unlock(String login, String by) {
        jdbc.update("delete from login_failures where login = ?", login);
        audit.record("login-unlocked", by, login, Map.of());
    }
}
