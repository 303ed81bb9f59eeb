package de.ortsanker.planning.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.distance.NearPlace;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.villages.Village;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A village and what it can reach: per target (keyed as the request wrote it), the nearest place and how
 * many lie within each radius.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VillageReach(@JsonUnwrapped VillageFacts village, Map<String, TargetReach> reach, double lon, double lat)
        implements VillageItem {

    /**
     * @param nearestM   whole metres to the nearest place (along the network for walk and bike); null when there
     *                   is none at all
     * @param nearestMin minutes to it along the network (walk, bike), to a tenth; null in a straight line
     * @param within     per radius in metres, how many places lie within it (straight line only)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(description = "What a village can reach of one target, keyed by the target as the request wrote it")
    public record TargetReach(Long nearestM, Double nearestMin, NearestPlace nearest, Map<Integer, Integer> within) {
    }

    static VillageReach of(Village village, Reach reach, int v) {
        int[] radii = reach.radiiM();
        Map<String, TargetReach> perTarget = new LinkedHashMap<>();
        for (int t = 0; t < reach.targets().size(); t++) {
            NearPlace near = reach.nearest(t, v);
            Map<Integer, Integer> within = new LinkedHashMap<>();
            for (int i = 0; i < radii.length; i++) {
                within.put(radii[i], reach.within(t, i, v));
            }
            perTarget.put(reach.targets().get(t).label(),
                    new TargetReach(NearestPlace.metres(near), NearestPlace.minutes(near), NearestPlace.of(near), within));
        }
        return new VillageReach(VillageFacts.of(village), perTarget, village.lon(), village.lat());
    }

    /** A row per village: the village, then per target the nearest place and the counts within the radii. */
    static List<Column<VillageReach>> columns(List<String> targets, List<Integer> radii, boolean timed) {
        List<Column<VillageReach>> columns = new ArrayList<>(VillageFacts.columns());
        for (String t : targets) {
            columns.add(new Column<>(t + ": nächste (m)", v -> v.reach().get(t).nearestM()));
            if (timed) {
                columns.add(new Column<>(t + ": nächste (min)", v -> v.reach().get(t).nearestMin()));
            }
            columns.add(new Column<>(t + ": Name der nächsten", v -> v.reach().get(t).nearest() == null ? null
                    : v.reach().get(t).nearest().name()));
            for (int r : radii) {
                columns.add(new Column<>(t + ": Anzahl bis " + r + " m", v -> v.reach().get(t).within().get(r)));
            }
        }
        return columns;
    }
}
