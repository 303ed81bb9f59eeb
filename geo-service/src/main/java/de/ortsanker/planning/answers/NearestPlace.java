package de.ortsanker.planning.answers;

import de.ortsanker.planning.distance.NearPlace;

/** The nearest place of a target to a village, as an answer names it (its distance is stated beside it). */
public record NearestPlace(long id, String kind, String name) {

    /** Null when there is no such place at all. */
    static NearestPlace of(NearPlace p) {
        return p == null ? null : new NearestPlace(p.id(), p.kind(), p.name());
    }

    /** Minutes to the place along the network, to a tenth; null when there is none or distance was straight. */
    static Double minutes(NearPlace p) {
        return p == null || !p.timed() ? null : Math.round(p.seconds() / 6.0) / 10.0;
    }

    /** Whole metres to the place; null when there is none at all. */
    static Long metres(NearPlace p) {
        return p == null ? null : Math.round(p.metres());
    }
}
