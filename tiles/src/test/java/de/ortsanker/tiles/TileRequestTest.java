package de.ortsanker.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Tile coordinates and filters are checked before any query; a bad one is a 400 naming the parameter. */
class TileRequestTest {

    private static final List<TileLayer> ALL = TileLayers.forTile("all").orElseThrow();
    private static final List<TileLayer> MOBILITY = TileLayers.forTile("mobility").orElseThrow();
    private static final List<TileLayer> VILLAGES = TileLayers.forTile("villages").orElseThrow();

    private static void rejects(Runnable call, String parameter, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.getBody().getProperties()).containsKey("invalid-params");
            assertThat(e.getBody().getProperties().get("invalid-params").toString())
                    .contains("name=" + parameter).contains(reason);
        });
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
        var a = TileFilter.parse(Map.of("kinds", new String[] {"pub,cafe"}, "wheelchair", new String[] {"yes", "limited"},
                "free_entry", new String[] {"true"}), ALL);
        var b = TileFilter.parse(Map.of("kinds", new String[] {"cafe", "pub", "pub"}, "wheelchair", new String[] {"limited,yes"},
                "free_entry", new String[] {"true"}, "v", new String[] {"7"}), ALL);
        assertThat(a).isEqualTo(b);
        assertThat(a.key()).isEqualTo(b.key()).isEqualTo("kinds=cafe,pub&wheelchair=limited,yes&free_entry=true");
        assertThat(TileFilter.parse(Map.of(), ALL)).isEqualTo(TileFilter.NONE);

        var spelt = TileFilter.parse(Map.of("filter", new String[] {"capacity>=20 and name like 'Saal%'"}), ALL);
        var respelt = TileFilter.parse(Map.of("filter", new String[] {"capacity >= 20 AND name LIKE 'Saal%'"}), ALL);
        assertThat(spelt.key()).isEqualTo(respelt.key()).endsWith("[20, Saal%]"); // the meaning, not the spelling
        assertThat(spelt.query()).isEqualTo("?filter=capacity%3E%3D20%20and%20name%20like%20%27Saal%25%27");
        assertThat(TileFilter.NONE.key()).isEmpty();
    }

    @Test
    void badFiltersAreRejected() {
        rejects(() -> TileFilter.parse(Map.of("kinds", new String[] {"pub,spaceport"}), ALL), "kinds", "unknown kind 'spaceport'");
        rejects(() -> TileFilter.parse(Map.of("kinds", new String[] {"pub"}), MOBILITY), "kinds",
                "kind 'pub' is not in layer 'mobility' but in 'third_place'");
        rejects(() -> TileFilter.parse(Map.of("wheelchair", new String[] {"maybe"}), ALL), "wheelchair", "got 'maybe'");
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
