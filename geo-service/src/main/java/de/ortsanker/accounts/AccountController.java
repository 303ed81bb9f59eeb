package de.ortsanker.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account itself: who am I, and my personal API tokens. */
@RestController
@RequestMapping(path = "/account", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts (own)", description = "The signed-in account and its personal API tokens.")
public class AccountController {

    public record Me(Accounts.Account account, List<Grant> roles) {
    }

    private final Accounts accounts;
    private final Roles roles;
    private final Tokens tokens;
    private final PersonalData personalData;

    public AccountController(Accounts accounts, Roles roles, Tokens tokens, PersonalData personalData) {
        this.accounts = accounts;
        this.roles = roles;
        this.tokens = tokens;
        this.personalData = personalData;
    }

    private static Actor signedIn(String what) {
        return Permissions.current().orElseThrow(() -> new NotSignedIn(what));
    }

    @Operation(summary = "The signed-in account and its roles")
    @GetMapping
    public Me me() {
        var actor = signedIn("see the own account");
        var account = accounts.byLogin(actor.login());
        return new Me(account, roles.of(account.id()));
    }

    @Operation(summary = "The own API tokens (never their secrets)")
    @GetMapping("/tokens")
    public List<Tokens.Token> myTokens() {
        return tokens.of(signedIn("list the own tokens").login());
    }

    @Operation(summary = "Issue a personal API token", description = "Only with a session (signed in with the"
            + " password, CSRF token required): a token cannot make more tokens. The secret is in this answer only.")
    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Tokens.Issued issue(@RequestBody AdminController.NewToken body) {
        var actor = signedIn("issue a token");
        if (actor.tokenId() != null) {
            throw Refused.sessionOnly("issue tokens");
        }
        return tokens.issue(actor.login(), body.name(), body.scopes(), body.expiresInDays(), actor.login());
    }

    @Operation(summary = "Revoke one of the own tokens")
    @DeleteMapping("/tokens/{id}")
    public ResponseEntity<Void> revoke(@PathVariable long id) {
        var actor = signedIn("revoke a token");
        tokens.revoke(id, actor.login(), actor.login());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Everything stored about the own account (DSGVO Art. 15, 20)", description = "The account,"
            + " its identities at the sign-on provider, roles, tokens (never their hashes), sign-in failures, the audit"
            + " events by or about it and its edits of places, as JSON. Other accounts appear as 'another account'.")
    @GetMapping("/export")
    public ResponseEntity<PersonalData.Export> export() {
        var actor = signedIn("export the own data");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ortsanker-account.json\"")
                .body(personalData.export(actor.login(), actor.login()));
    }

    @Operation(summary = "Erase the own account (DSGVO Art. 17)", description = "Only with a session (CSRF token"
            + " required). Deletes the account, its roles, tokens and identities and ends the session; its place"
            + " versions and audit events stay under a random pseudonym, without login, name or address.")
    @PostMapping("/erase")
    public PersonalData.Erased erase(jakarta.servlet.http.HttpServletRequest request) {
        var actor = signedIn("erase the own account");
        if (actor.tokenId() != null) {
            throw Refused.sessionOnly("erase the account");
        }
        var erased = personalData.erase(actor.login(), actor.login());
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        return erased;
    }
}
