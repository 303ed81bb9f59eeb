package de.ortsanker.planning.answers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.Covering;
import de.ortsanker.planning.distance.Site;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.output.Located;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A vacant building or given point: the unserved people it would reach on its own, and — when it was
 * chosen — what it adds after the sites chosen before it (else those are null).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CandidateSite(
        @Schema(description = "the building's place id, or point-N for a given point",
                oneOf = {Long.class, String.class})
        Object id,
        String label, Long placeId, int rankAlone, int peopleReachedAlone, int villagesReachedAlone, Integer chosenRank,
        Integer peopleGained, Integer villagesGained, List<Long> villageIdsGained, String source, String licence,
        String attribution, double lon, double lat) implements Located {

    /** @param pick null when the site was not chosen */
    static CandidateSite of(Covering.Candidate c, Covering.Pick pick) {
        Site s = c.site();
        boolean chosen = pick != null;
        return new CandidateSite(s.placeId() == null ? "point-" + c.rank() : s.placeId(), s.label(), s.placeId(),
                c.rank(), c.people(), c.villages(), chosen ? pick.rank() : null, chosen ? pick.peopleGained() : null,
                chosen ? pick.villagesGained() : null, chosen ? pick.villageIds() : null, s.source(), s.licence(),
                s.attribution(), s.lon(), s.lat());
    }

    static final List<Column<CandidateSite>> COLUMNS = List.of(
            new Column<>("Rang allein", CandidateSite::rankAlone),
            new Column<>("Auswahl-Rang", CandidateSite::chosenRank),
            new Column<>("Gebäude-ID", CandidateSite::placeId),
            new Column<>("Bezeichnung", CandidateSite::label),
            new Column<>("Einwohner neu erreichbar (allein)", CandidateSite::peopleReachedAlone),
            new Column<>("Ortsteile neu erreichbar (allein)", CandidateSite::villagesReachedAlone),
            new Column<>("Einwohner hinzugewonnen", CandidateSite::peopleGained),
            new Column<>("Ortsteile hinzugewonnen", CandidateSite::villagesGained),
            new Column<>("Längengrad", CandidateSite::lon),
            new Column<>("Breitengrad", CandidateSite::lat),
            new Column<>("Quelle", CandidateSite::source),
            new Column<>("Lizenz", CandidateSite::licence));
}
