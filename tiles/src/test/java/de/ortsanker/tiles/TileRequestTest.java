package de.ortsanker.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ortsanker.problem.InvalidParameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tile coordinates and filters are checked before any query; a bad one is a 400 naming the parameter. */
class TileRequestTest {

    private static final List<TileLayer> ALL = TileLayers.forTile("all").orElseThrow().layers();
    private static final List<TileLayer> MOBILITY = TileLayers.forTile("mobility").orElseThrow().layers();
    private static final List<TileLayer> VILLAGES = TileLayers.forTile("villages").orElseThrow().layers();

    private static void rejects(Runnable call, String parameter, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidParameter.class, e ->
                assertThat(e.params()).singleElement().satisfies(p -> {
                    assertThat(p.name()).isEqualTo(parameter);
                    assertThat(p.reason()).contains(reason);
                }));
    }

    @Test
    void coordinatesMustLieInTheGridOfTheirZoom() {
        assertThat(TileAddress.of(0, 0, 0)).isEqualTo(new TileAddress(0, 0, 0));
        assertThat(TileAddress.of(16, 65535, 65535)).hasToString("16/65535/65535");
        rejects(() -> TileAddress.of(23, 0, 0), "z", "from 0 to 22");
        rejects(() -> TileAddress.of(-1, 0, 0), "z", "from 0 to 22");
        rejects(() -> TileAddress.of(3, 8, 0), "x", "from 0 to 7 at zoom 3, got 8");
        rejects(() -> TileAddress.of(3, 0, -1), "y", "from 0 to 7 at zoom 3, got -1");
    }

    @Test
    void filtersAreReadCanonicallySoEqualFiltersShareCacheEntries() {
        var a = TileFilter.parse(Map.of("kinds", new String[] {"pub,cafe"}, "step_free", new String[] {"limited"},
                "free_entry", new String[] {"true"}), ALL);
        var b = TileFilter.parse(Map.of("kinds", new String[] {"cafe", "pub", "pub"}, "step_free", new String[] {"limited"},
                "free_entry", new String[] {"true"}, "v", new String[] {"7"}), ALL);
        assertThat(a).isEqualTo(b);
        assertThat(a.key()).isEqualTo(b.key()).isEqualTo("cafe,pub|limited|true");
        assertThat(a.query()).isEqualTo("?kinds=cafe,pub&step_free=limited&free_entry=true");
        // The name the tiles used before, with its list of values, means the same and is marked deprecated.
        var old = TileFilter.parse(Map.of("kinds", new String[] {"cafe,pub"}, "wheelchair", new String[] {"yes", "limited"},
                "free_entry", new String[] {"true"}), ALL);
        assertThat(old.key()).isEqualTo(a.key());
        assertThat(old.deprecated()).containsExactly("wheelchair (use step_free)");
        assertThat(a.deprecated()).isEmpty();
        assertThat(TileFilter.parse(Map.of(), ALL)).isEqualTo(TileFilter.NONE);

        var spelt = TileFilter.parse(Map.of("filter", new String[] {"capacity>=20 and name like 'Saal%'"}), ALL);
        var respelt = TileFilter.parse(Map.of("filter", new String[] {"capacity >= 20 AND name LIKE 'Saal%'"}), ALL);
        assertThat(spelt.key()).isEqualTo(respelt.key()).endsWith("[20, Saal%]"); // the meaning, not the spelling
        assertThat(spelt.query()).isEqualTo("?filter=capacity%3E%3D20%20and%20name%20like%20%27Saal%25%27");
        assertThat(TileFilter.NONE.key()).isEmpty();
    }

    @Test
    void badFiltersAreRejected() {
        rejects(() -> TileFilter.parse(Map.of("kinds", new String[] {"pub,spaceport"}), ALL), "kinds",
                "'spaceport' is neither a layer nor a kind");
        rejects(() -> TileFilter.parse(Map.of("kinds", new String[] {"pub"}), MOBILITY), "kinds",
                "kind 'pub' is not in layer 'mobility' but in 'third_places'");
        rejects(() -> TileFilter.parse(Map.of("wheelchair", new String[] {"maybe"}), ALL), "wheelchair", "'maybe'");
        rejects(() -> TileFilter.parse(Map.of("wheelchair", new String[] {"no"}), ALL), "wheelchair", "filter=wheelchair='no'");
        rejects(() -> TileFilter.parse(Map.of("step_free", new String[] {"partly"}), ALL), "step_free", "got 'partly'");
        rejects(() -> TileFilter.parse(Map.of("free_entry", new String[] {"yes"}), ALL), "free_entry", "true or false");
        rejects(() -> TileFilter.parse(Map.of("free_entry", new String[] {"true", "false"}), ALL), "free_entry", "once");
        rejects(() -> TileFilter.parse(Map.of("wheelchair", new String[] {"yes"}), VILLAGES), "wheelchair", "holds no places");
        rejects(() -> TileFilter.parse(Map.of("filter", new String[] {"capacity >"}), ALL), "filter", "");
        rejects(() -> TileFilter.parse(Map.of("filter", new String[] {"phone = '112'"}), ALL), "filter", "unknown property 'phone'");
        rejects(() -> TileFilter.parse(Map.of("filter", new String[] {"name = 'x'"}, "filter-lang", new String[] {"sql"}), ALL),
                "filter", "unknown filter language 'sql'");
        rejects(() -> TileFilter.parse(Map.of("filter", new String[] {"name = 'x'"}), VILLAGES), "filter", "holds no places");
    }
}
