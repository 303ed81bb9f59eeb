package de.ortsanker.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Personal API tokens for scripts and portals ({@code Authorization: Bearer oat_…}): 256 random bits,
 * shown once; only their SHA-256 is stored. Each has scopes, an expiry (at most
 * {@link AccountSettings#tokenMaxDays()}) and can be revoked.
 */
@Component
public class Tokens {

    public static final String PREFIX = "oat_";

    /** A token as listed (never its secret). */
    public record Token(long id, String name, List<String> scopes, @JsonProperty("created_at") OffsetDateTime createdAt,
                        @JsonProperty("created_by") String createdBy,
                        @JsonProperty("expires_at") OffsetDateTime expiresAt,
                        @JsonProperty("revoked_at") OffsetDateTime revokedAt,
                        @JsonProperty("last_used_at") OffsetDateTime lastUsedAt) {
    }

    /** A token just issued: the only time its secret is seen. */
    public record Issued(long id, String token, List<String> scopes, @JsonProperty("expires_at") OffsetDateTime expiresAt) {
    }

    private static final String COLUMNS = "id, name, scopes, created_at, created_by, expires_at, revoked_at, last_used_at";

    // Valid means: this hash, not revoked, not expired, its account not disabled. Marks the use in the same statement.
    private static final String USE = """
            update api_tokens t set last_used_at = now()
              from accounts a
             where t.secret_hash = ? and a.id = t.account_id
               and t.revoked_at is null and t.expires_at > now() and a.disabled_at is null
            returning t.id, t.account_id, a.login, t.scopes""";

    private static final RowMapper<Token> TOKEN = (rs, n) -> new Token(rs.getLong("id"), rs.getString("name"),
            strings(rs.getArray("scopes")), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
            rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
            rs.getObject("last_used_at", OffsetDateTime.class));

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final Audit audit;
    private final AccountSettings settings;

    public Tokens(JdbcTemplate jdbc, Accounts accounts, Audit audit, AccountSettings settings) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
    }

    public Issued issue(String login, String name, List<String> scopeCodes, Integer days, String by) {
        var account = accounts.byLogin(login);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidParameter("name", "is required: up to 100 characters saying what the token is for");
        }
        if (scopeCodes == null || scopeCodes.isEmpty()) {
            throw new InvalidParameter("scopes", "name at least one scope");
        }
        Set<Scope> scopes = scopeCodes.stream().map(Scope::parse).collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        int lifetime = days == null ? settings.tokenDefaultDays() : days;
        if (lifetime < 1 || lifetime > settings.tokenMaxDays()) {
            throw new InvalidParameter("expires_in_days", "must be 1 to " + settings.tokenMaxDays() + ", got " + lifetime);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var codes = scopes.stream().map(Scope::code).toList();
        OffsetDateTime expires = OffsetDateTime.now().plus(Duration.ofDays(lifetime));
        long id = jdbc.queryForObject("insert into api_tokens (account_id, name, secret_hash, scopes, created_by,"
                + " expires_at) values (?, ?, ?, ?, ?, ?) returning id", Long.class, account.id(), name.strip(),
                hash(secret), codes.toArray(String[]::new), by, expires);
        audit.record("token-created", by, account.login(), Map.of("token", id, "scopes", codes, "expires_at",
                expires.toString()));
        return new Issued(id, secret, codes, expires);
    }

    public List<Token> of(String login) {
        var account = accounts.byLogin(login);
        return jdbc.query("select " + COLUMNS + " from api_tokens where account_id = ? order by id", TOKEN, account.id());
    }

    /** Revokes a token; {@code owner} non-null limits it to that account's tokens (self-service). */
    public void revoke(long id, String owner, String by) {
        var revoked = jdbc.queryForList("update api_tokens t set revoked_at = coalesce(revoked_at, now()) from accounts a"
                + " where t.id = ? and a.id = t.account_id and (?::text is null or a.login = ?) returning a.login",
                String.class, id, owner, owner);
        if (revoked.isEmpty()) {
            throw new NotFound("no token " + id + (owner == null ? "" : " of account '" + owner + "'"));
        }
        audit.record("token-revoked", by, revoked.get(0), Map.of("token", id));
    }

    /** The actor a presented secret stands for, if it is a valid token (marks its use). */
    Optional<Actor> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query(USE, (rs, n) -> new Actor(rs.getLong("account_id"), rs.getString("login"), rs.getLong("id"),
                strings(rs.getArray("scopes")).stream().map(Scope::parse)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)))), hash(secret))
                .stream().findFirst();
    }

    /** SHA-256, hex: what is stored instead of the secret. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
