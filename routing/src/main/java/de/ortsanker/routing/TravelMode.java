package de.ortsanker.routing;

import java.util.Locale;

/**
 * How a person travels along the network. Each mode is a GraphHopper profile with the custom model
 * GraphHopper ships for it (foot.json, bike.json: access, priority and speed from the OSM tags), without
 * elevation. The way to and from the network (a village's centre to the nearest usable way) is counted
 * in a straight line at {@code accessKmh}.
 */
public enum TravelMode {
    WALK("foot", "foot.json", 5.0),
    BIKE("bike", "bike.json", 10.0),
    /**
     * By car — not a planning mode (this service answers "without a car"): only for where a ride from a
     * Mitfahrbank goes. GraphHopper's car.json (car access and speeds from the tags; no turn costs). The leg
     * between a bench or village and its road counts at 20 km/h.
     */
    CAR("car", "car.json", 20.0);

    private final String profile;
    private final String customModel;
    private final double accessKmh;

    TravelMode(String profile, String customModel, double accessKmh) {
        this.profile = profile;
        this.customModel = customModel;
        this.accessKmh = accessKmh;
    }

    /** The GraphHopper profile's name. */
    public String profile() {
        return profile;
    }

    String customModel() {
        return customModel;
    }

    /** Speed off the network, to and from the snapped point (km/h). */
    public double accessKmh() {
        return accessKmh;
    }

    /** As a rule writes it: {@code walk}, {@code bike}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
