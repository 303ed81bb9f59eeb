package de.ortsanker.tiles;

import static de.ortsanker.tiles.Fixtures.LAT;
import static de.ortsanker.tiles.Fixtures.LON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TileJSON that validates against the official 3.0.0 schema and says where the data comes from. */
@PostgisTest
class TileJsonTest {

    static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(TileJsonTest.class.getResourceAsStream("/tilejson/3.0.0/schema.json"));
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void data(TestSchema db) {
        Fixtures.place(db, "mitfahrbank", null, LON, LAT);
        Fixtures.place(db, "bus_stop", "Harsdorf Mitte", LON + 0.1, LAT + 0.05);
        Fixtures.place(db, "car_sharing", "Dorfauto", LON - 0.1, LAT - 0.05,
                "licence", "'CC0-1.0'", "attribution", "'Gemeinde <script>alert(1)</script> Harsdorf'");
        Fixtures.place(db, "pub", "Gasthof Krone", 13.4, 52.5); // another layer: not in mobility's bounds
    }

    private static JsonNode tileJson(TestSchema db, String tileset, TileFilter filter) {
        var tiles = new Tiles(db.dataSource(), TileSettings.DEFAULTS);
        var layers = TileLayers.forTile(tileset).orElseThrow().layers();
        var summary = new LayerMetadata(db.dataSource()).of(tileset, layers, tiles.state(layers));
        return JSON.valueToTree(TileJson.of("https://karte.example.org", tileset, layers, filter, summary, 12));
    }

    @Test
    void validatesAgainstTheTileJson300Schema(TestSchema db) {
        for (String tileset : List.of("all", "mobility", "villages", "supply")) {
            assertThat(SCHEMA.validate(tileJson(db, tileset, TileFilter.NONE))).as(tileset).isEmpty();
        }
        // … and the schema does catch a broken document.
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) tileJson(db, "mobility", TileFilter.NONE);
        broken.remove("tiles");
        broken.put("minzoom", 31);
        assertThat(SCHEMA.validate(broken)).hasSize(2);
    }

    @Test
    void describesTilesZoomsBoundsCentreAndLayersAsTheSpecificationAsks(TestSchema db) {
        JsonNode json = tileJson(db, "mobility", Fixtures.filter("kinds=mitfahrbank,bus_stop&free_entry=true"));
        assertThat(json.get("tilejson").asText()).isEqualTo("3.0.0");
        assertThat(json.get("tiles").get(0).asText()).isEqualTo(
                "https://karte.example.org/tiles/mobility/{z}/{x}/{y}.mvt?kinds=bus_stop,mitfahrbank&free_entry=true");
        int min = json.get("minzoom").asInt();
        int max = json.get("maxzoom").asInt();
        assertThat(min).isEqualTo(0);
        assertThat(max).isEqualTo(16);

        var b = JSON.convertValue(json.get("bounds"), double[].class);
        assertThat(b).containsExactly(LON - 0.1, LAT - 0.05, LON + 0.1, LAT + 0.05);
        var c = JSON.convertValue(json.get("center"), double[].class);
        assertThat(c[0]).isBetween(b[0], b[2]);
        assertThat(c[1]).isBetween(b[1], b[3]);
        assertThat(c[2]).isBetween((double) min, (double) max).isEqualTo(Math.rint(c[2])); // a whole zoom

        assertThat(json.get("vector_layers")).singleElement().satisfies(layer -> {
            assertThat(layer.get("id").asText()).isEqualTo("mobility");
            // typed as GDAL and QGIS read them (a description instead made them type every column as text)
            assertThat(JSON.convertValue(layer.get("fields"), Map.class)).isEqualTo(Map.of(
                    "name", "String", "kind", "String", "wheelchair", "String", "free_entry", "Boolean",
                    "licence", "String", "attribution", "String", "count", "Number"));
        });
        var all = tileJson(db, "all", TileFilter.NONE);
        assertThat(all.get("vector_layers")).extracting(l -> l.get("id").asText()).containsExactly("municipalities",
                "villages", "third_places", "clubs", "meeting_rooms", "mobility", "vacant_buildings", "supply");
        assertThat(all.get("vector_layers").get(0).get("minzoom").asInt()).isEqualTo(8);
    }

    @Test
    void theAttributionNamesTheSourcesInTheLayerEscapedForHtml(TestSchema db) {
        String attribution = tileJson(db, "mobility", TileFilter.NONE).get("attribution").asText();
        assertThat(attribution).isEqualTo("© OpenStreetMap contributors (<a href=\"https://www.openstreetmap.org/copyright\">ODbL-1.0</a>)"
                + " | Gemeinde &lt;script&gt;alert(1)&lt;/script&gt; Harsdorf"
                + " (<a href=\"https://creativecommons.org/publicdomain/zero/1.0/\">CC0-1.0</a>)");
        assertThat(tileJson(db, "clubs", TileFilter.NONE).get("attribution").asText()).isEmpty(); // no clubs, no sources
        assertThat(tileJson(db, "clubs", TileFilter.NONE).get("bounds").get(0).asDouble()).isEqualTo(-180);
    }
}
