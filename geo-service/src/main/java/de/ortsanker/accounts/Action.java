package de.ortsanker.accounts;

/** Every kind of write the service knows, with the token scope it needs. Decided by {@link Permissions}. */
public enum Action {
    /** Create, disable, unlock accounts; grant and revoke roles; issue and revoke others' tokens. */
    MANAGE_ACCOUNTS(Scope.ADMINISTER, "manage accounts"),
    READ_AUDIT(Scope.ADMINISTER, "read the audit log"),
    /** POST /planning/…: replace the county's published planning results. */
    PUBLISH_PLANNING(Scope.PUBLISH, "publish planning answers"),
    /** Create, change, move or retire a place (within the actor's territory). */
    EDIT_PLACE(Scope.EDIT, "edit places"),
    MODERATE(Scope.MODERATE, "moderate suggestions");

    private final Scope scope;
    private final String description;

    Action(Scope scope, String description) {
        this.scope = scope;
        this.description = description;
    }

    public Scope scope() {
        return scope;
    }

    public String description() {
        return description;
    }
}
