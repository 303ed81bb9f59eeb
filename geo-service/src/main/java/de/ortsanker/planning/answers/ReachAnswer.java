package de.ortsanker.planning.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.analysis.ReachAnalysis;
import de.ortsanker.planning.analysis.ReachAnalysis.AreaReach;
import de.ortsanker.planning.answers.Inputs.TargetInput;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.provenance.Provenance;
import de.ortsanker.planning.villages.Village;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** What each village can reach, summed up per municipality and district. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReachAnswer(@Schema(allowableValues = "reach") String analysis, ReachInputs inputs, ReachTotals totals,
                          List<AreaReach> municipalities, List<AreaReach> districts, List<VillageReach> villages,
                          Provenance provenance) implements VillagesAnswer<VillageReach, AreaReach> {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReachInputs(@JsonUnwrapped Inputs asked, List<TargetInput> targets, List<Integer> radiiM) {

        /** The targets as the request wrote them, in its order. */
        public List<String> labels() {
            return targets.stream().map(TargetInput::target).toList();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReachTotals(int villages, int population, long villagesWithoutPopulationFigure) {
    }

    public static ReachAnswer of(ReachInputs inputs, List<Village> villages, Reach reach, Provenance provenance) {
        var totals = new ReachTotals(villages.size(), villages.stream().mapToInt(v -> v.population().weight()).sum(),
                villages.stream().filter(v -> !v.population().known()).count());
        return new ReachAnswer("reach", inputs, totals,
                ReachAnalysis.summarise(villages, reach, AreaLevel.MUNICIPALITY),
                ReachAnalysis.summarise(villages, reach, AreaLevel.DISTRICT),
                IntStream.range(0, villages.size()).mapToObj(v -> VillageReach.of(villages.get(v), reach, v)).toList(),
                provenance);
    }

    @Override
    public List<Column<VillageReach>> villageColumns() {
        return VillageReach.columns(inputs.labels(), inputs.radiiM(), !"straight".equals(inputs.asked().mode()));
    }

    /** A row per area: its villages and people, then per target the distances and the people within the radii. */
    @Override
    public List<Column<AreaReach>> areaColumns(AreaLevel level) {
        List<String> targets = inputs.labels();
        List<Integer> radii = inputs.radiiM();
        List<Column<AreaReach>> columns = new ArrayList<>(
                AreaColumns.keyAndName(level, AreaReach::ags, AreaReach::name));
        columns.add(new Column<>("Ortsteile", AreaReach::villages));
        columns.add(new Column<>("Einwohner", AreaReach::population));
        columns.add(new Column<>("Ortsteile ohne Einwohnerzahl", AreaReach::villagesWithoutPopulationFigure));
        for (int t = 0; t < targets.size(); t++) {
            int target = t;
            String label = targets.get(t);
            columns.add(new Column<>(label + ": mittlere Entfernung (m, nach Einwohnern gewichtet)",
                    a -> a.targets().get(target).meanNearestM()));
            columns.add(new Column<>(label + ": größte Entfernung (m)", a -> a.targets().get(target).maxNearestM()));
            for (int r : radii) {
                columns.add(new Column<>(label + ": Einwohner bis " + r + " m",
                        a -> a.targets().get(target).populationWithin().get(r)));
            }
        }
        return columns;
    }
}
