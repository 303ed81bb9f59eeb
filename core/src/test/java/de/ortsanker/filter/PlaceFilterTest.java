package de.ortsanker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceFilterTest {

    private static PlaceFilter kinds(String codes) {
        return PlaceFilter.of(codes, null, null, null, null);
    }

    @Test
    void aLayerIdNamesTheWholeGroupAndAKindCodeOneKind() {
        assertThat(kinds("clubs").kinds()).containsExactlyInAnyOrder(Kind.CLUB, Kind.INITIATIVE, Kind.VOLUNTEERING);
        assertThat(kinds("club").kinds()).containsExactly(Kind.CLUB);
        assertThat(kinds("kind:club").kinds()).containsExactly(Kind.CLUB);
        assertThat(kinds("mitfahrbank, third_places").kinds()).contains(Kind.MITFAHRBANK, Kind.PUB, Kind.LIBRARY)
                .hasSize(1 + Kind.inGroup(Group.THIRD_PLACE).size());
        assertThat(kinds("").kinds()).isEmpty();
        assertThat(kinds(null).isEmpty()).isTrue();
    }

    @Test
    void theGroupCodesOfBeforeStillWorkAndAreReportedAsDeprecated() {
        var old = kinds("third_place,vacant");
        assertThat(old.kinds()).containsAll(Kind.inGroup(Group.THIRD_PLACE)).contains(Kind.VACANT_BUILDING);
        assertThat(old.deprecated()).containsExactly("kinds=third_place (use third_places)", "kinds=vacant (use vacant_buildings)");
        assertThat(kinds("group:club").kinds()).containsExactlyInAnyOrder(Kind.CLUB, Kind.INITIATIVE, Kind.VOLUNTEERING);
        assertThat(kinds("clubs").deprecated()).isEmpty();
    }

    @Test
    void unknownCodesAreRefusedNamingTheParameterAndWhatExists() {
        assertThatThrownBy(() -> kinds("pub,spaceport")).isInstanceOfSatisfying(InvalidParameter.class, e -> {
            assertThat(e.params()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("kinds");
                assertThat(p.reason()).contains("'spaceport' is neither a layer nor a kind").contains("clubs")
                        .contains("mitfahrbank");
            });
        });
        assertThatThrownBy(() -> kinds("kind:clubs")).isInstanceOf(InvalidParameter.class);
    }

    @Test
    void stepFreeAndFreeEntryHaveOneNameAndOneMeaning() {
        var yes = PlaceFilter.of(null, "yes", null, null, null);
        var limited = PlaceFilter.of(null, "limited", null, null, null);
        assertThat(yes.sql().sql()).isEqualTo("p.wheelchair = any(?)");
        assertThat((String[]) yes.sql().parameters().get(0)).containsExactly("yes");
        assertThat((String[]) limited.sql().parameters().get(0)).containsExactly("yes", "limited");

        // the places API's old names mean the same, and say they are deprecated
        var old = PlaceFilter.of(null, null, null, "limited", "true");
        assertThat(old.stepFree()).isEqualTo(StepFree.LIMITED);
        assertThat(old.freeEntry()).isTrue();
        assertThat(old.key()).isEqualTo(PlaceFilter.of(null, "limited", "true", null, null).key());
        assertThat(old.deprecated()).containsExactly("wheelchair (use step_free)", "free (use free_entry)");

        assertThatThrownBy(() -> PlaceFilter.of(null, "partly", null, null, null)).hasMessageContaining("step_free");
        assertThatThrownBy(() -> PlaceFilter.of(null, "yes", null, "yes", null)).hasMessageContaining("give only step_free");
        assertThatThrownBy(() -> PlaceFilter.of(null, null, "yes", null, null)).hasMessageContaining("true or false");
    }

    @Test
    void conditionsAreFixedTextWithBoundValues() {
        var f = PlaceFilter.parse(Map.of("kinds", new String[] {"pub", "cafe"}, "step_free", new String[] {"yes"},
                "free_entry", new String[] {"false"}), false);
        assertThat(f.sql().sql()).isEqualTo("p.kind = any(?) and p.wheelchair = any(?) and p.free_entry = ?");
        assertThat((String[]) f.sql().parameters().get(0)).containsExactly("cafe", "pub");
        assertThat(f.sql().parameters().get(2)).isEqualTo(false);
        assertThat(PlaceFilter.NONE.sql().sql()).isEqualTo("true");
        assertThat(f.layers()).containsExactly("third_places");
        assertThat(f.queryParameters()).containsExactly("kinds=cafe,pub", "step_free=yes", "free_entry=false");
        assertThatThrownBy(() -> PlaceFilter.parse(Map.of("step_free", new String[] {"yes", "limited"}), false))
                .hasMessageContaining("give it once");
    }

    @Test
    void aFilterForOneLayerRefusesKindsOfAnother() {
        assertThat(kinds("club,initiative").requireWithin(Group.CLUB, "clubs").kinds()).hasSize(2);
        assertThatThrownBy(() -> kinds("club,pub").requireWithin(Group.CLUB, "clubs"))
                .hasMessageContaining("kind 'pub' is not in layer 'clubs' but in 'third_places'");
    }
}
