package de.ortsanker.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Local accounts: login, display name, bcrypt hash of the password; created, found, disabled. */
@Component
public class Accounts {

    /** An account as administrators see it (never the hash). */
    public record Account(long id, String login, @JsonProperty("display_name") String displayName,
                          @JsonProperty("created_at") OffsetDateTime createdAt,
                          @JsonProperty("created_by") String createdBy,
                          @JsonProperty("disabled_at") OffsetDateTime disabledAt) {
    }

    /** What signing in needs. */
    record Credentials(long id, String login, String passwordHash, boolean disabled) {
    }

    private static final String COLUMNS = "id, login, display_name, created_at, created_by, disabled_at";

    // One statement: the first administrator is created with the role or not at all.
    private static final String CREATE_WITH_ROLE = """
            with account as (
                insert into accounts (login, display_name, password_hash, created_by) values (?, ?, ?, ?)
                returning id)
            insert into account_roles (account_id, role, territory, granted_by)
            select id, ?, null, ? from account
            returning account_id""";

    private static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(rs.getLong("id"), rs.getString("login"),
            rs.getString("display_name"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
            rs.getObject("disabled_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Audit audit;

    public Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, Audit audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** A login as stored: lower case, 3 to 64 of a–z, 0–9 and {@code . _ @ -}; else a 400 naming {@code login}. */
    public static String login(String given) {
        if (given == null || given.isBlank()) {
            throw new InvalidParameter("login", "is required");
        }
        String login = given.strip().toLowerCase(Locale.ROOT);
        if (!login.matches("[a-z0-9][a-z0-9._@-]{2,63}")) {
            throw new InvalidParameter("login", "must be 3 to 64 characters of a-z, 0-9 and . _ @ -, starting with"
                    + " a letter or digit");
        }
        return login;
    }

    public Account create(String givenLogin, String displayName, String password, String by) {
        String login = login(givenLogin);
        PasswordPolicy.check(login, password);
        try {
            long id = jdbc.queryForObject("insert into accounts (login, display_name, password_hash, created_by)"
                    + " values (?, ?, ?, ?) returning id", Long.class, login, displayName, passwords.encode(password), by);
            audit.record("account-created", by, login, Map.of());
            return byId(id);
        } catch (DuplicateKeyException e) {
            throw new InvalidParameter("login", "'" + login + "' is taken");
        }
    }

    /** The first (or another) county administrator, account and role in one statement. */
    public Account createAdministrator(String givenLogin, String password, String by) {
        String login = login(givenLogin);
        PasswordPolicy.check(login, password);
        try {
            long id = jdbc.queryForObject(CREATE_WITH_ROLE, Long.class, login, null, passwords.encode(password), by,
                    Role.COUNTY_ADMINISTRATOR.code(), by);
            audit.record("account-created", by, login, Map.of("role", Role.COUNTY_ADMINISTRATOR.code()));
            return byId(id);
        } catch (DuplicateKeyException e) {
            throw new InvalidParameter("login", "'" + login + "' is taken");
        }
    }

    public List<Account> all() {
        return jdbc.query("select " + COLUMNS + " from accounts order by login", ACCOUNT);
    }

    public Account byLogin(String login) {
        return jdbc.query("select " + COLUMNS + " from accounts where login = ?", ACCOUNT, login.toLowerCase(Locale.ROOT))
                .stream().findFirst().orElseThrow(() -> new NotFound("no account '" + login + "'"));
    }

    Account byId(long id) {
        return jdbc.queryForObject("select " + COLUMNS + " from accounts where id = ?", ACCOUNT, id);
    }

    Optional<Credentials> credentials(String login) {
        return jdbc.query("select id, login, password_hash, disabled_at is not null as disabled from accounts"
                        + " where login = ?", (rs, n) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)), login)
                .stream().findFirst();
    }

    /** Not disabled, and not erased (an erased account's open sessions end with it). */
    boolean active(long id) {
        return jdbc.queryForList("select disabled_at is null from accounts where id = ?", Boolean.class, id)
                .stream().anyMatch(Boolean.TRUE::equals);
    }

    /** Disabled accounts cannot sign in, and their tokens stop working; their history stays. */
    public void disable(String login, String by) {
        var account = byLogin(login);
        jdbc.update("update accounts set disabled_at = coalesce(disabled_at, now()) where id = ?", account.id());
        audit.record("account-disabled", by, account.login(), Map.of());
    }

    PasswordEncoder encoder() {
        return passwords;
    }
}
