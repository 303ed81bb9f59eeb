package de.ortsanker.planning.answers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.analysis.Underserved;
import de.ortsanker.planning.output.Column;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A municipality or district: its villages and people, how many are underserved, and per rule who misses it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UnderservedArea(String ags, String name, int villages, int underservedVillages,
                              @Schema(description = "the people of the analysed villages (their figures summed)")
                              int population,
                              int populationAffected, int villagesWithoutPopulationFigure,
                              @Schema(description = "the area's official population (Destatis GV-ISys, Zensus 2022;"
                                      + " a district's: the sum of its municipalities'), null where none is imported")
                              Integer officialPopulation,
                              Map<String, Affected> missing) {

    @Schema(description = "The villages that miss a rule and the people living there, keyed by the rule as the"
            + " request wrote it")
    public record Affected(int villages, int population) {
    }

    static UnderservedArea of(Underserved.AreaSummary a, List<String> rules) {
        Map<String, Affected> missing = new LinkedHashMap<>();
        rules.forEach(r -> missing.put(r, new Affected(a.perRule().get(r)[0], a.perRule().get(r)[1])));
        return new UnderservedArea(a.ags(), a.name(), a.villages(), a.underservedVillages(), a.population(),
                a.populationAffected(), a.villagesWithoutPopulationFigure(), a.officialPopulation(), missing);
    }

    /** A row per area: its villages and people, the underserved among them, then per rule who misses it. */
    static List<Column<UnderservedArea>> columns(AreaLevel level, List<String> rules) {
        List<Column<UnderservedArea>> columns = new ArrayList<>(
                AreaColumns.keyAndName(level, UnderservedArea::ags, UnderservedArea::name));
        columns.add(new Column<>("Ortsteile", UnderservedArea::villages));
        columns.add(new Column<>("davon unterversorgt", UnderservedArea::underservedVillages));
        columns.add(new Column<>("Einwohner", UnderservedArea::population));
        columns.add(new Column<>("davon betroffen", UnderservedArea::populationAffected));
        columns.add(new Column<>("Ortsteile ohne Einwohnerzahl", UnderservedArea::villagesWithoutPopulationFigure));
        columns.add(new Column<>(level == AreaLevel.MUNICIPALITY ? "Einwohner der Gemeinde (amtlich)"
                : "Einwohner des Kreises (amtlich)", UnderservedArea::officialPopulation));
        for (String r : rules) {
            columns.add(new Column<>("Ortsteile ohne " + r, a -> a.missing().get(r).villages()));
            columns.add(new Column<>("Einwohner ohne " + r, a -> a.missing().get(r).population()));
        }
        return columns;
    }
}
