package de.ortsanker.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators manage accounts, role assignments and tokens, and read the audit log. Every operation
 * asks {@link Permissions} first (401 without authentication, 403 without the county administrator role
 * or, for a token, the scope {@code administer}).
 */
@RestController
@RequestMapping(path = "/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts (administrators)", description = "Accounts, roles with a territory, API tokens and the audit"
        + " log. County administrators only: a session (with CSRF token) or 'Authorization: Bearer' with scope"
        + " administer.")
public class AdminController {

    public record NewAccount(String login, @JsonProperty("display_name") String displayName, String password) {
    }

    public record AccountView(Accounts.Account account, List<Grant> roles, List<Tokens.Token> tokens) {
    }

    public record NewGrant(String role, String territory) {
    }

    public record NewToken(String name, List<String> scopes, @JsonProperty("expires_in_days") Integer expiresInDays) {
    }

    private final Permissions permissions;
    private final Accounts accounts;
    private final Roles roles;
    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final Audit audit;
    private final PersonalData personalData;

    public AdminController(Permissions permissions, Accounts accounts, Roles roles, Tokens tokens,
                           LoginThrottle throttle, Audit audit, PersonalData personalData) {
        this.personalData = personalData;
        this.permissions = permissions;
        this.accounts = accounts;
        this.roles = roles;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Operation(summary = "All accounts")
    @GetMapping("/accounts")
    public List<Accounts.Account> accounts() {
        permissions.check(Action.MANAGE_ACCOUNTS);
        return accounts.all();
    }

    @Operation(summary = "Create an account", description = "The password must have 12 to 128 characters, not be a"
            + " commonly used one and not contain the login; 400 names the field otherwise.")
    @PostMapping(path = "/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Accounts.Account create(@RequestBody NewAccount body) {
        var actor = permissions.check(Action.MANAGE_ACCOUNTS);
        return accounts.create(body.login(), body.displayName(), body.password(), actor.login());
    }

    @Operation(summary = "One account with its roles and tokens")
    @GetMapping("/accounts/{login}")
    public AccountView account(@PathVariable String login) {
        permissions.check(Action.MANAGE_ACCOUNTS);
        var account = accounts.byLogin(login);
        return new AccountView(account, roles.of(account.id()), tokens.of(login));
    }

    @Operation(summary = "Disable an account", description = "It can no longer sign in and its tokens stop working;"
            + " its history stays.")
    @DeleteMapping("/accounts/{login}")
    public ResponseEntity<Void> disable(@PathVariable String login) {
        var actor = permissions.check(Action.MANAGE_ACCOUNTS);
        accounts.disable(login, actor.login());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Everything stored about an account (DSGVO Art. 15, 20)", description = "As the account"
            + " itself gets it from GET /account/export.")
    @GetMapping("/accounts/{login}/export")
    public PersonalData.Export export(@PathVariable String login) {
        var actor = permissions.check(Action.MANAGE_ACCOUNTS);
        return personalData.export(login, actor.login());
    }

    @Operation(summary = "Erase an account (DSGVO Art. 17)", description = "Deletes the account, its roles, tokens"
            + " and identities; its place versions and audit events stay under a random pseudonym (in the answer),"
            + " without login, name or address. Cannot be undone.")
    @PostMapping("/accounts/{login}/erase")
    public PersonalData.Erased erase(@PathVariable String login) {
        var actor = permissions.check(Action.MANAGE_ACCOUNTS);
        return personalData.erase(login, actor.login());
    }

    @Operation(summary = "Lift a sign-in lockout")
    @DeleteMapping("/accounts/{login}/lockout")
    public ResponseEntity<Void> unlock(@PathVariable String login) {
        var actor = permissions.check(Action.MANAGE_ACCOUNTS);
        throttle.unlock(Accounts.login(login), actor.login());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Grant a role", description = "role: county_administrator, municipality_steward (territory:"
            + " an AGS prefix such as 12062), source_steward (territory: a source), organisation_editor (territory:"
            + " an organisation), moderator.")
    @PostMapping(path = "/accounts/{login}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Grant grant(@PathVariable String login, @RequestBody NewGrant body) {
        var actor = permissions.check(Action.MANAGE_ACCOUNTS);
        return roles.grant(login, body.role(), body.territory(), actor.login());
    }

    @Operation(summary = "Revoke a role assignment")
    @DeleteMapping("/accounts/{login}/roles/{id}")
    public ResponseEntity<Void> revoke(@PathVariable String login, @PathVariable long id) {
        var actor = permissions.check(Action.MANAGE_ACCOUNTS);
        roles.revoke(login, id, actor.login());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Issue an API token for an account", description = "For a portal or script acting as that"
            + " account. The token is in this answer only; scopes: administer, publish, edit, moderate.")
    @PostMapping(path = "/accounts/{login}/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Tokens.Issued issue(@PathVariable String login, @RequestBody NewToken body) {
        var actor = permissions.check(Action.MANAGE_ACCOUNTS);
        return tokens.issue(login, body.name(), body.scopes(), body.expiresInDays(), actor.login());
    }

    @Operation(summary = "Revoke any token")
    @DeleteMapping("/tokens/{id}")
    public ResponseEntity<Void> revokeToken(@PathVariable long id) {
        var actor = permissions.check(Action.MANAGE_ACCOUNTS);
        tokens.revoke(id, null, actor.login());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The audit log, newest first", description = "Sign-ins, failed sign-ins, lockouts, accounts,"
            + " role changes, token creation, use and revocation.")
    @GetMapping("/audit")
    public List<Audit.Event> audit(
            @Parameter(description = "only this event, e.g. login-failed") @RequestParam(required = false) String event,
            @Parameter(description = "only events by or about this login") @RequestParam(required = false) String login,
            @Parameter(description = "only events from this time on (RFC 3339)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @RequestParam(defaultValue = "1000") int limit) {
        permissions.check(Action.READ_AUDIT);
        return audit.events(event, login, since, Math.max(1, Math.min(limit, 100_000)));
    }

    @Operation(summary = "The audit log as CSV (RFC 4180)")
    @GetMapping(path = "/audit.csv", produces = "text/csv")
    public ResponseEntity<String> auditCsv(@RequestParam(required = false) String event,
                                           @RequestParam(required = false) String login,
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
                                           @RequestParam(defaultValue = "100000") int limit) {
        permissions.check(Action.READ_AUDIT);
        var events = audit.events(event, login, since, Math.max(1, Math.min(limit, 100_000)));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                .body(AuditCsv.write(events));
    }
}
