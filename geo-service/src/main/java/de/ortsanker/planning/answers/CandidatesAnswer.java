package de.ortsanker.planning.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.analysis.Covering;
import de.ortsanker.planning.analysis.Covering.Coverage;
import de.ortsanker.planning.answers.Inputs.RuleInput;
import de.ortsanker.planning.distance.Site;
import de.ortsanker.planning.output.Answer;
import de.ortsanker.planning.output.Table;
import de.ortsanker.planning.provenance.Provenance;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a new place would serve the most people now unserved: the sites chosen one after another, and the
 * candidates on their own.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CandidatesAnswer(@Schema(allowableValues = "candidates") String analysis, CandidatesInputs inputs,
                               CandidatesTotals totals, List<ChosenSite> chosen, List<CandidateSite> sites,
                               Provenance provenance) implements Answer {

    /** @param givenPoints how many candidate points the request gave besides the vacant buildings */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CandidatesInputs(@JsonUnwrapped Inputs asked, RuleInput rule, int n, boolean vacantBuildings,
                                   int givenPoints) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CandidatesTotals(int candidates, Coverage coverageBefore, Coverage coverageAfter) {
    }

    /** A chosen site in the order chosen: what it adds, and the coverage after it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChosenSite(int rank, String label, Long placeId, double lon, double lat, int peopleGained,
                             int villagesGained, int peopleServedAfter, int villagesServedAfter) {

        static ChosenSite of(Covering.Pick p) {
            Site s = p.site();
            return new ChosenSite(p.rank(), s.label(), s.placeId(), s.lon(), s.lat(), p.peopleGained(),
                    p.villagesGained(), p.peopleServedAfter(), p.villagesServedAfter());
        }
    }

    /** Lists the best {@code listLimit} candidates on their own, and every chosen one even beyond them. */
    public static CandidatesAnswer of(CandidatesInputs inputs, Covering.Result result, int listLimit,
                                      Provenance provenance) {
        Map<Site, Covering.Pick> picked = new LinkedHashMap<>();
        result.picks().forEach(p -> picked.put(p.site(), p));
        List<Covering.Candidate> listed = new ArrayList<>(result.candidates().stream().limit(listLimit).toList());
        result.candidates().stream().skip(listLimit).filter(c -> picked.containsKey(c.site())).forEach(listed::add);
        return new CandidatesAnswer("candidates", inputs,
                new CandidatesTotals(result.candidates().size(), result.before(), result.after()),
                result.picks().stream().map(ChosenSite::of).toList(),
                listed.stream().map(c -> CandidateSite.of(c, picked.get(c.site()))).toList(), provenance);
    }

    @Override
    public List<CandidateSite> items() {
        return sites;
    }

    @Override
    public String itemsName() {
        return "sites";
    }

    /** A row per site; a table per area would say nothing about sites. */
    @Override
    public Table table(AreaLevel per) {
        return Table.of(CandidateSite.COLUMNS, sites);
    }
}
