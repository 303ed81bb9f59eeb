package de.ortsanker.planning.answers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.output.Located;
import de.ortsanker.planning.villages.Village;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * Who a village is in an answer: its names and keys, how many people live there and how that figure was
 * found, and where its record comes from.
 *
 * @param population null when nothing is known (counted as 0 people and flagged)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VillageFacts(long id, String name, String kind, String ags, String municipality, String districtAgs,
                           String district, Integer population,
                           @Schema(allowableValues = {"own", "zensus", "addresses", "settlement_kind", "unknown"})
                           String populationMethod,
                           @Schema(description = "the village's own figure, or its share of the official figure by the"
                                   + " Zensus grid or by addresses; a share by kind of settlement (rough) and a missing"
                                   + " figure are flagged")
                           boolean populationKnown,
                           @Schema(description = "± people: the method's measured error (docs/population.md)")
                           Integer populationUncertainty,
                           String populationSource, LocalDate populationDate, String populationNote, String source,
                           String licence, String attribution) {

    static VillageFacts of(Village v) {
        var p = v.population();
        return new VillageFacts(v.id(), v.name(), v.kind(), v.ags(), v.municipality(), v.districtAgs(), v.district(),
                p.people(), p.method().code(), p.known(), p.uncertainty(), p.source(), p.date(), p.note(), v.source(),
                v.licence(),
                v.attribution());
    }

    /** The columns of a village in every table that lists villages, its point last. */
    static <T extends VillageItem> List<Column<T>> columns() {
        return List.of(
                new Column<T>("ID", i -> i.village().id()),
                new Column<T>("Ortsteil", i -> i.village().name()),
                new Column<T>("Art", i -> i.village().kind()),
                Column.key("AGS", i -> i.village().ags()),
                new Column<T>("Gemeinde", i -> i.village().municipality()),
                new Column<T>("Kreis", i -> i.village().district()),
                new Column<T>("Einwohner", i -> i.village().population()),
                new Column<T>("Einwohnerzahl: Methode", i -> i.village().populationMethod()),
                new Column<T>("Einwohnerzahl: ±", i -> i.village().populationUncertainty()),
                new Column<T>("Einwohnerzahl: Quelle", i -> i.village().populationSource() == null
                        ? i.village().populationNote() : i.village().populationSource()),
                new Column<T>("Längengrad", Located::lon),
                new Column<T>("Breitengrad", Located::lat));
    }
}
