package de.ortsanker.planning.answers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.output.Words;
import de.ortsanker.vocabulary.LocalityKind;
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

    /** "Weiler" / "hamlet" for a table; an unknown code as it is. */
    static Words kindWords(String kind) {
        return LocalityKind.fromCode(kind).map(k -> new Words(k.de(), k.en())).orElse(new Words(kind, kind));
    }

    /** How the population figure was found, in words; a method this does not know by its code. */
    static Words methodWords(String method) {
        return switch (method == null ? "" : method) {
            case "own" -> new Words("eigene Angabe des Orts", "the village's own figure");
            case "zensus" -> new Words("Anteil an der Gemeinde nach Zensus-Gitter", "share of the municipality by Zensus grid");
            case "addresses" -> new Words("Anteil an der Gemeinde nach Adressen", "share of the municipality by addresses");
            case "settlement_kind" -> new Words("Anteil an der Gemeinde nach Siedlungsart (grob)",
                    "share of the municipality by kind of settlement (rough)");
            case "unknown" -> new Words("unbekannt", "unknown");
            default -> new Words(method, method);
        };
    }

    /** Where a figure without a source comes from: the note is English prose, so a German table says what it is. */
    private static Words noteWords(VillageFacts v) {
        String note = v.populationNote();
        return switch (v.populationMethod() == null ? "" : v.populationMethod()) {
            case "unknown" -> new Words("keine Einwohnerzahl bekannt", note == null ? "no figure known" : note);
            default -> new Words(note, note);
        };
    }

    /** The columns of a village in every table that lists villages, its point last. */
    static <T extends VillageItem> List<Column<T>> columns() {
        return List.of(
                new Column<T>("ID", i -> i.village().id()),
                new Column<T>("Ortsteil", i -> i.village().name()),
                new Column<T>("Art", i -> kindWords(i.village().kind())),
                Column.key("AGS", i -> i.village().ags()),
                new Column<T>("Gemeinde", i -> i.village().municipality()),
                new Column<T>("Kreis", i -> i.village().district()),
                new Column<T>("Einwohner", i -> i.village().population()),
                new Column<T>("Einwohnerzahl: Methode", i -> methodWords(i.village().populationMethod())),
                new Column<T>("Einwohnerzahl: ±", i -> i.village().populationUncertainty()),
                new Column<T>("Einwohnerzahl: Quelle", i -> i.village().populationSource() != null
                        ? i.village().populationSource() : noteWords(i.village())),
                new Column<T>("Längengrad", Located::lon),
                new Column<T>("Breitengrad", Located::lat));
    }
}
