package de.ortsanker.planning;

import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.planning.analysis.Covering;
import de.ortsanker.planning.distance.Site;
import de.ortsanker.planning.villages.Population;
import de.ortsanker.planning.villages.Village;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy maximal covering on a case small enough to check by hand. */
class CoveringTest {

    private static Village village(long id, Integer people) {
        var p = people == null ? Population.UNKNOWN : new Population(people, Population.Method.OWN, "t", null, "own");
        return new Village(id, "V" + id, "village", 0, 0, null, null, null, null, p, "t", "t", "t");
    }

    private static Site site(String label) {
        return new Site(null, label, 0, 0, "t", "t", "t");
    }

    @Test
    void eachPickAddsTheMostPeopleNotYetServed() {
        // Villages 0..4 with 100, 80, 60, 50, unknown people; village 1 is served already.
        var villages = List.of(village(1, 100), village(2, 80), village(3, 60), village(4, 50), village(5, null));
        boolean[] served = {false, true, false, false, false};
        var sites = List.of(site("A"), site("B"), site("C"), site("D"));
        int[][] reached = {
            {0, 1},       // A: 100 new (80 already served)
            {2, 3},       // B: 110 new — best alone
            {0, 2},       // C: 160 new — best alone, but after C, B adds only 50
            {4},          // D: nobody counted, one village without a figure
        };
        var result = Covering.choose(villages, served, sites, reached, 4);

        assertThat(result.candidates()).extracting(c -> c.site().label()).containsExactly("C", "B", "A", "D");
        assertThat(result.candidates().get(0).people()).isEqualTo(160);
        assertThat(result.picks()).extracting(p -> p.site().label()).containsExactly("C", "B", "D");
        assertThat(result.picks()).extracting(Covering.Pick::peopleGained).containsExactly(160, 50, 0);
        assertThat(result.picks().get(2).villagesGained()).isEqualTo(1);
        assertThat(result.picks().get(0).villageIds()).containsExactly(1L, 3L);
        assertThat(result.before()).isEqualTo(new Covering.Coverage(290, 5, 80, 1));
        assertThat(result.after()).isEqualTo(new Covering.Coverage(290, 5, 290, 5));
    }

    @Test
    void stopsWhenNoSiteAddsAnyone() {
        var villages = List.of(village(1, 10));
        var result = Covering.choose(villages, new boolean[] {true}, List.of(site("A")), new int[][] {{0}}, 3);
        assertThat(result.picks()).isEmpty();
        assertThat(result.after()).isEqualTo(result.before());
    }
}
