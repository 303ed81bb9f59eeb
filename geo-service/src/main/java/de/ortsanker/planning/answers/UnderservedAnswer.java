package de.ortsanker.planning.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.analysis.Underserved;
import de.ortsanker.planning.answers.Inputs.RuleInput;
import de.ortsanker.planning.output.Column;
import de.ortsanker.planning.provenance.Provenance;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The villages that break a rule, ranked by the people affected, with summaries per municipality and district. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UnderservedAnswer(@Schema(allowableValues = "underserved") String analysis, UnderservedInputs inputs,
                                UnderservedTotals totals, List<UnderservedArea> municipalities,
                                List<UnderservedArea> districts, List<UnderservedVillage> villages,
                                Provenance provenance) implements VillagesAnswer<UnderservedVillage, UnderservedArea> {

    public record UnderservedInputs(@JsonUnwrapped Inputs asked, List<RuleInput> rules) {

        /** The rules as the request wrote them, in its order. */
        public List<String> labels() {
            return rules.stream().map(RuleInput::rule).toList();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UnderservedTotals(int villages, int underservedVillages, int population, int populationAffected,
                                    int villagesWithoutPopulationFigure) {
    }

    public static UnderservedAnswer of(UnderservedInputs inputs, Underserved.Result result, Provenance provenance) {
        var totals = new UnderservedTotals(result.villagesAnalysed(), result.villages().size(), result.population(),
                result.populationAffected(), result.villagesWithoutPopulationFigure());
        return new UnderservedAnswer("underserved", inputs, totals,
                result.municipalities().stream().map(a -> UnderservedArea.of(a, inputs.labels())).toList(),
                result.districts().stream().map(a -> UnderservedArea.of(a, inputs.labels())).toList(),
                result.villages().stream().map(UnderservedVillage::of).toList(), provenance);
    }

    @Override
    public List<Column<UnderservedVillage>> villageColumns() {
        return UnderservedVillage.columns();
    }

    @Override
    public List<Column<UnderservedArea>> areaColumns(AreaLevel level) {
        return UnderservedArea.columns(level, inputs.labels());
    }
}
