package de.ortsanker.accounts;

import de.ortsanker.problem.InvalidParameter;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What an account may do, and over which territory (a role without one holds for the whole county). */
public enum Role {
    COUNTY_ADMINISTRATOR("county_administrator", null),
    MUNICIPALITY_STEWARD("municipality_steward", "an AGS or AGS prefix (2 to 12 digits), e.g. 12062"),
    SOURCE_STEWARD("source_steward", "the name of a data source"),
    ORGANISATION_EDITOR("organisation_editor", "the organisation (club, operator) whose entries it edits"),
    MODERATOR("moderator", null);

    private final String code;
    private final String territory;

    Role(String code, String territory) {
        this.code = code;
        this.territory = territory;
    }

    public String code() {
        return code;
    }

    public boolean hasTerritory() {
        return territory != null;
    }

    public static Role parse(String code) {
        for (Role role : values()) {
            if (role.code.equals(code)) {
                return role;
            }
        }
        throw new InvalidParameter("role", "'" + code + "' is not a role; one of " + codes());
    }

    static String codes() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
    }

    /** The territory as stored, or a 400 naming {@code territory} when it does not fit the role. */
    String territory(String given) {
        String t = given == null || given.isBlank() ? null : given.strip();
        if (territory == null) {
            if (t != null) {
                throw new InvalidParameter("territory", code + " holds for the whole county and takes no territory");
            }
            return null;
        }
        if (t == null) {
            throw new InvalidParameter("territory", code + " needs a territory: " + territory);
        }
        if (this == MUNICIPALITY_STEWARD && !t.matches("[0-9]{2,12}")) {
            throw new InvalidParameter("territory", "'" + t + "' is not " + territory);
        }
        return t;
    }
}
