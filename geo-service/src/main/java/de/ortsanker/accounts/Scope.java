package de.ortsanker.accounts;

import de.ortsanker.problem.InvalidParameter;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a personal API token may be used for. A scope never grants more than the account's roles: a
 * token's request must pass both its scope and the roles (checked by {@link Permissions}).
 */
public enum Scope {
    ADMINISTER("administer"),
    PUBLISH("publish"),
    EDIT("edit"),
    MODERATE("moderate");

    private final String code;

    Scope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Scope parse(String code) {
        for (Scope s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new InvalidParameter("scopes", "'" + code + "' is not a scope; one of "
                + Arrays.stream(values()).map(Scope::code).collect(Collectors.joining(", ")));
    }
}
