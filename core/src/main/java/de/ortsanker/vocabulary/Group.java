package de.ortsanker.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** The groups a citizen picks from: places to meet, clubs, rooms, mobility, vacant buildings, supply. */
public enum Group {
    THIRD_PLACE("third_place"),
    CLUB("club"),
    MEETING_ROOM("meeting_room"),
    MOBILITY("mobility"),
    VACANT("vacant"),
    SUPPLY("supply");

    private final String code;

    Group(String code) {
        this.code = code;
    }

    /** The code used in the database, URLs and API responses. */
    public String code() {
        return code;
    }

    public static Optional<Group> fromCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
    }
}
