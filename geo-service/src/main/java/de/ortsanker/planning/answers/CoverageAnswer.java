package de.ortsanker.planning.answers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.analysis.Coverage;
import de.ortsanker.planning.distance.NearPlace;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.answers.UnderservedAnswer.UnderservedInputs;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.provenance.Provenance;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The share of people within each rule's threshold, per municipality and district and in total, with every
 * village's nearest place per rule. The rules are those of the underserved villages (same syntax, same
 * inputs); this answer sums who is within them instead of ranking who is not.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CoverageAnswer(@Schema(allowableValues = "coverage") String analysis, UnderservedInputs inputs,
                             CoverageArea total, List<CoverageArea> municipalities, List<CoverageArea> districts,
                             List<CoverageVillage> villages, Provenance provenance)
        implements VillagesAnswer<CoverageVillage, CoverageArea> {

    public static CoverageAnswer of(UnderservedInputs inputs, Coverage.Result result, Reach reach, Provenance provenance) {
        List<String> rules = inputs.labels();
        List<CoverageVillage> villages = new ArrayList<>();
        for (int v = 0; v < result.villages().size(); v++) {
            NearPlace[] nearest = new NearPlace[rules.size()];
            for (int r = 0; r < rules.size(); r++) {
                nearest[r] = reach.nearest(r, v);
            }
            villages.add(CoverageVillage.of(result.villages().get(v), rules, result.within()[v], nearest));
        }
        return new CoverageAnswer("coverage", inputs, CoverageArea.of(result.total()),
                result.municipalities().stream().map(CoverageArea::of).toList(),
                result.districts().stream().map(CoverageArea::of).toList(), villages, provenance);
    }

    @Override
    public List<Column<CoverageVillage>> villageColumns() {
        return CoverageVillage.columns(inputs.labels());
    }

    @Override
    public List<Column<CoverageArea>> areaColumns(AreaLevel level) {
        return CoverageArea.columns(level, inputs.labels());
    }
}
