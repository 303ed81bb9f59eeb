package de.ortsanker.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's personal data (DSGVO): exported (Art. 15, 20) and erased (Art. 17).
 *
 * <p>The export holds everything stored about the account — its record, identities at the sign-on
 * provider, roles, tokens (their metadata, never a hash), sign-in failures, the audit events by or about it
 * and its edits of places — and nothing about anybody else: other accounts' logins appear as
 * {@value #SOMEONE}, client addresses only on the account's own actions.
 *
 * <p>Erasing deletes the account, its roles, tokens, identities and sign-in failures in one transaction.
 * What it did stays, pseudonymised: its place versions name a random pseudonym ({@code erased-…}, V102),
 * so that a history still tells editors apart; the audit log and every other mention of the login (places'
 * {@code edited_by}, who created other accounts, granted roles or issued tokens) say the pseudonym, and the
 * client addresses of its events are removed. Neither the login nor the name nor an e-mail address can be
 * recovered from what remains. Free text that people typed (history comments) is cleared of the login and
 * the display name; what else they wrote into it is theirs to have asked to remove first.
 */
@Component
public class PersonalData {

    static final String SOMEONE = "another account";

    /** What Ortsanker stores about one account. */
    public record Export(@JsonProperty("exported_at") OffsetDateTime exportedAt, Accounts.Account account,
                         List<Map<String, Object>> identities, List<Grant> roles, List<Tokens.Token> tokens,
                         @JsonProperty("sign_in_failures") List<Map<String, Object>> signInFailures,
                         @JsonProperty("audit_events") List<Audit.Event> auditEvents,
                         List<Map<String, Object>> edits) {
    }

    /** The outcome of an erasure: what the account is called where its history stays. */
    public record Erased(String pseudonym, @JsonProperty("place_versions") int placeVersions,
                         @JsonProperty("audit_events") int auditEvents) {
    }

    private static final String EVENTS = """
            select id, at, event, actor, subject, detail::text as detail, remote_address
              from audit_events where actor = ? or subject = ? order by id""";

    private static final String EDITS = """
            select place_id, version, at, origin, import_run, comment, changes::text as changes
              from place_versions where account_id = ? order by place_id, version""";

    /** Every column that may hold a login, outside the account's own rows (which are deleted). */
    private static final List<String> LOGIN_COLUMNS = List.of(
            "update places set edited_by = ? where edited_by = ?",
            "update accounts set created_by = ? where created_by = ?",
            "update account_roles set granted_by = ? where granted_by = ?",
            "update api_tokens set created_by = ? where created_by = ?");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Accounts accounts;
    private final Roles roles;
    private final Tokens tokens;
    private final Audit audit;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    public PersonalData(JdbcTemplate jdbc, PlatformTransactionManager transactions, Accounts accounts, Roles roles,
                        Tokens tokens, Audit audit) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.accounts = accounts;
        this.roles = roles;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** Everything about the account with {@code login}, as {@code by} (the account itself or an administrator) asked. */
    public Export export(String login, String by) {
        return transactions.execute(status -> {
            var account = accounts.byLogin(login);
            // recorded first, so that the export holds its own event too
            audit.record("account-exported", by, account.login(), Map.of());
            var others = jdbc.queryForList("select login from accounts where id <> ?", String.class, account.id());
            var own = account.login();
            var shown = new Accounts.Account(account.id(), own, account.displayName(), account.createdAt(),
                    masked(account.createdBy(), own, others), account.disabledAt());
            var grants = roles.of(account.id()).stream().map(g -> new Grant(g.id(), g.role(), g.territory(),
                    g.grantedAt(), masked(g.grantedBy(), own, others))).toList();
            var ownTokens = tokens.of(own).stream().map(t -> new Tokens.Token(t.id(), t.name(), t.scopes(),
                    t.createdAt(), masked(t.createdBy(), own, others), t.expiresAt(), t.revokedAt(), t.lastUsedAt()))
                    .toList();
            var identities = jdbc.queryForList("select issuer, subject, linked_at, last_login from account_identities"
                    + " where account_id = ? order by linked_at", account.id());
            var failures = jdbc.queryForList("select failures, last_failure, locked_until from login_failures"
                    + " where login = ? order by last_failure", own);
            var events = jdbc.query(EVENTS, (rs, n) -> {
                String actor = rs.getString("actor");
                boolean byThem = own.equals(actor);
                JsonNode detail = read(rs.getString("detail"));
                if (!byThem && detail instanceof ObjectNode object) {
                    object.remove("client");   // a stranger's address in a lockout
                }
                return new Audit.Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("event"),
                        masked(actor, own, others), masked(rs.getString("subject"), own, others), detail,
                        byThem ? rs.getString("remote_address") : null);
            }, own, own);
            var edits = jdbc.query(EDITS, (rs, n) -> {
                var edit = new java.util.LinkedHashMap<String, Object>();
                edit.put("place", rs.getLong("place_id"));
                edit.put("version", rs.getInt("version"));
                edit.put("at", rs.getObject("at", OffsetDateTime.class));
                edit.put("origin", rs.getString("origin"));
                edit.put("comment", rs.getString("comment"));
                edit.put("changes", read(rs.getString("changes")));
                return (Map<String, Object>) edit;
            }, account.id());
            return new Export(OffsetDateTime.now(), shown, identities, grants, ownTokens, failures, events, edits);
        });
    }

    /** Deletes the account and pseudonymises what it leaves behind, in one transaction. */
    public Erased erase(String login, String by) {
        return transactions.execute(status -> {
            var account = accounts.byLogin(login);
            String own = account.login();
            byte[] bytes = new byte[6];
            random.nextBytes(bytes);
            String pseudonym = "erased-" + HexFormat.of().formatHex(bytes);

            int versions = jdbc.update("""
                    update place_versions
                       set erased_editor = ?, account_id = null,
                           comment = nullif(regexp_replace(regexp_replace(comment, ?, ?, 'gi'), ?, ?, 'gi'), '')
                     where account_id = ?""",
                    pseudonym, literal(own), pseudonym, literal(account.displayName() == null ? own
                            : account.displayName()), pseudonym, account.id());
            int events = jdbc.update("""
                    update audit_events
                       set actor = case when actor = ? then ? else actor end,
                           subject = case when subject = ? then ? else subject end,
                           remote_address = null
                     where actor = ? or subject = ?""", own, pseudonym, own, pseudonym, own, own);
            // anywhere in any event's detail: also others' requests naming it (/admin/accounts/<login>/…), in any
            // case and with '@' as sent in a URL (a login's characters need no escaping in JSON)
            String mention = literal(own).replace("@", "(@|%40)");
            jdbc.update("update audit_events set detail = regexp_replace(detail::text, ?, ?, 'gi')::jsonb"
                    + " where detail::text ~* ?", mention, pseudonym, mention);
            for (String update : LOGIN_COLUMNS) {
                jdbc.update(update, pseudonym, own);
            }
            jdbc.update("delete from login_failures where login = ?", own);
            jdbc.update("delete from account_identities where account_id = ?", account.id());
            jdbc.update("delete from api_tokens where account_id = ?", account.id());
            jdbc.update("delete from account_roles where account_id = ?", account.id());
            jdbc.update("delete from accounts where id = ?", account.id());
            boolean themselves = own.equals(by);
            audit.record("account-erased", themselves ? pseudonym : by, pseudonym,
                    Map.of("place_versions", versions, "audit_events", events));
            if (themselves) {
                // their own request's address would be the last personal datum left
                jdbc.update("update audit_events set remote_address = null where subject = ?", pseudonym);
            }
            return new Erased(pseudonym, versions, events);
        });
    }

    /** Another account's login → {@value #SOMEONE}; the account's own, and words like admin.sh, as they are. */
    private static String masked(String who, String own, List<String> others) {
        return who != null && !who.equals(own) && others.contains(who) ? SOMEONE : who;
    }

    /** A regular expression that matches the text literally. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\.^$|?*+()\\[\\]{}-]", "\\\\$0");
    }

    private JsonNode read(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
