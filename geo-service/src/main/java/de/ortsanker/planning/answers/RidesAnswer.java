package de.ortsanker.planning.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.distance.Rides;
import de.ortsanker.planning.output.Answer;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.output.Located;
import de.ortsanker.planning.output.Table;
import de.ortsanker.planning.provenance.Provenance;
import de.ortsanker.planning.villages.Village;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Mitfahrbänke connect: for each bench the villages and places a ride reaches within the minutes
 * by car, and for each village its nearest bench on foot. The benches are the items (GeoJSON features, CSV rows).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RidesAnswer(@Schema(allowableValues = "mitfahrbank") String analysis, RidesInputs inputs,
                          List<BenchRides> benches, List<VillageToBench> villages, Provenance provenance)
        implements Answer {

    /**
     * @param minutes the ride's time by car
     * @param ride    how a ride is measured, in words
     * @param walk    how the way to the bench is measured, in words
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RidesInputs(@JsonUnwrapped Inputs asked, String bench, List<String> targets, int minutes, String ride,
                              String walk) {
    }

    /** A village a ride reaches, and in how many minutes (to a tenth). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RideTo(long id, String name, double minutes, Integer population) {
    }

    /**
     * @param onNetwork false when no road a car may use lies near the bench
     * @param places    per target (as the request wrote it), how many of its places a ride reaches
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BenchRides(long id, String kind, String name, boolean onNetwork, int villagesReached,
                             @Schema(description = "the people of the villages reached (their figures summed)")
                             int populationReached, List<RideTo> villages, Map<String, Integer> places,
                             double lon, double lat) implements Located {
    }

    /** A village and its nearest bench on foot (null when none is reachable). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record VillageToBench(@JsonUnwrapped VillageFacts village, NearestPlace nearestBench, Long walkM,
                                 Double walkMin, double lon, double lat) {
    }

    public static RidesAnswer of(RidesInputs inputs, List<Village> villages, List<Rides.Bench> benches, Reach walk,
                                 Provenance provenance) {
        List<BenchRides> rides = new ArrayList<>();
        for (Rides.Bench b : benches) {
            List<RideTo> to = b.villages().stream().sorted(Comparator.comparingDouble(Rides.Reached::seconds))
                    .map(r -> {
                        Village v = villages.get(r.index());
                        return new RideTo(v.id(), v.name(), Math.round(r.seconds() / 6.0) / 10.0, v.population().people());
                    }).toList();
            Map<String, Integer> places = new LinkedHashMap<>();
            for (int t = 0; t < inputs.targets().size(); t++) {
                places.put(inputs.targets().get(t), b.places().get(t).length);
            }
            int people = b.villages().stream().mapToInt(r -> villages.get(r.index()).population().weight()).sum();
            rides.add(new BenchRides(b.id(), b.kind(), b.name(), b.onNetwork(), to.size(), people, to, places, b.lon(),
                    b.lat()));
        }
        List<VillageToBench> vs = new ArrayList<>();
        for (int v = 0; v < villages.size(); v++) {
            var near = walk.nearest(0, v);
            vs.add(new VillageToBench(VillageFacts.of(villages.get(v)), NearestPlace.of(near), NearestPlace.metres(near),
                    NearestPlace.minutes(near), villages.get(v).lon(), villages.get(v).lat()));
        }
        return new RidesAnswer("mitfahrbank", inputs, rides, vs, provenance);
    }

    @Override
    public List<BenchRides> items() {
        return benches;
    }

    @Override
    public String itemsName() {
        return "benches";
    }

    /** A row per bench: what a ride from it reaches. */
    @Override
    public Table table(AreaLevel per) {
        List<Column<BenchRides>> columns = new ArrayList<>();
        columns.add(new Column<>("ID", BenchRides::id));
        columns.add(new Column<>("Name", BenchRides::name));
        columns.add(new Column<>("Längengrad", BenchRides::lon));
        columns.add(new Column<>("Breitengrad", BenchRides::lat));
        columns.add(new Column<>("an einer Straße", b -> b.onNetwork() ? "ja" : "nein"));
        columns.add(new Column<>("Fahrzeit (Minuten)", b -> inputs.minutes()));
        columns.add(new Column<>("Ortsteile erreichbar", BenchRides::villagesReached));
        columns.add(new Column<>("Einwohner erreichbar", BenchRides::populationReached));
        columns.add(new Column<>("Ortsteile", b -> String.join(", ", b.villages().stream()
                .map(r -> r.name() + " (" + r.minutes() + " min)").toList())));
        for (String t : inputs.targets()) {
            columns.add(new Column<>("erreichbar: " + t, b -> b.places().get(t)));
        }
        return Table.of(columns, benches);
    }
}
