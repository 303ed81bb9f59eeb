package de.ortsanker.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The groups a citizen picks from: places to meet, clubs, rooms, mobility, vacant buildings, supply. Each
 * group is one published layer, and its code is that layer's id everywhere (OGC collection, tile layer,
 * {@code kinds=} filter, data version): no group code is also a kind code, so a code never means two things.
 */
public enum Group {
    THIRD_PLACE("third_places"),
    CLUB("clubs"),
    MEETING_ROOM("meeting_rooms"),
    MOBILITY("mobility"),
    VACANT("vacant_buildings"),
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
