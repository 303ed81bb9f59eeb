package de.ortsanker.planning.answers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.analysis.Coverage;
import de.ortsanker.planning.output.Column;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A municipality or district (or the whole area): its villages and people, and per rule who lives within it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CoverageArea(@Schema(description = "null for the total of the analysed area") String ags, String name,
                           int villages,
                           @Schema(description = "the people of the analysed villages (their figures summed, each"
                                   + " village once)") int population,
                           int villagesWithoutPopulationFigure,
                           @Schema(description = "the area's official population (Destatis GV-ISys, Zensus 2022),"
                                   + " null where none is imported or for the total") Integer officialPopulation,
                           @Schema(description = "keyed by the rule as the request wrote it") Map<String, Share> within) {

    @Schema(description = "The villages whose nearest place of the rule's kinds lies within its radius or minutes,"
            + " and the people living there")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Share(int villages, int population,
                        @Schema(description = "population within ÷ population, 0 … 1, to four places; null when the"
                                + " area's villages have no population figure") Double share) {
    }

    static CoverageArea of(Coverage.AreaShare a) {
        Map<String, Share> within = new java.util.LinkedHashMap<>();
        a.perRule().forEach((rule, w) -> within.put(rule, new Share(w.villages(), w.population(),
                w.share() == null ? null : Math.round(w.share() * 10_000) / 10_000.0)));
        return new CoverageArea(a.ags(), a.name(), a.villages(), a.population(), a.villagesWithoutPopulationFigure(),
                a.officialPopulation(), within);
    }

    /** A row per area: its villages and people, then per rule the villages, people and share within. */
    static List<Column<CoverageArea>> columns(AreaLevel level, List<String> rules) {
        List<Column<CoverageArea>> columns = new ArrayList<>(
                AreaColumns.keyAndName(level, CoverageArea::ags, CoverageArea::name));
        columns.add(new Column<>("Ortsteile", CoverageArea::villages));
        columns.add(new Column<>("Einwohner", CoverageArea::population));
        columns.add(new Column<>("Ortsteile ohne Einwohnerzahl", CoverageArea::villagesWithoutPopulationFigure));
        columns.add(new Column<>(level == AreaLevel.MUNICIPALITY ? "Einwohner der Gemeinde (amtlich)"
                : "Einwohner des Kreises (amtlich)", CoverageArea::officialPopulation));
        for (String r : rules) {
            columns.add(new Column<>("Ortsteile mit " + r, a -> a.within().get(r).villages()));
            columns.add(new Column<>("Einwohner mit " + r, a -> a.within().get(r).population()));
            columns.add(new Column<>("Anteil mit " + r, a -> a.within().get(r).share()));
        }
        return columns;
    }
}
