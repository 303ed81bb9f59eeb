package de.ortsanker.accounts;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Accounts for tests, made with the product's own classes: an account, a role, a token. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "korrekt Pferd Batterie Heftklammer";

    private final Accounts accounts;
    private final Roles roles;
    private final Tokens tokens;

    public TestAccounts(Accounts accounts, Roles roles, Tokens tokens) {
        this.accounts = accounts;
        this.roles = roles;
        this.tokens = tokens;
    }

    /** An account (created unless it exists) holding the role, and a fresh token with the scopes (default: all). */
    public String token(String login, Role role, String territory, Scope... scopes) {
        if (accounts.all().stream().noneMatch(a -> a.login().equals(login))) {
            accounts.create(login, null, PASSWORD, "test");
        }
        if (role != null && roles.of(accounts.byLogin(login).id()).stream()
                .noneMatch(g -> g.role().equals(role.code()) && java.util.Objects.equals(g.territory(), territory))) {
            roles.grant(login, role.code(), territory, "test");
        }
        List<String> codes = Arrays.stream(scopes.length == 0 ? Scope.values() : scopes).map(Scope::code).toList();
        return tokens.issue(login, "test", codes, 1, "test").token();
    }

    /** A county administrator's token with every scope. */
    public String administrator() {
        return token("test-admin", Role.COUNTY_ADMINISTRATOR, null);
    }
}
