package de.ortsanker.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The controlled vocabulary of what the map holds. The database's {@code kinds} table is the authority
 * for labels and detail fields; this enum lets code name a kind without a string literal, and a test
 * keeps both in step.
 */
public enum Kind {
    VILLAGE_HALL("village_hall", Group.THIRD_PLACE, Shape.POINT, false),
    COMMUNITY_CENTRE("community_centre", Group.THIRD_PLACE, Shape.POINT, false),
    SOCIAL_CENTRE("social_centre", Group.THIRD_PLACE, Shape.POINT, false),
    LIBRARY("library", Group.THIRD_PLACE, Shape.POINT, false),
    BOOK_BUS_STOP("book_bus_stop", Group.THIRD_PLACE, Shape.POINT, false),
    YOUTH_CLUB("youth_club", Group.THIRD_PLACE, Shape.POINT, false),
    PARISH_HALL("parish_hall", Group.THIRD_PLACE, Shape.POINT, false),
    PUB("pub", Group.THIRD_PLACE, Shape.POINT, true),
    CAFE("cafe", Group.THIRD_PLACE, Shape.POINT, true),
    SHOP_WITH_BENCH("shop_with_bench", Group.THIRD_PLACE, Shape.POINT, true),
    MAKERSPACE("makerspace", Group.THIRD_PLACE, Shape.POINT, false),
    DIGITAL_HELP_POINT("digital_help_point", Group.THIRD_PLACE, Shape.POINT, false),
    MOBILE_OFFER("mobile_offer", Group.THIRD_PLACE, Shape.POINT, true),

    CLUB("club", Group.CLUB, Shape.POINT, true),
    INITIATIVE("initiative", Group.CLUB, Shape.POINT, true),
    VOLUNTEERING("volunteering", Group.CLUB, Shape.POINT, true),

    MEETING_ROOM("meeting_room", Group.MEETING_ROOM, Shape.POINT, true),

    MITFAHRBANK("mitfahrbank", Group.MOBILITY, Shape.POINT, false),
    MITFAHRPARKPLATZ("mitfahrparkplatz", Group.MOBILITY, Shape.POINT, false),
    MOBILITY_STATION("mobility_station", Group.MOBILITY, Shape.POINT, false),
    CAR_SHARING("car_sharing", Group.MOBILITY, Shape.POINT, false),
    BIKE_RENTAL("bike_rental", Group.MOBILITY, Shape.POINT, false),
    CHARGING_STATION("charging_station", Group.MOBILITY, Shape.POINT, false),
    BUS_STOP("bus_stop", Group.MOBILITY, Shape.POINT, false),
    TRAIN_STATION("train_station", Group.MOBILITY, Shape.POINT, false),
    ON_DEMAND_ZONE("on_demand_zone", Group.MOBILITY, Shape.AREA, true),

    VACANT_BUILDING("vacant_building", Group.VACANT, Shape.ANY, false),

    VILLAGE_SHOP("village_shop", Group.SUPPLY, Shape.POINT, false),
    SHOP_24_7("shop_24_7", Group.SUPPLY, Shape.POINT, false),
    HEALTH_SITE("health_site", Group.SUPPLY, Shape.POINT, false);

    /** Which geometries a kind takes: a spot, an area (polygon), or either (a building's footprint). */
    public enum Shape { POINT, AREA, ANY }

    private final String code;
    private final Group group;
    private final Shape shape;
    private final boolean nameRequired;

    Kind(String code, Group group, Shape shape, boolean nameRequired) {
        this.code = code;
        this.group = group;
        this.shape = shape;
        this.nameRequired = nameRequired;
    }

    public String code() {
        return code;
    }

    public Group group() {
        return group;
    }

    public Shape shape() {
        return shape;
    }

    public boolean nameRequired() {
        return nameRequired;
    }

    public static Optional<Kind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public static List<Kind> inGroup(Group group) {
        return Arrays.stream(values()).filter(k -> k.group == group).toList();
    }
}
