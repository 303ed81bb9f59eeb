package de.ortsanker.accounts;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is acting: a signed-in account (session: {@code scopes} null, every scope its roles allow) or an
 * API token of the account (only the token's scopes). Roles are not carried here: {@link Permissions}
 * reads them at each decision, so a revoked role or a disabled account stops at once.
 */
public record Actor(long accountId, String login, Long tokenId, Set<Scope> scopes) implements Serializable {

    boolean allows(Scope scope) {
        return scopes == null || scopes.contains(scope);
    }

    /** How the actor came in, for the audit log. */
    public String via() {
        return tokenId == null ? "session" : "token " + tokenId;
    }
}
